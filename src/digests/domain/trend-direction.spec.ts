import { STEADY_TREND_POINTS, trendDirection } from './trend-direction';

describe('trendDirection', () => {
  it('reads small wobbles as steady and larger moves as up or down', () => {
    expect(trendDirection(0)).toBe('steady');
    expect(trendDirection(STEADY_TREND_POINTS)).toBe('steady');
    expect(trendDirection(-STEADY_TREND_POINTS)).toBe('steady');
    expect(trendDirection(STEADY_TREND_POINTS + 1)).toBe('up');
    expect(trendDirection(-STEADY_TREND_POINTS - 1)).toBe('down');
  });

  it('has no direction before there is a trend', () => {
    expect(trendDirection(null)).toBe('new');
  });
});
