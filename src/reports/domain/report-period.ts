import { DateTime } from 'luxon';

const ISO_WEEK = /^(\d{4})-W(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

/**
 * Names a report period for a reader: `2027-W12` → "Week 12: Mon, Mar 22 – Sun, Mar 28, 2027",
 * `2027-03` → "March 2027", in `locale` (already resolved to one this process supports).
 * A key of another shape is shown as it is.
 */
export function describePeriod(periodKey: string, locale: string): string {
  try {
    return describeKnown(periodKey, locale) ?? periodKey;
  } catch {
    // An impossible week or month (2027-W60): Luxon throws under throwOnInvalid.
    return periodKey;
  }
}

function describeKnown(periodKey: string, locale: string): string | null {
  const week = ISO_WEEK.exec(periodKey);
  if (week !== null) {
    const monday = DateTime.fromObject(
      { weekYear: Number(week[1]), weekNumber: Number(week[2]), weekday: 1 },
      { zone: 'utc' },
    );
    const range = new Intl.DateTimeFormat(locale, {
      weekday: 'short',
      month: 'short',
      day: 'numeric',
      year: 'numeric',
      timeZone: 'UTC',
    }).formatRange(monday.toJSDate(), monday.plus({ days: 6 }).toJSDate());
    return `Week ${Number(week[2])}: ${range}`;
  }
  const month = MONTH.exec(periodKey);
  if (month !== null) {
    return DateTime.fromObject({ year: Number(month[1]), month: Number(month[2]), day: 1 }, { zone: 'utc' })
      .setLocale(locale)
      .toLocaleString({ month: 'long', year: 'numeric' });
  }
  return null;
}
