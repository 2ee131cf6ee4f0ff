import type { EngagementHistory, StatusReport } from './engagement-history';
import type { LookBack } from './look-back';

/** Reports submitted by `asOf`, oldest due first: what was known at that instant. */
export function reportsKnownAt(history: EngagementHistory, lookBack: LookBack): StatusReport[] {
  return history.reports
    .filter((report) => lookBack.isPast(report.submittedAt) && lookBack.isPast(report.dueAt))
    .sort((a, b) => a.dueAt.toMillis() - b.dueAt.toMillis());
}
