import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { DigestJob } from '../../src/digests/delivery/digest.job';
import { DigestDeliveryService } from '../../src/digests/delivery/digest-delivery.service';
import { DigestIssue } from '../../src/digests/digest-issue.entity';
import { DigestSubscription } from '../../src/digests/digest-subscription.entity';
import { newPerson, PLACES } from '../factories/people.factory';
import { TestApp } from '../support/test-app';
import { testDatabaseKind } from '../support/test-database';
import { digestMessages } from './digest-fixture';

/**
 * Several instances run the digest job at the same instant: each executive's
 * digest is still queued once. On PostgreSQL (`TEST_DATABASE=postgres`) the
 * three runs race on separate pooled connections, as three instances would.
 * SQLite is single-instance (one writer, one connection): there the runs go
 * one after the other, as the scheduler runs them.
 */
describe('Digest claims: several runs at the same slot send each digest once', () => {
  let app: TestApp;
  const slot = DateTime.fromISO('2027-03-08T00:00:00Z'); // Monday 08:00 in Singapore
  const ids: string[] = [];

  beforeAll(async () => {
    app = await TestApp.start({ clockStart: '2027-03-07T12:00:00Z' });
    for (let i = 0; i < 6; i += 1) {
      ids.push((await newPerson(app, { role: 'executive', ...PLACES.singapore })).id);
    }
    // Enrol them as the scheduler would, without letting it run the slot itself.
    expect(await app.app.get(DigestJob).run(DateTime.fromISO('2027-03-07T12:00:00Z'))).toBe(0);
  });

  afterAll(async () => {
    await app.close();
  });

  it('enrols every executive at their next default slot', async () => {
    const rows = await app.app.get(DataSource).getRepository(DigestSubscription).find();
    expect(rows.map((r) => [r.nextSendAt?.toISOString(), r.nextWeek])).toEqual(
      ids.map(() => ['2027-03-08T00:00:00.000Z', '2027-W10']),
    );
    const next = await app.app.get(DigestJob).nextDueAfter(DateTime.fromISO('2027-03-07T12:00:00Z'));
    expect(next?.toMillis()).toBe(slot.toMillis());
  });

  it('three runs racing at the slot queue six digests between them, one per executive', async () => {
    app.manualClock.set(slot);
    const job = app.app.get(DigestJob);
    const runs = [() => job.run(slot), () => job.run(slot), () => job.run(slot)];
    const sent =
      testDatabaseKind() === 'postgres'
        ? await Promise.all(runs.map((run) => run()))
        : [await runs[0](), await runs[1](), await runs[2]()];
    expect(sent.reduce((a, b) => a + b, 0)).toBe(6);
    const messages = await digestMessages(app);
    expect(messages.map((m) => m.idempotencyKey).sort()).toEqual(
      ids.map((id) => `digest:${id}:2027-W10`).sort(),
    );
    const issues = await app.app.get(DataSource).getRepository(DigestIssue).find();
    expect(issues).toHaveLength(6);
    expect(await job.run(slot)).toBe(0);
  });

  it('an instance that read the row before another claimed it gets nothing', async () => {
    const delivery = app.app.get(DigestDeliveryService);
    expect(await delivery.deliver(ids[0], slot.toJSDate(), slot.plus({ minutes: 1 }))).toBe(false);
    expect(await digestMessages(app)).toHaveLength(6);
    const row = await app.app
      .get(DataSource)
      .getRepository(DigestSubscription)
      .findOneByOrFail({ executiveId: ids[0] });
    expect([row.nextSendAt?.toISOString(), row.nextWeek]).toEqual(['2027-03-15T00:00:00.000Z', '2027-W11']);
  });
});
