import { DateTime, FixedOffsetZone } from 'luxon';

// Instants as InstantColumn stores them: fixed-width UTC ISO strings (`2027-03-09T14:00:00.000Z`).
// Raw queries read them as text; these convert without Luxon's ISO parser, which is the slow
// part of reading half a million rows.

const UTC = FixedOffsetZone.utcInstance;

/** A stored instant as a UTC DateTime. */
export function instant(stored: string): DateTime {
  return DateTime.fromMillis(Date.parse(stored), { zone: UTC });
}

/** An instant in its stored form, for comparing with stored values as text. */
export function storedForm(t: DateTime): string {
  return t.toJSDate().toISOString();
}
