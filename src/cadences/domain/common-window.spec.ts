import { intersectSpans, mergeSpans, nearestCommonStart } from './common-window';

const h = (hours: number): number => hours * 3_600_000;

describe('common windows', () => {
  it('merges overlapping and touching spans, in any order', () => {
    expect(
      mergeSpans([
        { start: h(5), end: h(6) },
        { start: h(1), end: h(3) },
        { start: h(3), end: h(4) },
      ]),
    ).toEqual([
      { start: h(1), end: h(4) },
      { start: h(5), end: h(6) },
    ]);
  });

  it('intersects two sorted lists', () => {
    const a = [
      { start: h(0), end: h(4) },
      { start: h(8), end: h(12) },
    ];
    const b = [
      { start: h(3), end: h(9) },
      { start: h(11), end: h(20) },
    ];
    expect(intersectSpans(a, b)).toEqual([
      { start: h(3), end: h(4) },
      { start: h(8), end: h(9) },
      { start: h(11), end: h(12) },
    ]);
  });

  it('finds the in-window start nearest the target, the earlier one on a tie', () => {
    const common = [
      { start: h(2), end: h(4) },
      { start: h(8), end: h(10) },
    ];
    const day = { start: h(0), end: h(24) };
    expect(nearestCommonStart(common, day, h(1), h(3))).toBe(h(3));
    expect(nearestCommonStart(common, day, h(1), h(6))).toBe(h(8)); // 3 h back to 3:00, 2 h on to 8:00
    expect(nearestCommonStart(common, day, h(1), h(5.5))).toBe(h(3)); // 2.5 h either way
    expect(nearestCommonStart(common, day, h(1), h(6.5))).toBe(h(8));
    expect(nearestCommonStart(common, day, h(3), h(6))).toBeNull();
  });

  it('only starts a meeting inside the given day', () => {
    expect(nearestCommonStart([{ start: h(22), end: h(27) }], { start: h(0), end: h(24) }, h(1), h(26))).toBe(
      h(24) - 1,
    );
    expect(
      nearestCommonStart([{ start: h(25), end: h(27) }], { start: h(0), end: h(24) }, h(1), h(26)),
    ).toBeNull();
  });
});
