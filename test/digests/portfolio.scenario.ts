import { DateTime } from 'luxon';
import { newPerson, PLACES, type CreatedPerson, type PersonInput } from '../factories/people.factory';
import { FakeSmtpServer } from '../fakes/smtp.fake';
import { TestApp } from '../support/test-app';
import { PUBLIC_URL, touchpoints, type TouchpointRow } from './digest-fixture';

/** What a vendor does about one week's report: on time, a day late, or nothing. */
type ReportConduct = 'on_time' | 'late' | 'missed';

interface VendorScript {
  key: 'manila' | 'pune' | 'cairo' | 'krakow';
  engagement: string;
  vendorName: string;
  contact: PersonInput;
  kpis: { key: string; label: string; unit: string; target: number; direction: string }[];
  /** One entry per week from W05 to W09 (1 February to 7 March 2027). */
  reports: ReportConduct[];
  kpiValues: (week: number) => Record<string, number>;
  highlights: (week: number) => string;
  asks: (week: number) => string[];
  /** A weekly meeting, held each week except the ones listed as missed. */
  meeting?: { missedWeeks: number[] };
  /** A vendor shutdown day and what the report cadence does on it. */
  blackout?: { date: string; name: string };
}

/** The hostile bit a vendor pasted into an ask: it must show as text and never run. */
export const PASTED_MARKUP = '<img src=x onerror="window.__pwned=1">';

const WEEKS = [5, 6, 7, 8, 9];

const SCRIPTS: readonly VendorScript[] = [
  {
    key: 'manila',
    engagement: 'Acme × Manila CX',
    vendorName: 'Manila CX Partners',
    contact: {
      role: 'vendor_contact',
      ...PLACES.manila,
      name: 'Maria Santos',
      email: 'maria@manilacx.example',
    },
    kpis: [{ key: 'close_rate', label: 'Close rate', unit: '%', target: 12, direction: 'higher_is_better' }],
    reports: ['on_time', 'on_time', 'on_time', 'on_time', 'on_time'],
    kpiValues: (w) => ({ close_rate: 13 + (w - 5) * 0.4 }),
    highlights: (w) =>
      w === 9 ? 'Night shift closed 40 deals; new hires fully ramped two weeks early' : 'Steady week',
    asks: () => [],
  },
  {
    key: 'pune',
    engagement: 'Acme × Pune Sales',
    vendorName: 'Pune Telesales',
    contact: {
      role: 'vendor_contact',
      ...PLACES.kolkata,
      name: 'Priya Nair',
      email: 'priya@punetele.example',
    },
    kpis: [
      { key: 'contact_rate', label: 'Contact rate', unit: '%', target: 35, direction: 'higher_is_better' },
      { key: 'aht', label: 'Handle time', unit: 's', target: 300, direction: 'lower_is_better' },
    ],
    reports: ['on_time', 'late', 'late', 'on_time', 'missed'],
    kpiValues: (w) => ({ contact_rate: 36 - (w - 5) * 2, aht: 290 + (w - 5) * 15 }),
    highlights: () => '',
    asks: (w) => (w >= 7 ? [`Approve the holiday staffing plan ${PASTED_MARKUP}`] : []),
  },
  {
    key: 'cairo',
    engagement: 'Acme × Cairo Support',
    vendorName: 'Nile Contact Center',
    contact: { role: 'vendor_contact', ...PLACES.cairo, name: 'Omar Haddad', email: 'omar@nilecc.example' },
    kpis: [{ key: 'csat', label: 'CSAT', unit: '%', target: 85, direction: 'higher_is_better' }],
    reports: ['on_time', 'on_time', 'on_time', 'on_time', 'late'],
    kpiValues: () => ({ csat: 88 }),
    highlights: () => '',
    asks: (w) => (w >= 8 ? ['Confirm Eid cover for the weekend queue'] : []),
    meeting: { missedWeeks: [9] },
  },
  {
    key: 'krakow',
    engagement: 'Acme × Kraków Leads',
    vendorName: 'Vistula Leads',
    contact: {
      role: 'vendor_contact',
      ...PLACES.warsaw,
      name: 'Kasia Nowak',
      email: 'kasia@vistula.example',
    },
    kpis: [
      {
        key: 'qualified',
        label: 'Qualified leads',
        unit: 'leads',
        target: 40,
        direction: 'higher_is_better',
      },
    ],
    reports: ['on_time', 'on_time', 'on_time', 'on_time', 'on_time'],
    kpiValues: () => ({ qualified: 44 }),
    highlights: () => '',
    asks: () => [],
    blackout: { date: '2027-03-04', name: 'Office move' },
  },
];

export interface PortfolioScenario {
  app: TestApp;
  smtp: FakeSmtpServer;
  executive: CreatedPerson;
  engagementIds: Readonly<Record<VendorScript['key'], string>>;
  close(): Promise<void>;
}

