import { DateTime } from 'luxon';
import { ManualClock } from '../clock/clock';
import type { AppConfig } from '../config/app-config';
import type { ScheduledJob } from './scheduled-job';
import { SchedulerService } from './scheduler.service';

const at = (iso: string): DateTime => DateTime.fromISO(iso, { zone: 'utc' });
const config = { scheduler: { pollSeconds: 5 } } as AppConfig;

/** A job with a list of due instants; records the clock time of every item it handles. */
class DueListJob implements ScheduledJob {
  readonly handled: { item: string; at: string }[] = [];
  constructor(
    readonly name: string,
    readonly order: number,
    private readonly due: Map<string, DateTime>,
    private readonly onHandle?: (item: string, now: DateTime) => void,
  ) {}

  async nextDueAfter(instant: DateTime): Promise<DateTime | null> {
    const later = [...this.due.values()]
      .filter((d) => d > instant)
      .sort((a, b) => a.toMillis() - b.toMillis());
    return later[0] ?? null;
  }

  async run(now: DateTime): Promise<number> {
    let count = 0;
    for (const [item, due] of [...this.due]) {
      if (due <= now) {
        this.due.delete(item);
        this.handled.push({ item, at: now.toISO() ?? '' });
        this.onHandle?.(item, now);
        count += 1;
      }
    }
    return count;
  }

  add(item: string, due: DateTime): void {
    this.due.set(item, due);
  }
}

describe('SchedulerService under the manual clock', () => {
  it('stops at every instant where work falls due, in time order, with that instant on the clock', async () => {
    const clock = new ManualClock(at('2027-03-01T00:00:00Z'));
    const scheduler = new SchedulerService(clock, config);
    const reminders = new DueListJob(
      'reminders',
      20,
      new Map([
        ['thu', at('2027-03-04T09:00:00Z')],
        ['tue', at('2027-03-02T09:00:00Z')],
        ['next-week', at('2027-03-09T09:00:00Z')],
      ]),
    );
    scheduler.register(reminders);

    const summary = await scheduler.advanceTo(at('2027-03-05T00:00:00Z'));

    expect(reminders.handled).toEqual([
      { item: 'tue', at: '2027-03-02T09:00:00.000Z' },
      { item: 'thu', at: '2027-03-04T09:00:00.000Z' },
    ]);
    expect(summary).toMatchObject({
      from: '2027-03-01T00:00:00.000Z',
      to: '2027-03-05T00:00:00.000Z',
      steps: 2,
    });
    expect(summary.ran).toEqual({ reminders: 2 });
    expect(clock.now().toISO()).toBe('2027-03-05T00:00:00.000Z');
  });

  it('runs work one job creates for another at the same instant, lower order first', async () => {
    const clock = new ManualClock(at('2027-03-01T00:00:00Z'));
    const scheduler = new SchedulerService(clock, config);
    const delivery = new DueListJob('delivery', 90, new Map());
    const detection = new DueListJob(
      'detection',
      20,
      new Map([['late-report', at('2027-03-01T12:00:00Z')]]),
      (item, now) => delivery.add(`nudge:${item}`, now),
    );
    scheduler.register(delivery);
    scheduler.register(detection);

    await scheduler.advanceTo(at('2027-03-02T00:00:00Z'));

    expect(delivery.handled).toEqual([{ item: 'nudge:late-report', at: '2027-03-01T12:00:00.000Z' }]);
    expect(scheduler.jobNames).toEqual(['detection', 'delivery']);
  });

  it('runs work already due when asked to move to the current instant', async () => {
    const clock = new ManualClock(at('2027-03-01T00:00:00Z'));
    const scheduler = new SchedulerService(clock, config);
    const job = new DueListJob('job', 10, new Map([['now', at('2027-03-01T00:00:00Z')]]));
    scheduler.register(job);
    const summary = await scheduler.advanceTo(at('2027-03-01T00:00:00Z'));
    expect(summary.ran).toEqual({ job: 1 });
  });

  it('refuses to go back', async () => {
    const scheduler = new SchedulerService(new ManualClock(at('2027-03-01T00:00:00Z')), config);
    await expect(scheduler.advanceTo(at('2027-02-28T00:00:00Z'))).rejects.toThrow(/cannot go back/);
  });

  it('keeps going when one job fails, and reports it', async () => {
    const clock = new ManualClock(at('2027-03-01T00:00:00Z'));
    const scheduler = new SchedulerService(clock, config);
    scheduler.register({
      name: 'broken',
      order: 10,
      nextDueAfter: async () => null,
      run: async () => {
        throw new Error('database on fire');
      },
    });
    const fine = new DueListJob('fine', 20, new Map([['x', at('2027-03-01T06:00:00Z')]]));
    scheduler.register(fine);
    const summary = await scheduler.advanceTo(at('2027-03-02T00:00:00Z'));
    expect(fine.handled).toHaveLength(1);
    expect(summary.failed).toEqual({ broken: 'database on fire' });
  });

  it('does not register the same job twice', () => {
    const scheduler = new SchedulerService(new ManualClock(at('2027-03-01T00:00:00Z')), config);
    scheduler.register(new DueListJob('same', 1, new Map()));
    expect(() => scheduler.register(new DueListJob('same', 1, new Map()))).toThrow(/twice/);
  });
});

describe('ManualClock', () => {
  it('never goes back', () => {
    const clock = new ManualClock(at('2027-03-01T00:00:00Z'));
    clock.set(at('2027-03-02T00:00:00Z'));
    expect(() => clock.set(at('2027-03-01T00:00:00Z'))).toThrow(RangeError);
  });
});
