import type { DateTime } from 'luxon';
import type { EngagementHistory } from './engagement-history';

/** The signals health is made of, as the API and config/health.yaml name them. */
export const SIGNAL_KEYS = [
  'report_timeliness',
  'meeting_adherence',
  'two_way_contact',
  'status_colour',
  'kpi_attainment',
  'recurring_blockers',
  'unanswered_asks',
  'nudge_response',
] as const;
export type SignalKey = (typeof SIGNAL_KEYS)[number];

/** What one rule concluded. */
export interface SignalResult<K extends SignalKey, E> {
  key: K;
  /**
   * 0–100, higher is healthier; null when the window holds no evidence for
   * this signal at all (no report was due, no KPI is defined). A null signal is
   * left out of the weighted score instead of being counted as perfect.
   */
  score: number | null;
  /** Plain English naming the evidence, e.g. "2 of the last 4 reports were late (avg 31 h)". */
  explanation: string;
  /** The structured evidence flags and highlights are built from. */
  evidence: E;
}

/** A health rule: pure, from an engagement's history and the evaluation instant. */
export type HealthRule<K extends SignalKey, E> = (
  history: EngagementHistory,
  asOf: DateTime,
) => SignalResult<K, E>;
