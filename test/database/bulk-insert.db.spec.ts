import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Touchpoint } from '../../src/cadences/touchpoint.entity';
import { bulkInsert } from '../../src/database/bulk-insert';
import { newReportCadence } from '../factories/touchpoints.factory';
import { newEngagement } from '../factories/people.factory';
import { TestApp } from '../support/test-app';

jest.setTimeout(60_000);

describe('bulkInsert', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start({ clockStart: '2027-03-01T00:00:00Z' });
  });
  afterAll(async () => {
    await app.close();
  });

  it('stores every row as the repository would, in statements of several sizes, and keeps existing rows', async () => {
    const { engagement } = await newEngagement(app);
    const cadence = await newReportCadence(app, { engagementId: engagement.id });
    const dataSource = app.app.get(DataSource);
    const created = new Date('2027-03-01T00:00:00.000Z');
    // 2,345 rows: one statement of the largest size (1,153 rows of 26 columns), then 1,024,
    // 128, 32, 8 and one row: every size path, and a repeated size on a second call.
    const row = (i: number): Touchpoint =>
      Object.assign(new Touchpoint(), {
        id: randomUUID(),
        engagementId: engagement.id,
        cadenceId: cadence.id,
        kind: 'status_report',
        periodKey: `P${String(i).padStart(5, '0')}`,
        status: i % 3 === 0 ? 'skipped' : 'pending',
        // Distinct Date objects with equal times, and distinct times.
        scheduledAt: new Date(Date.UTC(2027, 2, 5, 9) + (i % 7) * 86_400_000),
        endsAt: null,
        originalAt: new Date(Date.UTC(2027, 2, 5, 9) + i * 60_000),
        adjustmentType: i % 3 === 0 ? 'skipped' : null,
        adjustmentReason: i % 3 === 0 ? `Holiday ${i} (PH)` : null,
        outOfHours: i % 5 === 0 ? [{ personId: 'p', side: 'vendor', minutes: i }] : [],
        sequence: i % 4,
        checkAt: i % 2 === 0 ? null : new Date(Date.UTC(2027, 2, 5, 10)),
        invitePending: i % 2 === 0,
        invitedSequence: i % 6 === 0 ? 1 : null,
        requestAt: null,
        requestQueuedAt: null,
        heldAt: null,
        heldNotes: i === 7 ? 'it\u2019s "quoted"; -- not SQL' : null,
        submittedAt: null,
        rescheduleCount: 0,
        pinned: i % 11 === 0,
        createdAt: created,
        updatedAt: created,
      });
    const rows = Array.from({ length: 2_345 }, (_, i) => row(i));
    await dataSource.transaction((manager) => bulkInsert(manager, Touchpoint, rows));
    // The same periods again (a unique index clash) and a few new ones: only the new ones land.
    const again = Array.from({ length: 2_400 }, (_, i) => row(i));
    await dataSource.transaction((manager) => bulkInsert(manager, Touchpoint, again));

    const stored = await dataSource.getRepository(Touchpoint).find({ where: { cadenceId: cadence.id } });
    expect(stored).toHaveLength(2_400);
    const byPeriod = new Map(stored.map((t) => [t.periodKey, t]));
    for (const expected of [...rows, ...again.slice(2_345)]) {
      const actual = byPeriod.get(expected.periodKey);
      expect(actual).toEqual(expected);
    }
  });
});
