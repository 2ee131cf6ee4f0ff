import type { DateTime } from 'luxon';
import type { MeetingOccurrence, ReportDueOccurrence } from '../../src/cadences/domain/cadence.types';

/** "Thu 2027-03-25 10:00" in a zone, in English whatever the machine locale. */
export function localLabel(at: DateTime | null, zone: string): string | null {
  return at === null ? null : at.setZone(zone).setLocale('en-US').toFormat('ccc yyyy-MM-dd HH:mm');
}

/** A meeting occurrence as a reader checks it: when, for whom, and why it moved. */
export function describeMeeting(o: MeetingOccurrence, zone: string) {
  return {
    period: o.periodKey,
    at: localLabel(o.scheduledAt, zone),
    original: localLabel(o.originalAt, zone),
    status: o.status,
    reason: o.adjustment?.reason ?? null,
  };
}

/** A report due date as a reader checks it. */
export function describeReport(o: ReportDueOccurrence, zone: string) {
  return {
    period: o.periodKey,
    due: localLabel(o.dueAt, zone),
    status: o.status,
    reason: o.adjustment?.reason ?? null,
  };
}
