import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Touchpoint } from '../cadences/touchpoint.entity';
import { DomainError } from '../core/errors/domain-error';
import { NUDGE_PURPOSE } from '../follow-ups/follow-ups.service';
import { OutboxMessage } from '../notifications/outbox/outbox-message.entity';
import type { Person } from '../people/person.entity';
import { EngagementAccess } from './engagement-access.service';
import { SlackIdentity } from './slack-identity.service';

/** A click on a nudge button, checked: who clicked, the nudge, and what it is about. */
export interface CheckedNudgeClick {
  person: Person;
  message: OutboxMessage;
  touchpoint: Touchpoint;
}

/** Turns a button's message id and the clicker's Slack id into a click they may make, or says why not. */
@Injectable()
export class NudgeClicks {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly identity: SlackIdentity,
    private readonly access: EngagementAccess,
  ) {}

  async check(messageId: string, slackUserId: string): Promise<CheckedNudgeClick> {
    const person = await this.identity.personFor(slackUserId);
    const message = await this.dataSource.getRepository(OutboxMessage).findOneBy({ id: messageId });
    if (message === null || message.purpose !== NUDGE_PURPOSE || message.touchpointId === null) {
      throw new DomainError(
        'NUDGE_NOT_FOUND',
        'Cadence no longer knows this nudge; nothing was changed.',
        404,
      );
    }
    const touchpoint = await this.dataSource
      .getRepository(Touchpoint)
      .findOneBy({ id: message.touchpointId });
    if (touchpoint === null) {
      throw new DomainError(
        'TOUCHPOINT_NOT_FOUND',
        'The meeting or report this nudge is about no longer exists; nothing was changed.',
        404,
      );
    }
    await this.access.assertMayActOn(person, touchpoint.engagementId, touchpoint.id);
    return { person, message, touchpoint };
  }
}
