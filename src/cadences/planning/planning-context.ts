import type { Engagement } from '../../engagements/engagement.entity';
import type { BlackoutDay } from '../../engagements/blackout.entity';
import type { Person } from '../../people/person.entity';
import type { TimeOff } from '../../people/time-off.entity';
import type { Cadence } from '../cadence.entity';
import type { StoredTouchpoint } from '../domain/touchpoint-diff';

/** Everything needed to plan one engagement's cadences, loaded in a few queries per batch. */
export interface PlanningContext {
  engagement: Engagement;
  vendorContactIds: string[];
  clientContactIds: string[];
  people: ReadonlyMap<string, Person>;
  timeOff: ReadonlyMap<string, TimeOff[]>;
  blackouts: BlackoutDay[];
  cadences: Cadence[];
  /** Recent and future touchpoints by cadence id. */
  touchpoints: ReadonlyMap<string, PlanningTouchpoint[]>;
}

/**
 * What planning reads of a stored touchpoint: what the diff compares, plus the sequence its
 * participants were last invited to. Instants are epoch milliseconds.
 */
export interface PlanningTouchpoint extends StoredTouchpoint {
  cadenceId: string;
  invitedSequence: number | null;
}
