import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { utcIso } from '../cadences/domain/instant-format';
import type { Touchpoint } from '../cadences/touchpoint.entity';
import { Clock } from '../core/clock/clock';
import { Conflict } from '../core/errors/domain-error';
import { AWAITING_TRIGGERS } from '../follow-ups/domain/playbook.types';
import { NUDGE_PURPOSE } from '../follow-ups/follow-ups.service';
import { OutboxMessage } from '../notifications/outbox/outbox-message.entity';
import type { SlackPayload } from '../notifications/outbox/outbox-payload';
import { OutboxService } from '../notifications/outbox/outbox.service';
import { retargetNudgeBlocks } from '../notifications/slack/nudge.blocks';
import type { SnoozeOutcome } from '../notifications/slack/slack-domain.port';
import { NextWorkingMorning } from './next-working-morning.service';
import { NudgeClicks } from './nudge-clicks.service';
import { TouchpointLabeller } from './touchpoint-labels.service';

/**
 * "Snooze until tomorrow": the nudge comes back on the clicker's next working
 * morning. The message already in Slack stays as it went (`sent`, its history
 * intact); a copy is queued as a new outbox message, due then, whose buttons
 * act on the copy. Its idempotency key is `snooze:<clicked message id>`, so a
 * delivered nudge can be snoozed once (a double click finds the copy); the
 * copy can be snoozed in its turn. The copy is a nudge about the same
 * touchpoint, so marking the meeting held, the report arriving, or an
 * acknowledgement withdraws it like any other.
 */
@Injectable()
export class NudgeSnooze {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clicks: NudgeClicks,
    private readonly outbox: OutboxService,
    private readonly morning: NextWorkingMorning,
    private readonly labels: TouchpointLabeller,
    private readonly clock: Clock,
  ) {}

  async snooze(messageId: string, slackUserId: string): Promise<SnoozeOutcome> {
    const { person, message, touchpoint } = await this.clicks.check(messageId, slackUserId);
    const labels = await this.labels.labelsOf(touchpoint);
    const key = `snooze:${message.id}`;
    const earlier = await this.dataSource.getRepository(OutboxMessage).findOneBy({ idempotencyKey: key });
    if (earlier !== null) return { ...labels, alreadyDone: true, until: utcIso(earlier.dueAt) };

    // A nudge waiting for the report or the meeting has nothing left to remind of once that
    // happened; one about a red report or an unanswered ask stands until acknowledged.
    if (awaits(message.followUpTrigger) && isSettled(touchpoint)) {
      throw new Conflict(
        'NOTHING_TO_SNOOZE',
        `${labels.touchpointTitle} of ${labels.engagementName} is ${touchpoint.status} now; there is nothing left to be reminded of.`,
      );
    }
    if (message.payload.kind !== 'slack') {
      throw new Conflict('NOT_A_SLACK_NUDGE', 'Only a nudge sent in Slack can be snoozed from Slack.');
    }

    const until = await this.morning.after(person, this.clock.now());
    const id = randomUUID();
    const payload: SlackPayload = {
      ...message.payload,
      blocks: retargetNudgeBlocks(message.payload.blocks, id),
    };
    const queued = await this.dataSource.transaction((manager) =>
      this.outbox.enqueue(manager, {
        id,
        idempotencyKey: key,
        purpose: NUDGE_PURPOSE,
        engagementId: message.engagementId,
        touchpointId: message.touchpointId,
        recipientPersonId: message.recipientPersonId,
        recipient: message.recipient,
        summary: message.summary,
        payload,
        followUpTrigger: message.followUpTrigger,
        dueAt: until.toJSDate(),
        workingHoursOnly: message.workingHoursOnly,
      }),
    );
    if (!queued) {
      // Another click won the race; report the copy it queued.
      const winner = await this.dataSource
        .getRepository(OutboxMessage)
        .findOneByOrFail({ idempotencyKey: key });
      return { ...labels, alreadyDone: true, until: utcIso(winner.dueAt) };
    }
    return { ...labels, alreadyDone: false, until: utcIso(until.toJSDate()) };
  }
}

function awaits(trigger: string | null): boolean {
  return (AWAITING_TRIGGERS as readonly (string | null)[]).includes(trigger);
}

/**
 * Nothing left to remind anyone of: the meeting was held (or called off), the
 * report came in (a late one keeps the status `late`, with its submission time).
 * A missed meeting is not settled: it can still be marked held.
 */
function isSettled(touchpoint: Touchpoint): boolean {
  return (
    touchpoint.heldAt !== null ||
    touchpoint.submittedAt !== null ||
    ['held', 'submitted', 'skipped', 'cancelled'].includes(touchpoint.status)
  );
}
