import type { EngagementHistory, StatusReport } from './engagement-history';
import type { LookBack } from './look-back';

/** Reports submitted by `asOf`, oldest due first: what was known at that instant. */
export function reportsKnownAt(history: EngagementHistory, lookBack: LookBack): StatusReport[] {
  return history.reports
    .filter((report) => lookBack.isPast(report.submittedAt) && lookBack.isPast(report.dueAt))
    .sort((a, b) => a.dueAt.toMillis() - b.dueAt.toMillis());
}

/** Reports submitted by `asOf` whose due instant lies in the look-back window, oldest first. */
export function reportsInWindow(history: EngagementHistory, lookBack: LookBack): StatusReport[] {
  return reportsKnownAt(history, lookBack).filter((report) => lookBack.includes(report.dueAt));
}
