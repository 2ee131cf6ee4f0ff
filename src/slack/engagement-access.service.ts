import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { DomainError } from '../core/errors/domain-error';
import { EngagementContact } from '../engagements/engagement-contact.entity';
import { Engagement } from '../engagements/engagement.entity';
import { NUDGE_PURPOSE } from '../follow-ups/follow-ups.service';
import { OutboxMessage } from '../notifications/outbox/outbox-message.entity';
import type { Person } from '../people/person.entity';

/**
 * Which engagements a person sees in Slack and may act on: those they are the
 * account manager, the executive or a client contact of. Vendor contacts are
 * not in the client's Slack.
 */
@Injectable()
export class EngagementAccess {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The person's engagements, by name. */
  async engagementsOf(person: Person): Promise<Engagement[]> {
    const contactOf = await this.dataSource
      .getRepository(EngagementContact)
      .find({ where: { personId: person.id, kind: 'client_contact' }, select: { engagementId: true } });
    return this.dataSource.getRepository(Engagement).find({
      where: [
        { accountManagerId: person.id },
        { executiveId: person.id },
        ...(contactOf.length > 0 ? [{ id: In(contactOf.map((c) => c.engagementId)) }] : []),
      ],
      order: { name: 'ASC', id: 'ASC' },
    });
  }

  /**
   * Refuses unless the person may act on this touchpoint of this engagement:
   * a member of it as above, or the one a nudge about it was addressed to (a
   * backup standing in for an account manager on leave is not a member).
   */
  async assertMayActOn(person: Person, engagementId: string, touchpointId: string | null): Promise<void> {
    const engagement = await this.dataSource.getRepository(Engagement).findOneBy({ id: engagementId });
    if (engagement !== null && (await this.isMember(person, engagement))) return;
    if (touchpointId !== null && (await this.wasNudged(person, touchpointId))) return;
    throw new DomainError(
      'SLACK_NOT_YOUR_ENGAGEMENT',
      `${person.name}, you are not the account manager, the executive or a client contact of ${engagement?.name ?? 'this engagement'}, so Cadence changed nothing.`,
      403,
    );
  }

  private async isMember(person: Person, engagement: Engagement): Promise<boolean> {
    if (engagement.accountManagerId === person.id || engagement.executiveId === person.id) return true;
    return this.dataSource.getRepository(EngagementContact).existsBy({
      engagementId: engagement.id,
      kind: 'client_contact',
      personId: person.id,
    });
  }

  private wasNudged(person: Person, touchpointId: string): Promise<boolean> {
    return this.dataSource
      .getRepository(OutboxMessage)
      .existsBy({ touchpointId, purpose: NUDGE_PURPOSE, recipientPersonId: person.id });
  }
}
