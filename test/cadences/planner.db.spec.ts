import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { PlannerService } from '../../src/cadences/planning/planner.service';
import { Touchpoint } from '../../src/cadences/touchpoint.entity';
import { newEngagement, PLACES } from '../factories/people.factory';
import { TestApp } from '../support/test-app';

jest.setTimeout(60_000);

describe('The planner, day after day', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start({ clockStart: '2027-03-01T00:00:00Z' });
  });
  afterAll(async () => {
    await app.close();
  });

  it('leaves a rotating meeting where it is when nothing changed but the day', async () => {
    // New York and Manila day teams share no hours: the out-of-hours burden rotates.
    const { engagement, accountManager, vendorContact } = await newEngagement(app, {
      accountManager: { role: 'account_manager', ...PLACES.newYork },
      vendorContact: { role: 'vendor_contact', ...PLACES.manila },
    });
    const created = await app.api('POST', `/api/v1/engagements/${engagement.id}/cadences`, {
      kind: 'meeting',
      title: 'Weekly sync',
      frequency: 'weekly',
      durationMinutes: 45,
      participantIds: [accountManager.id, vendorContact.id],
      preferredWeekdays: ['tue', 'wed', 'thu'],
      holidayPolicy: 'shift',
    });
    expect(created.status).toBe(201);
    const touchpoints = app.app.get(DataSource).getRepository(Touchpoint);
    const before = await touchpoints.find({ where: { engagementId: engagement.id } });
    expect(before.some((t) => t.outOfHours.length > 0)).toBe(true);

    const planner = app.app.get(PlannerService);
    for (let day = 1; day <= 10; day++) {
      app.manualClock.set(DateTime.fromISO('2027-03-01T00:00:00Z').plus({ days: day }));
      const summary = await planner.planEngagements([engagement.id]);
      // A new week may come into the horizon; nothing already planned moves.
      expect({ day, updated: summary.updated }).toEqual({ day, updated: 0 });
    }
    const after = await touchpoints.find({ where: { engagementId: engagement.id } });
    for (const stored of before) {
      const now = after.find((t) => t.id === stored.id);
      expect(now?.scheduledAt.toISOString()).toBe(stored.scheduledAt.toISOString());
      expect(now?.sequence).toBe(0);
    }
  });
});
