/** How long after its due time a report is late; after its end a meeting is missed. */
export interface Graces {
  reportLateMs: number;
  meetingMissedMs: number;
}

/** What the detection sweep needs to know of a touchpoint. Instants are epoch ms. */
export interface CheckedTouchpoint {
  kind: 'meeting' | 'status_report';
  status: string;
  scheduledAt: number;
  endsAt: number | null;
}

/** A transition the sweep makes, and the trigger it fires. */
export interface Detection {
  status: 'late' | 'missed';
  /** The follow-up playbook trigger the transition fires. */
  trigger: 'report_late' | 'report_missed' | 'meeting_missed';
  /** When to look again (a late report becomes missed when the next one is due), or null. */
  nextCheckAt: number | null;
}

/** A week, for a report whose cadence has no next occurrence to wait for. */
const FALLBACK_NEXT_MS = 7 * 86_400_000;

/**
 * When a freshly planned touchpoint is first checked: a report at its due
 * time plus grace, a meeting at its end plus grace. Nothing awaited, nothing
 * checked: a skipped or cancelled occurrence is never late or missed.
 */
export function firstCheckAt(t: CheckedTouchpoint, graces: Graces): number | null {
  if (t.kind === 'status_report') return t.status === 'pending' ? t.scheduledAt + graces.reportLateMs : null;
  if (t.status !== 'scheduled') return null;
  return (t.endsAt ?? t.scheduledAt) + graces.meetingMissedMs;
}

/**
 * What a check at `nowMs` finds. A pending report past its due time plus grace
 * is late (`report_late`); a late report is missed once the next report of its
 * cadence is due (`report_missed`); a scheduled meeting past its end plus grace
 * is missed (`meeting_missed`). Anything else (held, submitted, skipped…) needs
 * no transition and no further check.
 */
export function detect(
  t: CheckedTouchpoint,
  nowMs: number,
  graces: Graces,
  nextOccurrenceAt: number | null,
): Detection | null {
  const missedAt = nextOccurrenceAt ?? t.scheduledAt + FALLBACK_NEXT_MS;
  if (t.kind === 'status_report') {
    if (t.status === 'pending' && nowMs >= t.scheduledAt + graces.reportLateMs) {
      return { status: 'late', trigger: 'report_late', nextCheckAt: missedAt };
    }
    if (t.status === 'late' && nowMs >= missedAt)
      return { status: 'missed', trigger: 'report_missed', nextCheckAt: null };
    return null;
  }
  if (t.status === 'scheduled' && nowMs >= (t.endsAt ?? t.scheduledAt) + graces.meetingMissedMs) {
    return { status: 'missed', trigger: 'meeting_missed', nextCheckAt: null };
  }
  return null;
}

/** Statuses a check still waits on; any other status clears the check. */
export function isAwaited(t: CheckedTouchpoint): boolean {
  return t.kind === 'status_report'
    ? t.status === 'pending' || t.status === 'late'
    : t.status === 'scheduled';
}
