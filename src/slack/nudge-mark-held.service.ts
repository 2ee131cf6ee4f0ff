import { Injectable } from '@nestjs/common';
import { TouchpointsService } from '../cadences/touchpoints.service';
import type { NudgeActionOutcome } from '../notifications/slack/slack-domain.port';
import { EngagementAccess } from './engagement-access.service';
import { SlackIdentity } from './slack-identity.service';
import { TouchpointLabeller } from './touchpoint-labels.service';

/**
 * "Mark meeting held" from a nudge: the same as `POST /touchpoints/:id/held`,
 * for the person who clicked. Marking it held withdraws the meeting's
 * remaining nudges (the follow-ups feature listens for `touchpoint.held`).
 */
@Injectable()
export class NudgeMarkHeld {
  constructor(
    private readonly identity: SlackIdentity,
    private readonly access: EngagementAccess,
    private readonly touchpoints: TouchpointsService,
    private readonly labels: TouchpointLabeller,
  ) {}

  async markHeld(touchpointId: string, slackUserId: string): Promise<NudgeActionOutcome> {
    const person = await this.identity.personFor(slackUserId);
    const touchpoint = await this.touchpoints.find(touchpointId);
    await this.access.assertMayActOn(person, touchpoint.engagementId, touchpoint.id);
    const alreadyDone = touchpoint.status === 'held';
    // Refuses, with a message for the person, a report, a cancelled meeting or one not started yet.
    await this.touchpoints.markHeld(touchpointId, {});
    return { ...(await this.labels.labelsOf(touchpoint)), alreadyDone };
  }
}
