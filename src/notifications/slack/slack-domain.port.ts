/**
 * What the Slack app needs from the rest of Cadence, and nothing more.
 *
 * The Slack module never imports a domain service: the lead implements this
 * port with the touchpoint, follow-up and health services. Every method gets
 * the Slack user id of the person who clicked or typed; the implementation
 * maps it to a Cadence person (`slackUserId` on People) and checks they may
 * act on that touchpoint or message.
 *
 * Data crosses as plain values: instants are ISO-8601 UTC strings (Slack shows
 * them in each reader's own zone), text is plain text (the block builders
 * escape it), never mrkdwn.
 *
 * Errors: throw Cadence's `DomainError` (anything with a string `code`, a 4xx
 * `status` and a `message`) for something the person can act on, such as
 * "Your Slack account is not linked to a Cadence person" — its message is shown
 * to them. Any other error shows a generic message with a reference, and the
 * error itself only goes to the log.
 */
export interface SlackDomainPort {
  /** "Mark meeting held" on a nudge. Idempotent: a second click reports `alreadyDone`. */
  markHeld(touchpointId: string, slackUserId: string): Promise<NudgeActionOutcome>;
  /** "Snooze until tomorrow": the nudge comes back on the person's next working morning. */
  snooze(messageId: string, slackUserId: string): Promise<SnoozeOutcome>;
  /** "Acknowledge": the person has seen it; the playbook stops nudging them about it. */
  acknowledge(messageId: string, slackUserId: string): Promise<NudgeActionOutcome>;
  /** `/cadence status <query>`: the query is what the person typed (unescaped), matched by name. */
  status(query: string, slackUserId: string): Promise<EngagementStatusResult>;
  /** `/cadence overdue`: late and missed touchpoints of the person's engagements. */
  overdue(slackUserId: string): Promise<OverdueTouchpoint[]>;
  /** `/cadence health`: the person's engagements with their health. */
  health(slackUserId: string): Promise<EngagementHealthSummary[]>;
  /** The App Home tab. */
  home(slackUserId: string): Promise<AccountManagerHome>;
}

/** Health bands, as in `GET /api/v1/engagements/:id/health`. */
export type HealthBand = 'healthy' | 'watch' | 'at_risk' | 'strained';

export type TouchpointKind = 'meeting' | 'status_report';

export interface NudgeActionOutcome {
  engagementName: string;
  /** The touchpoint's title, e.g. "Weekly sync" or "Weekly status". */
  touchpointTitle: string;
  /** True when it had already been done (a double click, or done elsewhere). */
  alreadyDone: boolean;
}

export interface SnoozeOutcome extends NudgeActionOutcome {
  /** When the nudge comes back (ISO instant): the person's next working morning. */
  until: string;
}

export interface EngagementHealthSummary {
  engagementId: string;
  name: string;
  vendorName: string;
  /** 0–100; null while the engagement has not been assessed yet (shown as such). */
  score: number | null;
  /** Null while the engagement has not been assessed yet. */
  band: HealthBand | null;
  /** Points against last week; negative is a slide. Absent before there is a week to compare with. */
  trend?: number;
  /** The most pressing flag, in words, if any. */
  topFlag?: string;
  /** Where the engagement's report lives (a Cadence URL), if any. */
  url?: string;
}

export interface OverdueTouchpoint {
  touchpointId: string;
  engagementName: string;
  kind: TouchpointKind;
  title: string;
  /** When it was due (report) or was to take place (meeting), ISO instant. */
  dueAt: string;
  status: 'late' | 'missed';
}

export interface EngagementStatus {
  engagement: EngagementHealthSummary;
  /** Next scheduled touchpoints, soonest first. */
  upcoming: { title: string; kind: TouchpointKind; at: string }[];
  overdue: OverdueTouchpoint[];
  /** The last status report, if any. */
  lastReport?: { status: 'green' | 'amber' | 'red'; submittedAt: string; late: boolean };
  flags: { severity: 'info' | 'warning' | 'critical'; message: string }[];
  highlights: string[];
}

export type EngagementStatusResult =
  | { kind: 'found'; status: EngagementStatus }
  | { kind: 'not_found' }
  | { kind: 'ambiguous'; candidates: string[] };

export interface AccountManagerHome {
  /** The person's engagements; the view lists the least healthy first. */
  engagements: EngagementHealthSummary[];
  /** Late or missed touchpoints across them. */
  overdueCount: number;
}
