import { HEALTH_BANDS } from '../../health/domain/health-band';
import { BAND_COLOURS, GOOD_COLOURS, PALETTE, SEVERITY_COLOURS } from './digest-palette';

// WCAG 2.x relative luminance and contrast ratio.
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe('digest palette', () => {
  it.each(HEALTH_BANDS)('band badge %s has text at 4.5:1 or better', (band) => {
    expect(contrast(BAND_COLOURS[band].fg, BAND_COLOURS[band].bg)).toBeGreaterThanOrEqual(4.5);
  });

  it.each(['critical', 'warning', 'info'] as const)(
    'severity pill %s has text at 4.5:1 or better',
    (severity) => {
      expect(contrast(SEVERITY_COLOURS[severity].fg, SEVERITY_COLOURS[severity].bg)).toBeGreaterThanOrEqual(
        4.5,
      );
    },
  );

  it('body, muted and link text read at 4.5:1 on the card, and muted text on the quiet panels and the page', () => {
    expect(contrast(PALETTE.text, PALETTE.card)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(PALETTE.muted, PALETTE.card)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(PALETTE.link, PALETTE.card)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(PALETTE.muted, PALETTE.subtle)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(PALETTE.muted, PALETTE.page)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(GOOD_COLOURS.fg, GOOD_COLOURS.bg)).toBeGreaterThanOrEqual(4.5);
  });

  it('chart bars stand out from the card at 3:1, the bar for graphics', () => {
    expect(contrast(PALETTE.chartBar, PALETTE.card)).toBeGreaterThanOrEqual(3);
    for (const band of HEALTH_BANDS)
      expect(contrast(BAND_COLOURS[band].bar, PALETTE.card)).toBeGreaterThanOrEqual(3);
  });

  it('trend arrows (band text colours) read on the card', () => {
    expect(contrast(BAND_COLOURS.strained.fg, PALETTE.card)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(BAND_COLOURS.healthy.fg, PALETTE.card)).toBeGreaterThanOrEqual(4.5);
  });
});
