import { DateTime } from 'luxon';

/** `2027-03-09T14:00:00Z`, as the API and the Slack port write instants. */
export function utcIso(date: Date): string {
  return (
    DateTime.fromJSDate(date, { zone: 'utc' }).toISO({ suppressMilliseconds: true }) ?? date.toISOString()
  );
}
