import type { Side } from '../../calendars/domain/calendar.types';
import type { BurdenLedger } from './cadence.types';
import { MINUTE_MS } from './civil-date';
import type { CalendarView } from './calendar-view';
import type { Span } from './common-window';
import { localDayAt } from './zone-offset';

// Module-level aliases: global lookups are slow in sandboxes such as jest's vm (about 30x
// for this arithmetic), and these functions run several times per touchpoint.
const { max, round } = Math;
const { isNaN } = Number;

/** One candidate meeting slot, scored for out-of-hours burden. */
export interface SlotEvaluation {
  startMs: number;
  endMs: number;
  /** Minutes each participant is asked beyond their working window (same order as the views). */
  minutes: number[];
  /** Per side, the largest of its participants' minutes: what that side "pays" for this slot. */
  burden: BurdenLedger;
  /** `burden.client + burden.vendor`. */
  total: number;
  /** False when the slot makes someone work on their day off. */
  allowed: boolean;
}

/**
 * How far a meeting reaches beyond a person's nearest working window, in ms: 0 inside it,
 * otherwise the time by which their working day would have to start earlier or end later.
 * A meeting at 20:00–20:45 for someone who stops at 18:00 costs 2 h 45 min, not 45 min:
 * staying until 20:45 is what it asks of them. Infinity when they have no window nearby.
 */
function reachBeyondMs(windows: readonly Span[], startMs: number, endMs: number): number {
  let best = Infinity;
  for (const w of windows) {
    const reach = max(0, w.start - startMs) + max(0, endMs - w.end);
    if (reach < best) best = reach;
  }
  return best;
}

/**
 * Scores a slot for every participant. A participant outside their window may only be asked
 * on their own working days (the local dates of the slot's start and end must be working
 * days): a day off stays off, even for the least-bad slot.
 */
export function evaluateSlot(
  views: readonly CalendarView[],
  perPerson: readonly Span[][],
  startMs: number,
  durationMs: number,
  nominal: boolean,
): SlotEvaluation {
  const endMs = startMs + durationMs;
  const minutes: number[] = [];
  const burden: BurdenLedger = { client: 0, vendor: 0 };
  let allowed = true;
  for (let i = 0; i < views.length; i++) {
    const reach = reachBeyondMs(perPerson[i], startMs, endMs);
    const m = reach === Infinity ? Infinity : round(reach / MINUTE_MS);
    minutes.push(m);
    if (m > 0) {
      if (m === Infinity || !worksOn(views[i], startMs, nominal) || !worksOn(views[i], endMs - 1, nominal)) {
        allowed = false;
      }
      addBurden(burden, views[i].side, m);
    }
  }
  return { startMs, endMs, minutes, burden, total: burden.client + burden.vendor, allowed };
}

function worksOn(view: CalendarView, utcMs: number, nominal: boolean): boolean {
  const d = view.day(localDayAt(view.zone, utcMs));
  return !isNaN(nominal ? d.nominalStart : d.start);
}

function addBurden(burden: BurdenLedger, side: Side, minutes: number): void {
  if (minutes > burden[side]) burden[side] = minutes;
}
