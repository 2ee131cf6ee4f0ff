import type { DateTime } from 'luxon';
import type { EngagementHistory } from './engagement-history';
import { kpiAttainmentRule, type KpiAttainmentResult } from './rules/kpi-attainment.rule';
import { meetingAdherenceRule, type MeetingAdherenceResult } from './rules/meeting-adherence.rule';
import { nudgeResponseRule, type NudgeResponseResult } from './rules/nudge-response.rule';
import { recurringBlockersRule, type RecurringBlockersResult } from './rules/recurring-blockers.rule';
import { reportTimelinessRule, type ReportTimelinessResult } from './rules/report-timeliness.rule';
import { statusColourRule, type StatusColourResult } from './rules/status-colour.rule';
import { twoWayContactRule, type TwoWayContactResult } from './rules/two-way-contact.rule';
import { unansweredAsksRule, type UnansweredAsksResult } from './rules/unanswered-asks.rule';
import type { SignalKey } from './signal-result';

/** Every rule's result, by signal key, each with its own typed evidence. */
export interface HealthSignals {
  report_timeliness: ReportTimelinessResult;
  meeting_adherence: MeetingAdherenceResult;
  two_way_contact: TwoWayContactResult;
  status_colour: StatusColourResult;
  kpi_attainment: KpiAttainmentResult;
  recurring_blockers: RecurringBlockersResult;
  unanswered_asks: UnansweredAsksResult;
  nudge_response: NudgeResponseResult;
}

/** Runs every health rule on `history` as of `asOf`. */
export function evaluateSignals(history: EngagementHistory, asOf: DateTime): HealthSignals {
  return {
    report_timeliness: reportTimelinessRule(history, asOf),
    meeting_adherence: meetingAdherenceRule(history, asOf),
    two_way_contact: twoWayContactRule(history, asOf),
    status_colour: statusColourRule(history, asOf),
    kpi_attainment: kpiAttainmentRule(history, asOf),
    recurring_blockers: recurringBlockersRule(history, asOf),
    unanswered_asks: unansweredAsksRule(history, asOf),
    nudge_response: nudgeResponseRule(history, asOf),
  } satisfies Record<SignalKey, unknown>;
}
