import { digestEngagement } from '../../../test/digests/digest-model.factory';
import { rankEngagements } from './engagement-ranking';

describe('rankEngagements', () => {
  it('puts the worst band first, whatever the scores', () => {
    const ranked = rankEngagements([
      digestEngagement({ id: 'healthy', band: 'healthy', score: 90 }),
      digestEngagement({ id: 'watch', band: 'watch', score: 70 }),
      digestEngagement({ id: 'strained', band: 'strained', score: 35 }),
      digestEngagement({ id: 'at-risk', band: 'at_risk', score: 50 }),
    ]);
    expect(ranked.map((e) => e.id)).toEqual(['strained', 'at-risk', 'watch', 'healthy']);
  });

  it('ranks by band before score, so hysteresis cannot reorder the bands', () => {
    // 62 is still "at risk" on its way up (hysteresis), while 61 has already slipped to "watch".
    const ranked = rankEngagements([
      digestEngagement({ id: 'watch-61', band: 'watch', score: 61 }),
      digestEngagement({ id: 'at-risk-62', band: 'at_risk', score: 62 }),
    ]);
    expect(ranked.map((e) => e.id)).toEqual(['at-risk-62', 'watch-61']);
  });

  it('within a band, the lower score comes first', () => {
    const ranked = rankEngagements([
      digestEngagement({ id: 'w72', band: 'watch', score: 72 }),
      digestEngagement({ id: 'w63', band: 'watch', score: 63 }),
      digestEngagement({ id: 'w68', band: 'watch', score: 68 }),
    ]);
    expect(ranked.map((e) => e.id)).toEqual(['w63', 'w68', 'w72']);
  });

  it('with band and score equal, the one falling faster comes first and no trend counts as flat', () => {
    const ranked = rankEngagements([
      digestEngagement({ id: 'rising', band: 'watch', score: 65, trend: 7 }),
      digestEngagement({ id: 'new', band: 'watch', score: 65, trend: null }),
      digestEngagement({ id: 'sliding', band: 'watch', score: 65, trend: -12 }),
    ]);
    expect(ranked.map((e) => e.id)).toEqual(['sliding', 'new', 'rising']);
  });

  it('breaks full ties by name, then id, so every render lists the same order', () => {
    const a = digestEngagement({ id: '2', name: 'Acme × Manila' });
    const b = digestEngagement({ id: '1', name: 'Acme × Manila' });
    const c = digestEngagement({ id: '0', name: 'Acme × Bogotá' });
    expect(rankEngagements([a, b, c]).map((e) => e.id)).toEqual(['0', '1', '2']);
    expect(rankEngagements([c, a, b]).map((e) => e.id)).toEqual(['0', '1', '2']);
  });

  it('returns a new array and leaves the input as it was', () => {
    const input = [
      digestEngagement({ id: 'h', score: 90 }),
      digestEngagement({ id: 's', band: 'strained', score: 20 }),
    ];
    const ranked = rankEngagements(input);
    expect(ranked).not.toBe(input);
    expect(input.map((e) => e.id)).toEqual(['h', 's']);
  });
});
