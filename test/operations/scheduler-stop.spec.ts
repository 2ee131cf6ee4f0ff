import { DateTime } from 'luxon';
import { ManualClock } from '../../src/core/clock/clock';
import type { AppConfig } from '../../src/core/config/app-config';
import type { JobRun } from '../../src/core/metrics/job-run.observer';
import type { ScheduledJob } from '../../src/core/scheduler/scheduled-job';
import { SchedulerService } from '../../src/core/scheduler/scheduler.service';

const at = (iso: string): DateTime => DateTime.fromISO(iso, { zone: 'utc' });
const config = { scheduler: { pollSeconds: 5 } } as AppConfig;

/** A job that takes `ms` of real time per run and counts its runs. */
function slowJob(name: string, order: number, ms: number, onRun: () => void = () => undefined): ScheduledJob {
  return {
    name,
    order,
    nextDueAfter: async () => null,
    run: async () => {
      onRun();
      await new Promise((resolve) => setTimeout(resolve, ms));
      return 1;
    },
  };
}

describe('SchedulerService: stopping and reporting runs', () => {
  it('tells the observer about every job run: duration, items, failures', async () => {
    const runs: JobRun[] = [];
    const scheduler = new SchedulerService(new ManualClock(at('2027-03-01T00:00:00Z')), config, {
      jobRan: (run) => runs.push(run),
    });
    scheduler.register(slowJob('slow', 10, 20));
    scheduler.register({
      name: 'broken',
      order: 20,
      nextDueAfter: async () => null,
      run: async () => {
        throw new Error('no database');
      },
    });
    let passes = 0;
    scheduler.register({
      name: 'idle',
      order: 30,
      nextDueAfter: async () => null,
      run: async () => {
        passes += 1;
        return 0;
      },
    });

    await scheduler.runDue(at('2027-03-01T00:00:00Z'));

    // "slow" handled an item, so the pass repeats until nothing is handled: ten passes at most.
    const slow = runs.filter((r) => r.job === 'slow');
    expect(slow.length).toBe(passes);
    expect(slow.every((r) => r.items === 1 && !r.failed && r.seconds >= 0.015)).toBe(true);
    expect(runs.filter((r) => r.job === 'broken').every((r) => r.failed && r.items === 0)).toBe(true);
    expect(runs.filter((r) => r.job === 'idle').every((r) => r.items === 0 && !r.failed)).toBe(true);
  });

  it('starts no job after stop(), and stop() waits for the one running', async () => {
    const started: string[] = [];
    const scheduler = new SchedulerService(new ManualClock(at('2027-03-01T00:00:00Z')), config);
    scheduler.register(slowJob('first', 10, 100, () => started.push('first')));
    scheduler.register(slowJob('second', 20, 10, () => started.push('second')));

    const run = scheduler.runDue(at('2027-03-01T00:00:00Z'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const stopping = scheduler.stop();
    let stopped = false;
    void stopping.then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stopped).toBe(false); // "first" is still running
    await stopping;
    await run;

    expect(started).toEqual(['first']);
    // And nothing runs afterwards, whatever asks.
    await scheduler.runDue(at('2027-03-02T00:00:00Z'));
    const advanced = await scheduler.advanceTo(at('2027-03-03T00:00:00Z'));
    expect(started).toEqual(['first']);
    expect(advanced.ran).toEqual({});
  });
});
