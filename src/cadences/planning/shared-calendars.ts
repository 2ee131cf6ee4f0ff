import type { Blackout, CalendarProfile, WorkingCalendar } from '../../calendars/domain/calendar.types';

/** Builds one person's working calendar within an engagement (its blackouts of their side apply). */
export type CalendarFactory = (profile: CalendarProfile, blackouts: readonly Blackout[]) => WorkingCalendar;

/**
 * Hands out one working calendar per person for a planning batch instead of one per cadence.
 * Calendars memoise their days and placement memoises a view per calendar, so an account
 * manager's twenty weekly meetings, or a vendor contact's meeting and report, compute each of
 * their days once. A person's calendar depends on their profile and on the blackout days of
 * their side of the engagement: the rare engagement with blackouts for that side gets a
 * calendar of its own. Profiles are read from one batch load, so within a batch a person's
 * profile is the same in every engagement.
 */
export function sharedCalendars(build: CalendarFactory): CalendarFactory {
  const shared = new Map<string, WorkingCalendar>();
  return (profile, blackouts) => {
    if (blackouts.some((b) => b.side === profile.side)) return build(profile, blackouts);
    let calendar = shared.get(profile.personId);
    if (calendar === undefined) {
      calendar = build(profile, []);
      shared.set(profile.personId, calendar);
    }
    return calendar;
  };
}
