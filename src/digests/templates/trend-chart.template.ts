import type { HealthBand } from '../../health/domain/health-band';
import type { SafeHtml } from '../../notifications/email/html';
import { html } from './compact-html';
import { BAND_COLOURS, PALETTE } from './digest-palette';
import { chartWeeks } from './digest-view';

/** Tallest bar, for a score of 100. */
export const CHART_HEIGHT_PX = 40;
/**
 * Scores at or below this draw as a sliver. Every row shares one fixed scale,
 * so bars compare across engagements; starting it at 30 rather than 0 spends
 * the 40 px where scores actually live (a slide from 66 to 54 is visible,
 * not a 4 px nudge), and anything under 30 is strained whatever its height.
 */
export const CHART_FLOOR = 30;
const BAR_WIDTH_PX = 8;
const GAP_PX = 2;
// A score of 0 still gets a sliver, so "zero" and "no score" (a gap) look different.
const MIN_BAR_PX = 2;

/**
 * The last eight weekly scores as bars of pure HTML: one table row, one cell
 * per week, each bar drawn as the cell's bottom border (as thick as the bar
 * is tall) under an empty, fixed-height row. Borders and cell heights are
 * what every mail client draws, Outlook's Word engine included; nothing is
 * fetched, and at ~50 bytes a bar twenty rows stay well inside Gmail's
 * clipping limit. Earlier weeks are grey, this week (the last bar) is in its
 * band's colour, and a week without a score is a cell with no border: a gap
 * over the baseline. Screen readers get `spoken` instead of the bars.
 */
export function trendChartHtml(
  history: readonly (number | null)[],
  band: HealthBand,
  spoken: string,
): SafeHtml {
  const weeks = chartWeeks(history);
  const cells = weeks.map((score, i) => {
    if (score === null) return html`<td width="${BAR_WIDTH_PX}"></td>`;
    const colour = i === weeks.length - 1 ? BAND_COLOURS[band].bar : PALETTE.chartBar;
    return html`<td
      width="${BAR_WIDTH_PX}"
      style="border-bottom:${barHeight(score)}px solid ${colour}"
    ></td>`;
  });
  // cellspacing, not spacer cells or CSS border-spacing: the one gap every client (Outlook too) draws.
  return html`<table
    role="img"
    aria-label="${spoken}"
    cellpadding="0"
    cellspacing="${GAP_PX}"
    border="0"
    style="border-bottom:1px solid ${PALETTE.chartBase}"
  >
    <tr style="height:${CHART_HEIGHT_PX}px;font-size:0;line-height:0">
      ${cells}
    </tr>
  </table>`;
}

/** Height in pixels of a bar for `score` (0–100): MIN_BAR_PX at CHART_FLOOR or below, CHART_HEIGHT_PX at 100. */
export function barHeight(score: number): number {
  const above = Math.min(100, Math.max(CHART_FLOOR, score)) - CHART_FLOOR;
  return MIN_BAR_PX + Math.round((above / (100 - CHART_FLOOR)) * (CHART_HEIGHT_PX - MIN_BAR_PX));
}

/** The same eight weeks for the plain-text part: `62 60 – 55 51 47 41 38`, a dash for a gap. */
export function trendChartText(history: readonly (number | null)[]): string {
  return chartWeeks(history)
    .map((score) => (score === null ? '–' : String(score)))
    .join(' ');
}
