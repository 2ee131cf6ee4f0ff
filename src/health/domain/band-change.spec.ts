import { bandChange, hasBandWorsened } from './band-change';

describe('hasBandWorsened', () => {
  it('is true when the band moves towards strained, by one band or several', () => {
    expect(hasBandWorsened('healthy', 'watch')).toBe(true);
    expect(hasBandWorsened('watch', 'strained')).toBe(true);
  });

  it('is false when the band holds or improves', () => {
    expect(hasBandWorsened('at_risk', 'at_risk')).toBe(false);
    expect(hasBandWorsened('strained', 'watch')).toBe(false);
  });

  it('is false for a first assessment, which is a baseline rather than a change', () => {
    expect(hasBandWorsened(null, 'at_risk')).toBe(false);
    expect(bandChange(null, 'at_risk')).toEqual({ from: null, to: 'at_risk', direction: 'first', steps: 0 });
  });

  it('says how many bands were crossed', () => {
    expect(bandChange('healthy', 'at_risk')).toEqual({
      from: 'healthy',
      to: 'at_risk',
      direction: 'worsened',
      steps: 2,
    });
    expect(bandChange('strained', 'watch')).toMatchObject({ direction: 'improved', steps: 2 });
  });
});
