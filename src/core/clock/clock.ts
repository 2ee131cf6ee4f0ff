import { DateTime } from 'luxon';

/**
 * The only source of "now" in Cadence. Domain code receives instants from it
 * (or as arguments), never from `Date.now()`, so a simulated quarter runs
 * through exactly the code production runs.
 */
export abstract class Clock {
  /** The current instant, in UTC. */
  abstract now(): DateTime<true>;
}

/** Real time. */
export class SystemClock extends Clock {
  now(): DateTime<true> {
    return DateTime.utc();
  }
}

/** Time that moves only when told to: simulations, demos and tests. */
export class ManualClock extends Clock {
  private current: DateTime<true>;

  constructor(start: DateTime) {
    super();
    this.current = start.toUTC();
  }

  now(): DateTime<true> {
    return this.current;
  }

  /** Moves the clock to `to`; it never goes back. */
  set(to: DateTime): void {
    if (to < this.current) {
      throw new RangeError(`the clock cannot go back from ${this.current.toISO()} to ${to.toUTC().toISO()}`);
    }
    this.current = to.toUTC();
  }
}
