import { Injectable } from '@nestjs/common';
import type { Engagement } from '../engagements/engagement.entity';
import type {
  AccountManagerHome,
  EngagementHealthSummary,
  EngagementStatusResult,
  NudgeActionOutcome,
  OverdueTouchpoint,
  SlackDomainPort,
  SnoozeOutcome,
} from '../notifications/slack/slack-domain.port';
import { EngagementAccess } from './engagement-access.service';
import { EngagementStatusQuery } from './engagement-status.query';
import { EngagementSummaries } from './engagement-summaries.service';
import { NudgeAcknowledge } from './nudge-acknowledge.service';
import { NudgeMarkHeld } from './nudge-mark-held.service';
import { NudgeSnooze } from './nudge-snooze.service';
import { OverdueTouchpointsQuery } from './overdue-touchpoints.query';
import { SlackIdentity } from './slack-identity.service';

/**
 * What the Slack app asks of Cadence, answered by the real services. Each
 * method names the Slack user; the person behind it is resolved (and refused
 * with a message they can act on) before anything is read or changed.
 */
@Injectable()
export class CadenceSlackDomain implements SlackDomainPort {
  constructor(
    private readonly identity: SlackIdentity,
    private readonly access: EngagementAccess,
    private readonly held: NudgeMarkHeld,
    private readonly snoozer: NudgeSnooze,
    private readonly acknowledger: NudgeAcknowledge,
    private readonly summaries: EngagementSummaries,
    private readonly overdueQuery: OverdueTouchpointsQuery,
    private readonly statusQuery: EngagementStatusQuery,
  ) {}

  markHeld(touchpointId: string, slackUserId: string): Promise<NudgeActionOutcome> {
    return this.held.markHeld(touchpointId, slackUserId);
  }

  snooze(messageId: string, slackUserId: string): Promise<SnoozeOutcome> {
    return this.snoozer.snooze(messageId, slackUserId);
  }

  acknowledge(messageId: string, slackUserId: string): Promise<NudgeActionOutcome> {
    return this.acknowledger.acknowledge(messageId, slackUserId);
  }

  async status(query: string, slackUserId: string): Promise<EngagementStatusResult> {
    return this.statusQuery.find(query, await this.engagementsOf(slackUserId));
  }

  async overdue(slackUserId: string): Promise<OverdueTouchpoint[]> {
    return this.overdueQuery.of(await this.engagementsOf(slackUserId));
  }

  async health(slackUserId: string): Promise<EngagementHealthSummary[]> {
    return this.summaries.of(await this.engagementsOf(slackUserId));
  }

  async home(slackUserId: string): Promise<AccountManagerHome> {
    const engagements = await this.engagementsOf(slackUserId);
    const [summaries, overdue] = await Promise.all([
      this.summaries.of(engagements),
      this.overdueQuery.of(engagements),
    ]);
    return { engagements: summaries, overdueCount: overdue.length };
  }

  private async engagementsOf(slackUserId: string): Promise<Engagement[]> {
    return this.access.engagementsOf(await this.identity.personFor(slackUserId));
  }
}
