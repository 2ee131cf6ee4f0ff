import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, type EntityManager, In } from 'typeorm';
import { Clock } from '../core/clock/clock';
import { insertedIfAbsent } from '../database/insert-if-absent';
import { NUDGE_PURPOSE } from '../follow-ups/follow-ups.service';
import { OutboxMessage } from '../notifications/outbox/outbox-message.entity';
import type { NudgeActionOutcome } from '../notifications/slack/slack-domain.port';
import { NudgeAcknowledgement } from './nudge-acknowledgement.entity';
import { type CheckedNudgeClick, NudgeClicks } from './nudge-clicks.service';
import { TouchpointLabeller } from './touchpoint-labels.service';

/**
 * "Acknowledge": the person has seen it, so the playbook stops nudging *them*
 * about this touchpoint. Their nudges about it that have not gone out yet (a
 * later e-mail step, a snoozed copy, anything else still queued to them or to
 * the Slack target the clicked nudge went to) are cancelled, in one
 * transaction with the record of the acknowledgement. Everyone else's nudges
 * stay: an acknowledgement is not the awaited thing happening. A trigger that
 * fires later about the same touchpoint (a late report becoming missed) is a
 * new situation and nudges again.
 */
@Injectable()
export class NudgeAcknowledge {
  private readonly logger = new Logger('Slack');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clicks: NudgeClicks,
    private readonly labels: TouchpointLabeller,
    private readonly clock: Clock,
  ) {}

  async acknowledge(messageId: string, slackUserId: string): Promise<NudgeActionOutcome> {
    const click = await this.clicks.check(messageId, slackUserId);
    const { first, cancelled } = await this.dataSource.transaction(async (manager) => ({
      first: await this.record(manager, click),
      cancelled: await this.cancelTheirs(manager, click),
    }));
    this.logger.log({
      msg: 'nudge acknowledged',
      messageId,
      touchpointId: click.touchpoint.id,
      personId: click.person.id,
      cancelled,
    });
    return { ...(await this.labels.labelsOf(click.touchpoint)), alreadyDone: !first };
  }

  /** True when this is the person's first acknowledgement about the touchpoint. */
  private async record(
    manager: EntityManager,
    { person, message, touchpoint }: CheckedNudgeClick,
  ): Promise<boolean> {
    const insert = manager
      .createQueryBuilder()
      .insert()
      .into(NudgeAcknowledgement)
      .values({
        touchpointId: touchpoint.id,
        personId: person.id,
        messageId: message.id,
        acknowledgedAt: this.clock.now().toJSDate(),
      })
      .orIgnore();
    return insertedIfAbsent(manager, insert, 'person_id');
  }

  private async cancelTheirs(
    manager: EntityManager,
    { person, message, touchpoint }: CheckedNudgeClick,
  ): Promise<number> {
    const result = await manager
      .createQueryBuilder()
      .update(OutboxMessage)
      .set({ status: 'cancelled', updatedAt: this.clock.now().toJSDate() })
      .where({ touchpointId: touchpoint.id, purpose: NUDGE_PURPOSE, status: In(['queued', 'failed']) })
      .andWhere(
        new Brackets((who) =>
          who
            .where('recipient_person_id = :personId', { personId: person.id })
            .orWhere('recipient = :recipient', { recipient: message.recipient }),
        ),
      )
      .execute();
    return result.affected ?? 0;
  }
}
