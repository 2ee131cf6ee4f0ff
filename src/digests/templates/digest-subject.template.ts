import type { DigestView } from './digest-view';

// Long engagement names are cut so the point of the subject survives a phone's inbox list.
const NAME_LIMIT = 40;

/**
 * The subject line: the week and the headline, plus the worst engagement when
 * it is at risk or strained, since that is the one name an executive should
 * see before opening anything. `Cadence week 44: 3 of 7 engagements need
 * attention · Acme × Cairo Support strained`. Mail subjects are plain text;
 * the adapter strips line breaks.
 */
export function digestSubject(view: DigestView): string {
  const base = `Cadence ${view.weekLabel.toLowerCase()}: ${lowerFirst(view.headline)}`;
  const worst = view.engagements[0];
  if (!worst || (worst.band !== 'strained' && worst.band !== 'at_risk')) return base;
  return `${base} · ${shorten(worst.name)} ${worst.bandLabel.toLowerCase()}`;
}

function lowerFirst(text: string): string {
  // "All 7 …" reads better mid-sentence as "all 7 …"; a number needs nothing.
  return text.startsWith('All ') || text.startsWith('No ') || text.startsWith('Your ')
    ? text.charAt(0).toLowerCase() + text.slice(1)
    : text;
}

function shorten(name: string): string {
  const clean = name.replace(/\s+/g, ' ').trim();
  return clean.length > NAME_LIMIT ? `${clean.slice(0, NAME_LIMIT - 1).trimEnd()}…` : clean;
}
