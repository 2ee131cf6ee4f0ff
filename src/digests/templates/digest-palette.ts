import type { FlagSeverity } from '../../health/domain/health-flags';
import type { HealthBand } from '../../health/domain/health-band';

/** A text colour on its background; every pair here is held to WCAG AA (4.5:1) by its spec. */
export interface ColourPair {
  fg: string;
  bg: string;
}

/**
 * Colours of the digest. Hex only, written into inline styles and `bgcolor`
 * attributes: mail clients drop style sheets and CSS variables. Text pairs are
 * checked for 4.5:1 contrast, chart colours for 3:1 against white (WCAG's bar
 * for graphics). Colour is never the only carrier of meaning: every badge says
 * its band in words and every chart has a text alternative.
 */
export const PALETTE = {
  page: '#eef1f4',
  card: '#ffffff',
  text: '#1f2328',
  muted: '#57606a',
  link: '#0a58ca',
  rule: '#d8dee4',
  /** The 8-week chart: earlier weeks neutral, this week in its band's colour. */
  chartBar: '#8c959f',
  chartBase: '#d8dee4',
  /** A section's quiet background (skips, the footer). */
  subtle: '#f6f8fa',
} as const;

export const BAND_COLOURS: Readonly<Record<HealthBand, ColourPair & { bar: string }>> = {
  healthy: { fg: '#116329', bg: '#dafbe1', bar: '#1a7f37' },
  watch: { fg: '#7a4100', bg: '#fff1c7', bar: '#b07400' },
  at_risk: { fg: '#9a3412', bg: '#ffe7d1', bar: '#d4520c' },
  strained: { fg: '#a0111f', bg: '#ffe2e5', bar: '#cf222e' },
};

export const SEVERITY_COLOURS: Readonly<Record<FlagSeverity, ColourPair>> = {
  critical: { fg: '#a0111f', bg: '#ffe2e5' },
  warning: { fg: '#7a4100', bg: '#fff1c7' },
  info: { fg: '#0b4f8a', bg: '#ddefff' },
};

/** Good news and "not a miss" notes. */
export const GOOD_COLOURS: ColourPair = { fg: '#116329', bg: '#dafbe1' };
