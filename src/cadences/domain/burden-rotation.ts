import type { Side } from '../../calendars/domain/calendar.types';
import type { BurdenLedger } from './cadence.types';
import type { SlotEvaluation } from './out-of-hours';

// Module-level aliases: global lookups are slow in sandboxes such as jest's vm (about 30x
// for this arithmetic), and these functions run several times per touchpoint.
const { abs, max } = Math;

/** A scored slot together with what it is compared on besides its burden. */
export interface RotationCandidate {
  evaluation: SlotEvaluation;
  /** Preference rank of the slot's day in the week's search order (0 = best). */
  dayRank: number;
  /** The rule's time on the slot's day, to stay near it when all else is equal. */
  targetMs: number;
}

/**
 * Picks the least-bad slot when no common working window exists, rotating the burden.
 *
 * The rule, in order:
 * 1. only slots that put nobody on a day off;
 * 2. a slot inside everyone's hours (total 0) if there is one, nearest the rule's time;
 * 3. otherwise prefer slots that sit inside one side's hours entirely (the other side pays),
 *    so that sides take turns rather than both being inconvenienced every week;
 * 4. minimise the larger side's cumulative burden after this occurrence
 *    (`max(ledger.client + burden.client, ledger.vendor + burden.vendor)`): the side that has
 *    paid less pays next, and a side never pays a large amount to save the other a small one
 *    once the totals are level;
 * 5. then the smaller total, the better-ranked day, the organizer's side paying first
 *    (whoever asks for the meeting takes the first inconvenient slot), nearest the rule's
 *    time, and finally the earlier start, so the choice is deterministic.
 */
export function pickLeastBadSlot(
  candidates: readonly RotationCandidate[],
  ledger: BurdenLedger,
  organizerSide: Side,
): RotationCandidate | null {
  const allowed = candidates.filter((c) => c.evaluation.allowed);
  if (allowed.length === 0) return null;
  const inHours = allowed.filter((c) => c.evaluation.total === 0);
  if (inHours.length > 0) return best(inHours, (a, b) => a.dayRank - b.dayRank || closeness(a, b));
  const oneSided = allowed.filter(
    (c) => c.evaluation.burden.client === 0 || c.evaluation.burden.vendor === 0,
  );
  const pool = oneSided.length > 0 ? oneSided : allowed;
  return best(
    pool,
    (a, b) =>
      cumulativeMax(a, ledger) - cumulativeMax(b, ledger) ||
      a.evaluation.total - b.evaluation.total ||
      a.dayRank - b.dayRank ||
      paysFirst(a, organizerSide) - paysFirst(b, organizerSide) ||
      closeness(a, b),
  );
}

function cumulativeMax(c: RotationCandidate, ledger: BurdenLedger): number {
  return max(ledger.client + c.evaluation.burden.client, ledger.vendor + c.evaluation.burden.vendor);
}

/** 0 when the organizer's side carries the burden, 1 otherwise. */
function paysFirst(c: RotationCandidate, organizerSide: Side): number {
  return c.evaluation.burden[organizerSide] > 0 ? 0 : 1;
}

function closeness(a: RotationCandidate, b: RotationCandidate): number {
  return (
    abs(a.evaluation.startMs - a.targetMs) - abs(b.evaluation.startMs - b.targetMs) ||
    a.evaluation.startMs - b.evaluation.startMs
  );
}

function best<T>(items: readonly T[], compare: (a: T, b: T) => number): T {
  let winner = items[0];
  for (let i = 1; i < items.length; i++) if (compare(items[i], winner) < 0) winner = items[i];
  return winner;
}
