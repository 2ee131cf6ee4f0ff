import type { DateTime } from 'luxon';

/** "1 report", "3 reports"; `plural` defaults to `singular` + "s". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** A duration in hours the way a person says it: "45 min", "26 h", "4 days". */
export function duration(hours: number): string {
  if (hours < 1) return `${Math.max(1, Math.round(hours * 60))} min`;
  if (hours < 72) return `${Math.round(hours)} h`;
  return count(Math.round(hours / 24), 'day');
}

/** Whole days, rounded down: a gap of 6.9 days is "6 days"; under one day is "less than a day". */
export function days(hours: number): string {
  const whole = Math.floor(hours / 24);
  return whole < 1 ? 'less than a day' : count(whole, 'day');
}

const QUOTE_LIMIT = 60;

/**
 * Text a person typed (a blocker, an ask), quoted and cut to a readable
 * length. Escaping is the renderer's job (HTML, Slack); this only shortens.
 */
export function quote(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  const cut = clean.length > QUOTE_LIMIT ? `${clean.slice(0, QUOTE_LIMIT - 1).trimEnd()}…` : clean;
  return `'${cut}'`;
}

/** A local date `YYYY-MM-DD` in `zone`. */
export function localDate(t: DateTime, zone: string): string {
  return t.setZone(zone).toISODate();
}

/** "a, b and c". */
export function joinAnd(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** A number with at most `decimals` decimals and no trailing zeros: 14.2, 12, 0.35. */
export function formatNumber(value: number, decimals = 2): string {
  return String(Number(value.toFixed(decimals)));
}

/** "; 2 skipped for Diwali (IN) and Eid al-Fitr (EG, tentative) not counted", or "" when nothing was skipped. */
export function skippedNote(excused: readonly { reason: string }[]): string {
  if (excused.length === 0) return '';
  const reasons = [...new Set(excused.map((e) => e.reason))];
  return `; ${excused.length} skipped for ${joinAnd(reasons)} not counted`;
}
