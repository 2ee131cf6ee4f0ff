import type { Adjustment, OutOfHours } from './cadence.types';

/** One occurrence as the planner wants it stored. Instants are epoch milliseconds. */
export interface PlannedTouchpoint {
  periodKey: string;
  status: 'scheduled' | 'pending' | 'skipped';
  scheduledAt: number;
  endsAt: number | null;
  originalAt: number;
  adjustment: Adjustment | null;
  outOfHours: OutOfHours[];
  /** Reports: when the request with the form link goes out. */
  requestAt: number | null;
}

/** What the planner needs to know of a stored touchpoint. */
export interface StoredTouchpoint {
  id: string;
  periodKey: string;
  kind: 'meeting' | 'status_report';
  status: string;
  scheduledAt: number;
  endsAt: number | null;
  originalAt: number;
  adjustmentType: string | null;
  adjustmentReason: string | null;
  outOfHours: OutOfHours[];
  sequence: number;
  pinned: boolean;
  requestAt: number | null;
  requestQueuedAt: number | null;
}

export interface TouchpointUpdate {
  id: string;
  status: string;
  scheduledAt: number;
  endsAt: number | null;
  adjustment: Adjustment | null;
  outOfHours: OutOfHours[];
  requestAt: number | null;
  /** Raised when the time or the status changed, so calendars replace the invite. */
  sequence: number;
  /** The invite must be (re)issued for the new sequence. */
  inviteChanged: boolean;
}

export interface TouchpointChanges {
  inserts: PlannedTouchpoint[];
  updates: TouchpointUpdate[];
}

const OPEN_STATUSES = new Set(['scheduled', 'pending', 'skipped']);

/**
 * Whether the planner may still move a stored touchpoint: it has not happened
 * (its time is after `nowMs`), nobody acted on it (held, submitted, missed…),
 * and no operator pinned it by rescheduling it by hand.
 */
function isReplannable(stored: StoredTouchpoint, nowMs: number): boolean {
  return OPEN_STATUSES.has(stored.status) && !stored.pinned && stored.scheduledAt > nowMs;
}

/**
 * Compares a fresh plan of one cadence with what is stored and says what to
 * insert and update. Occurrences keep their row (and id) by period; only
 * future, untouched ones change; occurrences in the past are never created.
 * A stored future occurrence whose period the plan no longer has (the cadence
 * changed or stopped) within `[fromMs, toMs]` is withdrawn with `withdrawnReason`.
 */
export function diffTouchpoints(
  planned: readonly PlannedTouchpoint[],
  stored: readonly StoredTouchpoint[],
  options: { nowMs: number; fromMs: number; toMs: number; withdrawnStatus: string; withdrawnReason: string },
): TouchpointChanges {
  const byPeriod = new Map(stored.map((s) => [s.periodKey, s]));
  const inserts: PlannedTouchpoint[] = [];
  const updates: TouchpointUpdate[] = [];
  const plannedKeys = new Set<string>();

  for (const plan of planned) {
    plannedKeys.add(plan.periodKey);
    const existing = byPeriod.get(plan.periodKey);
    if (existing === undefined) {
      if (plan.scheduledAt > options.nowMs) inserts.push(plan);
      continue;
    }
    if (!isReplannable(existing, options.nowMs)) continue;
    // A report whose request already went out keeps its request time.
    const requestAt = existing.requestQueuedAt !== null ? existing.requestAt : plan.requestAt;
    const moved = existing.scheduledAt !== plan.scheduledAt || existing.endsAt !== plan.endsAt;
    const statusChanged = existing.status !== plan.status;
    const detailsChanged =
      existing.adjustmentType !== (plan.adjustment?.type ?? null) ||
      existing.adjustmentReason !== (plan.adjustment?.reason ?? null) ||
      JSON.stringify(existing.outOfHours) !== JSON.stringify(plan.outOfHours) ||
      existing.requestAt !== requestAt;
    if (!moved && !statusChanged && !detailsChanged) continue;
    const inviteChanged = moved || statusChanged;
    updates.push({
      id: existing.id,
      status: plan.status,
      scheduledAt: plan.scheduledAt,
      endsAt: plan.endsAt,
      adjustment: plan.adjustment,
      outOfHours: plan.outOfHours,
      requestAt,
      sequence: inviteChanged ? existing.sequence + 1 : existing.sequence,
      inviteChanged,
    });
  }

  for (const existing of stored) {
    if (plannedKeys.has(existing.periodKey) || !isReplannable(existing, options.nowMs)) continue;
    if (existing.originalAt < options.fromMs || existing.originalAt > options.toMs) continue;
    if (existing.status === options.withdrawnStatus) continue;
    updates.push({
      id: existing.id,
      status: options.withdrawnStatus,
      scheduledAt: existing.scheduledAt,
      endsAt: existing.endsAt,
      adjustment: { type: 'skipped', reason: options.withdrawnReason },
      outOfHours: existing.outOfHours,
      requestAt: existing.requestAt,
      sequence: existing.sequence + 1,
      inviteChanged: true,
    });
  }
  return { inserts, updates };
}