/**
 * A New York executive's portfolio of four vendors, played through five weeks
 * of the manual clock (1 February to 7 March 2027) with real holidays: Manila
 * on time with a KPI beating target, Pune slipping (late, then missed, a KPI
 * falling, an ask with pasted markup), Cairo's meeting missed and Eid ahead,
 * Kraków's report skipped for a vendor shutdown. Then the clock crosses
 * Monday 8 March, 08:00 in New York, and the W10 digest goes out.
 */
export async function playPortfolio(): Promise<PortfolioScenario> {
  const smtp = await FakeSmtpServer.start();
  const app = await TestApp.start({
    env: { SMTP_URL: smtp.url, PUBLIC_URL },
    clockStart: '2027-02-01T00:00:00Z',
  });
  const manager = await newPerson(app, {
    role: 'account_manager',
    ...PLACES.newYork,
    name: 'Jim Carter',
    email: 'jim@acme.example',
  });
  const executive = await newPerson(app, {
    role: 'executive',
    ...PLACES.newYork,
    name: 'Dana Whitfield',
    email: 'dana@acme.example',
  });
  const engagementIds = {} as Record<VendorScript['key'], string>;
  for (const script of SCRIPTS) {
    const contact = await newPerson(app, script.contact);
    const created = await must<{ id: string }>(app, 'POST', '/api/v1/engagements', {
      name: script.engagement,
      clientName: 'Acme Corp',
      vendorName: script.vendorName,
      accountManagerId: manager.id,
      executiveId: executive.id,
      vendorContactIds: [contact.id],
      kpis: script.kpis,
    });
    engagementIds[script.key] = created.id;
    if (script.blackout) {
      await must(app, 'POST', `/api/v1/engagements/${created.id}/blackouts`, {
        date: script.blackout.date,
        side: 'vendor',
        name: script.blackout.name,
      });
    }
    await must(app, 'POST', `/api/v1/engagements/${created.id}/cadences`, {
      kind: 'status_report',
      title: 'Weekly status',
      frequency: 'weekly',
      due: { weekday: 'thu', time: '17:00' },
      startsOn: '2027-02-01',
      holidayPolicy: script.blackout ? 'skip' : 'shift',
    });
    if (script.meeting) {
      await must(app, 'POST', `/api/v1/engagements/${created.id}/cadences`, {
        kind: 'meeting',
        title: 'Weekly sync',
        frequency: 'weekly',
        durationMinutes: 45,
        preferredWeekdays: ['tue', 'wed'],
        startsOn: '2027-02-01',
        holidayPolicy: 'shift',
      });
    }
  }

  for (const week of WEEKS) {
    const monday = DateTime.fromObject({ weekYear: 2027, weekNumber: week, weekday: 1 }, { zone: 'UTC' });
    const actions: { at: DateTime; run: () => Promise<void> }[] = [];
    for (const script of SCRIPTS) {
      const id = engagementIds[script.key];
      const rows = await touchpoints(app, id, monday.toISODate(), monday.plus({ days: 6 }).toISODate());
      const report = rows.find((t) => t.kind === 'status_report' && t.status === 'pending');
      const conduct = script.reports[week - 5];
      if (report && conduct !== 'missed') {
        const due = DateTime.fromISO(report.scheduledAt);
        actions.push({
          at: conduct === 'on_time' ? due.minus({ hours: 2 }) : due.plus({ hours: 20 }),
          run: () => submit(app, report, script, week),
        });
      }
      const meeting = rows.find((t) => t.kind === 'meeting' && t.status === 'scheduled');
      if (script.meeting && meeting && !script.meeting.missedWeeks.includes(week)) {
        actions.push({
          at: DateTime.fromISO(meeting.scheduledAt).plus({ minutes: 50 }),
          run: async () => {
            await must(app, 'POST', `/api/v1/touchpoints/${meeting.id}/held`, {
              notes: 'Went through the queue',
            });
          },
        });
      }
    }
    actions.sort((a, b) => a.at.toMillis() - b.at.toMillis());
    for (const action of actions) {
      await app.advanceClock(action.at);
      await action.run();
    }
  }
  // Monday 8 March 2027, 08:00 in New York is 13:00 UTC.
  await app.advanceClock('2027-03-08T14:00:00Z');
  return {
    app,
    smtp,
    executive,
    engagementIds,
    close: async () => {
      await app.close();
      await smtp.close();
    },
  };
}

async function submit(
  app: TestApp,
  report: TouchpointRow,
  script: VendorScript,
  week: number,
): Promise<void> {
  await must(app, 'POST', `/api/v1/touchpoints/${report.id}/report`, {
    status: script.reports[week - 5] === 'late' ? 'amber' : 'green',
    kpis: script.kpiValues(week),
    highlights: script.highlights(week),
    blockers: [],
    asks: script.asks(week),
    nextWeekPlan: 'Keep to the plan',
  });
}

async function must<T = unknown>(app: TestApp, method: string, path: string, body?: unknown): Promise<T> {
  const result = await app.api<T>(method, path, body);
  if (result.status >= 300) throw new Error(`${method} ${path}: ${result.status} ${result.text}`);
  return result.body;
}
