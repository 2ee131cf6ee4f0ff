import { HIJRI_MONTHS } from './hijri';

// date-holidays writes Islamic-calendar rules as "<day> <month>[ …]", e.g. "1 Shawwal P3D",
// "10 Dhu al-Hijjah", "12 Rabi al-awwal" (month names from its parser's _islamicMonths).
// Those dates are computed, not announced, so Cadence marks them tentative.
const ISLAMIC_RULE = new RegExp(`(?:^|\\s)\\d{1,2} (?:${HIJRI_MONTHS.join('|')})(?=\\s|$)`);

/** True when a date-holidays rule is computed from the Islamic (Hijri) calendar. */
export function isIslamicRule(rule: string): boolean {
  return ISLAMIC_RULE.test(rule);
}
