import type { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';
import { Cadence } from '../../src/cadences/cadence.entity';
import { Touchpoint, type TouchpointStatus } from '../../src/cadences/touchpoint.entity';
import type { Weekday } from '../../src/calendars/domain/calendar.types';
import { bulkInsert } from '../../src/database/bulk-insert';
import { Engagement, type KpiDefinition } from '../../src/engagements/engagement.entity';
import { EngagementContact } from '../../src/engagements/engagement-contact.entity';
import { Person, type Role } from '../../src/people/person.entity';
import type { StoredBlocker } from '../../src/reports/domain/report.types';
import { StatusReport } from '../../src/reports/status-report.entity';
import { seededRandom, seededUuid } from './random';

/** The KPIs every seeded engagement tracks; a report must carry a number for each. */
export const PORTFOLIO_KPIS: readonly KpiDefinition[] = [
  { key: 'csat', label: 'CSAT', unit: '/ 5', target: 4.3, direction: 'higher_is_better' },
  { key: 'aht', label: 'Average handle time', unit: 's', target: 300, direction: 'lower_is_better' },
];

/** Where vendor contacts sit: zones a few hours either side of UTC, one with a Sun–Thu week. */
const VENDOR_PLACES = [
  { zone: 'Asia/Manila', country: 'PH', week: 'mon,tue,wed,thu,fri' },
  { zone: 'Asia/Kolkata', country: 'IN', week: 'mon,tue,wed,thu,fri' },
  { zone: 'Europe/Warsaw', country: 'PL', week: 'mon,tue,wed,thu,fri' },
  { zone: 'Asia/Riyadh', country: 'SA', week: 'sun,mon,tue,wed,thu' },
  { zone: 'America/Bogota', country: 'CO', week: 'mon,tue,wed,thu,fri' },
] as const;
const CLIENT_PLACES = [
  { zone: 'America/New_York', country: 'US' },
  { zone: 'America/Chicago', country: 'US' },
  { zone: 'Europe/London', country: 'GB' },
] as const;

/** One account manager looks after about this many engagements, an executive oversees a hundred. */
const ENGAGEMENTS_PER_MANAGER = 20;
const ENGAGEMENTS_PER_EXECUTIVE = 100;
/** Engagements written per transaction: bounded memory whatever the portfolio size. */
const CHUNK = 500;

export interface PortfolioOptions {
  engagements: number;
  /** The service's "now": weeks before it are history, the ones after it the planned horizon. */
  now: DateTime;
  weeksBefore: number;
  weeksAfter: number;
  seed: number;
}

/** Ids the load generators pick from. */
export interface Portfolio {
  engagementIds: string[];
  /**
   * Per engagement, the report touchpoint of the current week: pending, due after `now`, and
   * open for a report until the next one is due, so POST …/report accepts it (first a new
   * report, then edits).
   */
  openReportTouchpointIds: string[];
  touchpoints: number;
  reports: number;
  /** The window the touchpoint listing is asked for: every seeded week. */
  from: string;
  to: string;
}

/**
 * Seeds a portfolio straight into the tables with `bulkInsert` (the planner would take
 * minutes for what this writes in seconds): people, engagements with their vendor contacts,
 * a weekly meeting and a weekly report per engagement, a touchpoint per cadence and week
 * (held, missed, submitted, late or still to come, as a live portfolio has them) and the
 * status reports of the weeks gone by, some with a blocker.
 */
export async function seedPortfolio(dataSource: DataSource, options: PortfolioOptions): Promise<Portfolio> {
  const random = seededRandom(options.seed);
  const uuid = (): string => seededUuid(random);
  const at = options.now.minus({ weeks: options.weeksBefore + 1 }).toJSDate();
  const currentWeek = options.now.startOf('week');
  const firstWeek = currentWeek.minus({ weeks: options.weeksBefore });
  const weeks = options.weeksBefore + 1 + options.weeksAfter;
  const portfolio: Portfolio = {
    engagementIds: [],
    openReportTouchpointIds: [],
    touchpoints: 0,
    reports: 0,
    from: firstWeek.toISODate(),
    to: firstWeek.plus({ weeks: weeks - 1, days: 6 }).toISODate(),
  };

  const person = (role: Role, n: number, zone: string, country: string, week: string): Person =>
    Object.assign(new Person(), {
      id: uuid(),
      name: `${role.replace('_', ' ')} ${n}`,
      email: `${role}.${n}@bench.example`,
      role,
      timeZone: zone,
      country,
      region: null,
      workWeek: week.split(',') as Weekday[],
      workingHoursStart: '09:00',
      workingHoursEnd: '17:00',
      locale: 'en',
      slackUserId: null,
      createdAt: at,
      updatedAt: at,
    });

  const managers: Person[] = [];
  const executives: Person[] = [];
  for (let i = 0; i * ENGAGEMENTS_PER_MANAGER < options.engagements; i++) {
    const place = CLIENT_PLACES[i % CLIENT_PLACES.length];
    managers.push(person('account_manager', i, place.zone, place.country, 'mon,tue,wed,thu,fri'));
  }
  for (let i = 0; i * ENGAGEMENTS_PER_EXECUTIVE < options.engagements; i++) {
    executives.push(person('executive', i, 'America/New_York', 'US', 'mon,tue,wed,thu,fri'));
  }
  await dataSource.transaction((manager) => bulkInsert(manager, Person, [...managers, ...executives]));

  for (let start = 0; start < options.engagements; start += CHUNK) {
    const people: Person[] = [];
    const engagements: Engagement[] = [];
    const contacts: EngagementContact[] = [];
    const cadences: Cadence[] = [];
    const touchpoints: Touchpoint[] = [];
    const reports: StatusReport[] = [];
    for (let e = start; e < Math.min(options.engagements, start + CHUNK); e++) {
      const place = VENDOR_PLACES[e % VENDOR_PLACES.length];
      const vendor = person('vendor_contact', e, place.zone, place.country, place.week);
      const manager = managers[Math.floor(e / ENGAGEMENTS_PER_MANAGER)];
      const engagement = Object.assign(new Engagement(), {
        id: uuid(),
        name: `Acme × ${place.country} support ${e}`,
        clientName: 'Acme',
        vendorName: `Vendor ${place.country} ${e % 50}`,
        accountManagerId: manager.id,
        executiveId: executives[Math.floor(e / ENGAGEMENTS_PER_EXECUTIVE)].id,
        kpis: [...PORTFOLIO_KPIS],
        playbook: 'default',
        playbookOverride: null,
        createdAt: at,
        updatedAt: at,
      });
      people.push(vendor);
      engagements.push(engagement);
      contacts.push(
        Object.assign(new EngagementContact(), {
          engagementId: engagement.id,
          kind: 'vendor_contact',
          personId: vendor.id,
          position: 0,
        }),
      );
      const cadence = (kind: 'meeting' | 'status_report'): Cadence =>
        Object.assign(new Cadence(), {
          id: uuid(),
          engagementId: engagement.id,
          kind,
          title: kind === 'meeting' ? 'Weekly sync' : 'Weekly status',
          frequency: 'weekly',
          holidayPolicy: 'shift',
          startsOn: firstWeek.toISODate(),
          durationMinutes: kind === 'meeting' ? 45 : null,
          participantIds: kind === 'meeting' ? [manager.id, vendor.id] : [],
          organizerId: kind === 'meeting' ? manager.id : null,
          preferredWeekdays: kind === 'meeting' ? ['tue', 'wed', 'thu'] : [],
          weekday: kind === 'meeting' ? 'tue' : 'fri',
          time: kind === 'meeting' ? '14:00' : '17:00',
          active: true,
          createdAt: at,
          updatedAt: at,
        });
      const meeting = cadence('meeting');
      const report = cadence('status_report');
      cadences.push(meeting, report);
      portfolio.engagementIds.push(engagement.id);

      let openBlocker: StoredBlocker | null = null;
      for (let w = 0; w < weeks; w++) {
        const week = firstWeek.plus({ weeks: w });
        const periodKey = week.toFormat("kkkk-'W'WW");
        // The meeting: Tuesday afternoon UTC (morning in the Americas, evening in Asia).
        const meetingAt = week.plus({ days: 1, hours: 14 });
        const meetingEnd = meetingAt.plus({ minutes: 45 });
        const meetingPast = meetingEnd < options.now;
        const held = random() < 0.92;
        touchpoints.push(
          touchpoint(uuid(), engagement.id, meeting.id, 'meeting', periodKey, at, {
            status: meetingPast ? (held ? 'held' : 'missed') : 'scheduled',
            scheduledAt: meetingAt.toJSDate(),
            endsAt: meetingEnd.toJSDate(),
            checkAt: meetingPast ? null : meetingEnd.plus({ minutes: 120 }).toJSDate(),
            heldAt: meetingPast && held ? meetingEnd.toJSDate() : null,
          }),
        );
        // The report: due Friday 09:00 UTC, requested a day before.
        const dueAt = week.plus({ days: 4, hours: 9 });
        const due = dueAt < options.now;
        const late = due && random() < 0.1;
        const missed = due && !late && random() < 0.04;
        const status: TouchpointStatus = !due ? 'pending' : missed ? 'missed' : late ? 'late' : 'submitted';
        const requestAt = dueAt.minus({ days: 1 });
        const submittedAt = late ? dueAt.plus({ hours: 20 }) : dueAt.minus({ hours: 3 });
        const reportTouchpoint = touchpoint(
          uuid(),
          engagement.id,
          report.id,
          'status_report',
          periodKey,
          at,
          {
            status,
            scheduledAt: dueAt.toJSDate(),
            endsAt: null,
            checkAt: due ? null : dueAt.plus({ minutes: 60 }).toJSDate(),
            requestAt: requestAt.toJSDate(),
            requestQueuedAt: requestAt < options.now ? requestAt.toJSDate() : null,
            submittedAt: status === 'submitted' || status === 'late' ? submittedAt.toJSDate() : null,
          },
        );
        touchpoints.push(reportTouchpoint);
        if (w === options.weeksBefore) portfolio.openReportTouchpointIds.push(reportTouchpoint.id);
        if (status !== 'submitted' && status !== 'late') continue;
        // A blocker now and then, carried until it is resolved a few weeks later.
        const blockers: StoredBlocker[] = [];
        if (openBlocker !== null) {
          const resolved = random() < 0.4;
          blockers.push({
            ...openBlocker,
            id: uuid(),
            carriedFrom: openBlocker.id,
            status: resolved ? 'resolved' : 'open',
          });
          openBlocker = resolved ? null : blockers[0];
        } else if (random() < 0.15) {
          openBlocker = {
            id: uuid(),
            text: 'CRM access for the two new agents',
            status: 'open',
            firstSeenAt: dueAt.toUTC().toISO(),
          };
          blockers.push(openBlocker);
        }
        reports.push(
          Object.assign(new StatusReport(), {
            id: uuid(),
            touchpointId: reportTouchpoint.id,
            engagementId: engagement.id,
            submittedByPersonId: vendor.id,
            status: blockers.some((b) => b.status === 'open') ? 'amber' : 'green',
            kpiValues: { csat: Math.round((4 + random()) * 10) / 10, aht: 260 + Math.floor(random() * 80) },
            highlights: 'Close rate up two points after the new script.',
            blockers,
            asks: random() < 0.1 ? [{ text: 'Approve the holiday staffing plan by Thursday' }] : [],
            nextWeekPlan: 'Roll the new script out to the night shift.',
            late,
            submittedAt: submittedAt.toJSDate(),
            updatedAt: submittedAt.toJSDate(),
            revision: 1,
          }),
        );
      }
    }
    await dataSource.transaction(async (manager) => {
      await bulkInsert(manager, Person, people);
      await bulkInsert(manager, Engagement, engagements);
      await bulkInsert(manager, EngagementContact, contacts);
      await bulkInsert(manager, Cadence, cadences);
      await bulkInsert(manager, Touchpoint, touchpoints);
      await bulkInsert(manager, StatusReport, reports);
    });
    portfolio.touchpoints += touchpoints.length;
    portfolio.reports += reports.length;
  }
  return portfolio;
}

type TouchpointState = Pick<Touchpoint, 'status' | 'scheduledAt' | 'endsAt' | 'checkAt'> &
  Partial<Pick<Touchpoint, 'heldAt' | 'requestAt' | 'requestQueuedAt' | 'submittedAt'>>;

/** A touchpoint row as the planner writes it, with the given state. */
export function touchpoint(
  id: string,
  engagementId: string,
  cadenceId: string,
  kind: 'meeting' | 'status_report',
  periodKey: string,
  createdAt: Date,
  state: TouchpointState,
): Touchpoint {
  return Object.assign(new Touchpoint(), {
    id,
    engagementId,
    cadenceId,
    kind,
    periodKey,
    originalAt: state.scheduledAt,
    adjustmentType: null,
    adjustmentReason: null,
    outOfHours: [],
    sequence: 0,
    invitePending: false,
    invitedSequence: kind === 'meeting' ? 0 : null,
    requestAt: null,
    requestQueuedAt: null,
    heldAt: null,
    heldNotes: null,
    submittedAt: null,
    rescheduleCount: 0,
    pinned: false,
    createdAt,
    updatedAt: createdAt,
    ...state,
  });
}
