import type {
  AccountManagerHome,
  EngagementHealthSummary,
  EngagementStatus,
  EngagementStatusResult,
  NudgeActionOutcome,
  OverdueTouchpoint,
  SlackDomainPort,
  SnoozeOutcome,
} from '../../src/notifications/slack/slack-domain.port';

type PortMethod = keyof SlackDomainPort;

export interface PortCall {
  method: PortMethod;
  args: string[];
}

/** An error shaped like Cadence's DomainError: its message is meant for people. */
export class FakeDomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: 400 | 403 | 404 | 409 = 409,
  ) {
    super(message);
  }
}

/**
 * A stateful stand-in for the domain behind the Slack app: it remembers what
 * was marked held, snoozed and acknowledged, records every call, and can be
 * made slow or failing per method.
 */
export class FakeSlackDomain implements SlackDomainPort {
  readonly calls: PortCall[] = [];
  readonly held = new Set<string>();
  readonly snoozed = new Map<string, string>();
  readonly acknowledged = new Set<string>();

  engagements: EngagementHealthSummary[] = [];
  overdueTouchpoints: OverdueTouchpoint[] = [];
  statuses: EngagementStatus[] = [];
  /** Touchpoint id → engagement name and title, for the outcomes. */
  touchpoints = new Map<string, { engagementName: string; title: string }>();
  /** Message id → touchpoint id. */
  messages = new Map<string, string>();
  /** When the snooze ends (what `snooze` answers). */
  snoozeUntil = '2027-03-10T14:00:00Z';

  private readonly delays = new Map<PortMethod, number>();
  private readonly failures = new Map<PortMethod, Error>();

  /** `method` takes `ms` before answering. */
  slow(method: PortMethod, ms: number): void {
    this.delays.set(method, ms);
  }

  /** `method` throws `error`. */
  failing(method: PortMethod, error: Error): void {
    this.failures.set(method, error);
  }

  callsOf(method: PortMethod): PortCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  async markHeld(touchpointId: string, slackUserId: string): Promise<NudgeActionOutcome> {
    await this.enter('markHeld', [touchpointId, slackUserId]);
    const alreadyDone = this.held.has(touchpointId);
    this.held.add(touchpointId);
    return { ...this.touchpoint(touchpointId), alreadyDone };
  }

  async snooze(messageId: string, slackUserId: string): Promise<SnoozeOutcome> {
    await this.enter('snooze', [messageId, slackUserId]);
    const alreadyDone = this.snoozed.has(messageId);
    this.snoozed.set(messageId, this.snoozeUntil);
    return { ...this.touchpoint(this.messages.get(messageId)), alreadyDone, until: this.snoozeUntil };
  }

  async acknowledge(messageId: string, slackUserId: string): Promise<NudgeActionOutcome> {
    await this.enter('acknowledge', [messageId, slackUserId]);
    const alreadyDone = this.acknowledged.has(messageId);
    this.acknowledged.add(messageId);
    return { ...this.touchpoint(this.messages.get(messageId)), alreadyDone };
  }

  async status(query: string, slackUserId: string): Promise<EngagementStatusResult> {
    await this.enter('status', [query, slackUserId]);
    const q = query.toLowerCase();
    const matches = this.statuses.filter((s) => s.engagement.name.toLowerCase().includes(q));
    if (matches.length === 0) return { kind: 'not_found' };
    if (matches.length > 1) return { kind: 'ambiguous', candidates: matches.map((m) => m.engagement.name) };
    return { kind: 'found', status: matches[0] };
  }

  async overdue(slackUserId: string): Promise<OverdueTouchpoint[]> {
    await this.enter('overdue', [slackUserId]);
    return this.overdueTouchpoints;
  }

  async health(slackUserId: string): Promise<EngagementHealthSummary[]> {
    await this.enter('health', [slackUserId]);
    return this.engagements;
  }

  async home(slackUserId: string): Promise<AccountManagerHome> {
    await this.enter('home', [slackUserId]);
    return { engagements: this.engagements, overdueCount: this.overdueTouchpoints.length };
  }

  private touchpoint(id: string | undefined): { engagementName: string; touchpointTitle: string } {
    const t = id === undefined ? undefined : this.touchpoints.get(id);
    return {
      engagementName: t?.engagementName ?? 'Unknown engagement',
      touchpointTitle: t?.title ?? 'Touchpoint',
    };
  }

  private async enter(method: PortMethod, args: string[]): Promise<void> {
    this.calls.push({ method, args });
    const delay = this.delays.get(method);
    if (delay !== undefined) await new Promise((resolve) => setTimeout(resolve, delay));
    const failure = this.failures.get(method);
    if (failure !== undefined) throw failure;
  }
}
