import { DateTime } from 'luxon';
import { newEngagement, PLACES } from '../factories/people.factory';
import { TestApp } from '../support/test-app';

interface TouchpointBody {
  id: string;
  kind: string;
  status: string;
  scheduledAt: string;
  originalAt: string;
  periodKey: string;
  adjustment: { type: string; reason: string } | null;
  local: { personId: string; timeZone: string; start: string; outOfHoursMinutes: number }[];
}
interface ErrorBody {
  error: { code: string; fields?: Record<string, string> };
}

describe('Cadences and touchpoints through the API, on real calendars', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start({ clockStart: '2027-03-01T00:00:00Z' });
  });
  // Later scenarios start in the autumn: moving the manual clock there would simulate seven months.
  const autumn = (): void => app.manualClock.set(DateTime.fromISO('2027-10-01T00:00:00Z'));
  afterAll(async () => {
    await app.close();
  });

  async function touchpoints(engagementId: string, from: string, to: string): Promise<TouchpointBody[]> {
    const result = await app.api<TouchpointBody[]>(
      'GET',
      `/api/v1/engagements/${engagementId}/touchpoints?from=${from}&to=${to}`,
    );
    expect(result.status).toBe(200);
    return result.body;
  }

  it('moves the US–PH Thursday meeting off Maundy Thursday 2027, saying why', async () => {
    const { engagement } = await newEngagement(app, {
      accountManager: { role: 'account_manager', ...PLACES.newYork },
      vendorContact: { role: 'vendor_contact', ...PLACES.manila },
    });
    const created = await app.api<{ slot: { weekday: string; local: unknown[] } }>(
      'POST',
      `/api/v1/engagements/${engagement.id}/cadences`,
      {
        kind: 'meeting',
        title: 'Weekly sync',
        frequency: 'weekly',
        durationMinutes: 45,
        preferredWeekdays: ['thu'],
        holidayPolicy: 'shift',
      },
    );
    expect(created.status).toBe(201);
    expect(created.body.slot.local).toHaveLength(2);

    const meetings = (await touchpoints(engagement.id, '2027-03-15', '2027-04-10')).filter(
      (t) => t.kind === 'meeting',
    );
    const holyWeek = meetings.find((t) => t.periodKey === '2027-W12');
    expect(holyWeek).toBeDefined();
    expect(holyWeek?.adjustment).toMatchObject({
      type: 'shifted',
      reason: expect.stringContaining('Maundy Thursday (PH)'),
    });
    expect(holyWeek?.scheduledAt).not.toBe(holyWeek?.originalAt);
    for (const t of meetings) {
      const manila = DateTime.fromISO(t.scheduledAt, { zone: 'Asia/Manila' }).toISODate();
      expect(['2027-03-25', '2027-03-26']).not.toContain(manila);
    }
  });

  it('moves the US–IN meeting off Diwali 2027', async () => {
    const { engagement } = await newEngagement(app, {
      accountManager: { role: 'account_manager', ...PLACES.london },
      vendorContact: { role: 'vendor_contact', ...PLACES.kolkata },
    });
    autumn();
    const created = await app.api('POST', `/api/v1/engagements/${engagement.id}/cadences`, {
      kind: 'meeting',
      title: 'Weekly sync',
      frequency: 'weekly',
      durationMinutes: 30,
      preferredWeekdays: ['fri'],
    });
    expect(created.status).toBe(201);
    const meetings = await touchpoints(engagement.id, '2027-10-20', '2027-11-06');
    const diwaliWeek = meetings.find((t) => t.periodKey === '2027-W43');
    expect(diwaliWeek?.adjustment?.reason).toMatch(/Diwali/);
    expect(DateTime.fromISO(diwaliWeek?.scheduledAt ?? '', { zone: 'Asia/Kolkata' }).toISODate()).not.toBe(
      '2027-10-29',
    );
  });

  it('never puts a US–SA touchpoint on a Saudi Friday or Saturday', async () => {
    const { engagement } = await newEngagement(app, {
      accountManager: { role: 'account_manager', ...PLACES.newYork },
      vendorContact: { role: 'vendor_contact', ...PLACES.riyadh },
    });
    for (const body of [
      { kind: 'meeting', title: 'Weekly sync', frequency: 'weekly', durationMinutes: 30 },
      {
        kind: 'status_report',
        title: 'Weekly status',
        frequency: 'weekly',
        due: { weekday: 'thu', time: '15:00' },
      },
    ]) {
      expect((await app.api('POST', `/api/v1/engagements/${engagement.id}/cadences`, body)).status).toBe(201);
    }
    const all = await touchpoints(engagement.id, '2027-10-01', '2028-01-31');
    expect(all.length).toBeGreaterThan(20);
    for (const t of all.filter((x) => x.status !== 'skipped')) {
      const riyadh = DateTime.fromISO(t.scheduledAt, { zone: 'Asia/Riyadh' });
      expect([5, 6]).not.toContain(riyadh.weekday);
    }
  });

  it('keeps an occurrence that did not move under the same id when something else changes', async () => {
    const { engagement, vendorContact } = await newEngagement(app);
    await app.api('POST', `/api/v1/engagements/${engagement.id}/cadences`, {
      kind: 'status_report',
      title: 'Weekly status',
      frequency: 'weekly',
      due: { weekday: 'fri', time: '17:00' },
    });
    const before = await touchpoints(engagement.id, '2027-10-01', '2027-12-31');
    await app.api('POST', `/api/v1/people/${vendorContact.id}/time-off`, {
      start: '2027-11-19',
      end: '2027-11-19',
    });
    const after = await touchpoints(engagement.id, '2027-10-01', '2027-12-31');
    expect(after.map((t) => t.id)).toEqual(before.map((t) => t.id));
    const moved = after.find((t) => t.periodKey === '2027-W46');
    expect(moved?.adjustment).toMatchObject({ type: 'shifted', reason: expect.stringMatching(/time off/i) });
    expect(DateTime.fromISO(moved?.scheduledAt ?? '', { zone: 'Asia/Manila' }).toISODate()).toBe(
      '2027-11-18',
    );
    const untouched = after.filter((t) => t.periodKey !== '2027-W46');
    expect(untouched.map((t) => t.scheduledAt)).toEqual(
      before.filter((t) => t.periodKey !== '2027-W46').map((t) => t.scheduledAt),
    );
  });

  it('answers bad cadences with 400 naming the field', async () => {
    const { engagement } = await newEngagement(app);
    const outsider = (await newEngagement(app)).accountManager;
    const cases: [Record<string, unknown>, string][] = [
      [{ kind: 'meeting', title: 'x', frequency: 'weekly', durationMinutes: 0 }, 'durationMinutes'],
      [{ kind: 'meeting', title: 'x', frequency: 'weekly', durationMinutes: 600 }, 'durationMinutes'],
      [
        {
          kind: 'meeting',
          title: 'x',
          frequency: 'weekly',
          durationMinutes: 30,
          preferredWeekdays: ['thursday'],
        },
        'preferredWeekdays',
      ],
      [
        {
          kind: 'meeting',
          title: 'x',
          frequency: 'weekly',
          durationMinutes: 30,
          participantIds: [engagement.accountManagerId, outsider.id],
        },
        'participantIds.1',
      ],
      [
        {
          kind: 'meeting',
          title: 'x',
          frequency: 'weekly',
          durationMinutes: 30,
          participantIds: [engagement.accountManagerId, '00000000-0000-4000-8000-000000000000'],
        },
        'participantIds.1',
      ],
      [
        { kind: 'status_report', title: 'x', frequency: 'weekly', due: { weekday: 'fri', time: '5pm' } },
        'due.time',
      ],
      [
        { kind: 'status_report', title: 'x', frequency: 'daily', due: { weekday: 'fri', time: '17:00' } },
        'frequency',
      ],
    ];
    for (const [body, field] of cases) {
      const result = await app.api<ErrorBody>('POST', `/api/v1/engagements/${engagement.id}/cadences`, body);
      expect({ field, status: result.status }).toEqual({ field, status: 400 });
      expect(Object.keys(result.body.error.fields ?? {})).toContain(field);
    }
    const list = await app.api<unknown[]>('GET', `/api/v1/engagements/${engagement.id}/cadences`);
    expect(list.body).toEqual([]);
  });
});
