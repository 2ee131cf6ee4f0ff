import { newEngagement, newPerson, PLACES } from '../../factories/people.factory';
import type { TestApp } from '../../support/test-app';
import type { IdPools } from './request-arbitrary';

export interface FuzzFixtures {
  /** Ids the fuzz may address, by collection segment. */
  pools: IdPools;
  /** A personal form link path (`/r/<token>`), when the report API issued one. */
  formPath: string | null;
  /** Resources the fuzz never addresses, read back through the API before and after. */
  sentinelPaths: string[];
}

/**
 * A realistic little world for the fuzz: a New York–Manila engagement with a
 * weekly meeting and a weekly report (so the planner wrote touchpoints and
 * invites), time off, a shutdown day and holidays; and a second engagement
 * whose resources the fuzz is never given, to check afterwards.
 */
export async function seedFuzzFixtures(app: TestApp): Promise<FuzzFixtures> {
  const { engagement, accountManager, vendorContact, executive } = await newEngagement(app);
  const clientContact = await newPerson(app, { role: 'client_contact', ...PLACES.london });
  const meeting = await must(app, 'POST', `/api/v1/engagements/${engagement.id}/cadences`, {
    kind: 'meeting',
    title: 'Weekly sync',
    frequency: 'weekly',
    durationMinutes: 45,
    preferredWeekdays: ['tue', 'wed', 'thu'],
    holidayPolicy: 'shift',
  });
  const report = await must(app, 'POST', `/api/v1/engagements/${engagement.id}/cadences`, {
    kind: 'status_report',
    title: 'Weekly status',
    frequency: 'weekly',
    due: { weekday: 'fri', time: '17:00' },
    holidayPolicy: 'shift',
  });
  const timeOff = await must(app, 'POST', `/api/v1/people/${vendorContact.id}/time-off`, {
    start: '2027-02-01',
    end: '2027-02-03',
  });
  const blackout = await must(app, 'POST', `/api/v1/engagements/${engagement.id}/blackouts`, {
    date: '2027-12-24',
    side: 'vendor',
    name: 'Year-end shutdown',
  });
  const touchpoints = await must<{ id: string }[]>(
    app,
    'GET',
    `/api/v1/engagements/${engagement.id}/touchpoints?from=2027-01-01&to=2027-04-30`,
  );
  const touchpointIds = touchpoints.map((t) => t.id);
  const holidays = await must<{ id: string }[]>(
    app,
    'GET',
    '/api/v1/holidays?country=PH&from=2027-01-01&to=2027-12-31',
  );
  const holidayIds = holidays.map((h) => h.id).slice(0, 5);

  let formPath: string | null = null;
  for (const id of touchpointIds) {
    const link = await app.api<{ url: string }>('POST', `/api/v1/touchpoints/${id}/report-link`, {});
    if (link.status === 201) {
      formPath = new URL(link.body.url).pathname;
      break;
    }
  }

  const sentinel = await newEngagement(app, {
    name: 'Sentinel × Bogotá',
    vendorContact: { role: 'vendor_contact', ...PLACES.bogota },
  });
  await must(app, 'POST', `/api/v1/engagements/${sentinel.engagement.id}/cadences`, {
    kind: 'status_report',
    title: 'Sentinel status',
    frequency: 'weekly',
    due: { weekday: 'thu', time: '16:00' },
    holidayPolicy: 'shift',
  });

  return {
    pools: {
      people: [accountManager.id, vendorContact.id, executive?.id ?? accountManager.id, clientContact.id],
      engagements: [engagement.id],
      cadences: [idOf(meeting), idOf(report)],
      touchpoints: touchpointIds.slice(0, 6),
      'time-off': [idOf(timeOff)],
      blackouts: [idOf(blackout)],
      holidays: holidayIds,
    },
    formPath,
    sentinelPaths: [
      `/api/v1/engagements/${sentinel.engagement.id}`,
      `/api/v1/engagements/${sentinel.engagement.id}/cadences`,
      `/api/v1/people/${sentinel.accountManager.id}`,
      `/api/v1/people/${sentinel.vendorContact.id}`,
    ],
  };
}

async function must<T = unknown>(app: TestApp, method: string, path: string, body?: unknown): Promise<T> {
  const result = await app.api<T>(method, path, body);
  if (result.status >= 300) throw new Error(`fixture ${method} ${path}: ${result.status} ${result.text}`);
  return result.body;
}

function idOf(value: unknown): string {
  const id = (value as { id?: unknown }).id;
  if (typeof id !== 'string') throw new Error(`expected an id in ${JSON.stringify(value)}`);
  return id;
}
