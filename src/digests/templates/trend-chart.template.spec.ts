import { BAND_COLOURS, PALETTE } from './digest-palette';
import {
  barHeight,
  CHART_FLOOR,
  CHART_HEIGHT_PX,
  trendChartHtml,
  trendChartText,
} from './trend-chart.template';

/** Markup with the formatter's line breaks and indentation squeezed out, for matching. */
function flat(markup: string): string {
  return markup.replace(/\s+/g, ' ').replace(/\s*([<>])\s*/g, '$1');
}

/** The week cells of a chart, in order: the bar's height in px, or null for a gap. */
function bars(markup: string): (number | null)[] {
  return [
    ...flat(markup).matchAll(/<td width="8"(?: style="border-bottom:(\d+)px solid (#[0-9a-f]{6})")?><\/td>/g),
  ].map((m) => (m[1] === undefined ? null : Number(m[1])));
}

describe('trendChartHtml', () => {
  it('draws eight bars, one per week, oldest first', () => {
    const markup = flat(trendChartHtml([60, 62, 64, 66, 68, 70, 72, 74], 'watch', 'Last 8 weeks').value);
    const heights = bars(markup);
    expect(heights).toHaveLength(8);
    expect(heights.every((h) => h !== null)).toBe(true);
    // Rising scores, rising bars.
    expect([...(heights as number[])].sort((a, b) => a - b)).toEqual(heights);
  });

  it('leaves a gap (a cell with no bar) for a week without a score', () => {
    const heights = bars(trendChartHtml([80, 81, 82, 82, 81, 82, null, 82], 'healthy', 'x').value);
    expect(heights).toHaveLength(8);
    expect(heights[6]).toBeNull();
    expect(heights.filter((h) => h === null)).toHaveLength(1);
  });

  it('pads a short history with gaps on the left, for an engagement that is weeks old', () => {
    const heights = bars(trendChartHtml([71, 74, 77], 'healthy', 'x').value);
    expect(heights.slice(0, 5)).toEqual([null, null, null, null, null]);
    expect(heights.slice(5).every((h) => h !== null)).toBe(true);
  });

  it('keeps only the last eight weeks of a longer history', () => {
    const heights = bars(
      trendChartHtml([0, 0, 100, 100, 100, 100, 100, 100, 100, 100], 'healthy', 'x').value,
    );
    expect(heights).toEqual(Array(8).fill(CHART_HEIGHT_PX));
  });

  it('colours this week in its band and earlier weeks grey', () => {
    const markup = flat(trendChartHtml([50, 50, 50, 50, 50, 50, 50, 38], 'strained', 'x').value);
    expect(markup.match(new RegExp(`solid ${PALETTE.chartBar}`, 'g'))).toHaveLength(7);
    expect(markup.endsWith(`solid ${BAND_COLOURS.strained.bar}"></td></tr></table>`)).toBe(true);
  });

  it('is an image to screen readers, described by the spoken text, escaped', () => {
    const markup = flat(trendChartHtml([70], 'watch', 'Last 8 weeks: "70" & <b>').value);
    expect(markup).toContain('role="img" aria-label="Last 8 weeks: &quot;70&quot; &amp; &lt;b&gt;"');
  });
});

describe('barHeight', () => {
  it('spans a sliver at the floor to the full height at 100, and clamps', () => {
    expect(barHeight(100)).toBe(CHART_HEIGHT_PX);
    expect(barHeight(130)).toBe(CHART_HEIGHT_PX);
    expect(barHeight(CHART_FLOOR)).toBe(2);
    expect(barHeight(0)).toBe(2);
    expect(barHeight(-5)).toBe(2);
  });

  it('keeps a score of zero visibly different from a gap', () => {
    expect(barHeight(0)).toBeGreaterThan(0);
  });
});

describe('trendChartText', () => {
  it('lists the eight scores with a dash for each gap', () => {
    expect(trendChartText([71, 74, 77])).toBe('– – – – – 71 74 77');
    expect(trendChartText([80, 81, 82, 82, 81, 82, null, 82])).toBe('80 81 82 82 81 82 – 82');
  });
});
