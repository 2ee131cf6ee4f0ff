import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Clock } from '../../core/clock/clock';
import { Engagement } from '../../engagements/engagement.entity';
import { buildInvite } from '../../notifications/email/ics';
import { OutboxService } from '../../notifications/outbox/outbox.service';
import { Person } from '../../people/person.entity';
import { Cadence } from '../cadence.entity';
import { inviteDescription, renderInviteEmail } from '../templates/invite.template';
import { Touchpoint } from '../touchpoint.entity';

/** Touchpoints handled per sweep round; each in its own transaction. */
const BATCH = 200;

/**
 * Sends each meeting occurrence to its participants as an iCalendar invite:
 * when it first enters the horizon and whenever it changes (a higher SEQUENCE),
 * a CANCEL when it is skipped or cancelled, never twice for the same version.
 * The touchpoint's `invitePending` flag and the outbox rows change together.
 */
@Injectable()
export class InvitesService {
  private readonly logger = new Logger('Invites');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  /** Issues every pending invite (of one engagement, when given). Returns how many touchpoints it handled. */
  async issuePending(filter: { engagementId?: string } = {}): Promise<number> {
    let handled = 0;
    for (;;) {
      const pending = await this.dataSource.getRepository(Touchpoint).find({
        where: {
          invitePending: true,
          kind: 'meeting',
          ...(filter.engagementId && { engagementId: filter.engagementId }),
        },
        order: { scheduledAt: 'ASC' },
        take: BATCH,
      });
      if (pending.length === 0) return handled;
      const related = await this.related(pending);
      let progressed = 0;
      for (const touchpoint of pending) {
        try {
          if (await this.issue(touchpoint, related)) progressed += 1;
        } catch (error) {
          this.logger.error({
            msg: 'issuing an invite failed',
            touchpointId: touchpoint.id,
            err: (error as Error).message,
          });
        }
      }
      handled += progressed;
      // Another instance took the rest, or they keep failing: try again on the next sweep.
      if (progressed === 0 || pending.length < BATCH) return handled;
    }
  }

  private async issue(touchpoint: Touchpoint, related: Related): Promise<boolean> {
    const now = this.clock.now();
    const cadence = related.cadences.get(touchpoint.cadenceId);
    const engagement = related.engagements.get(touchpoint.engagementId);
    const participants = (cadence?.participantIds ?? [])
      .map((id) => related.people.get(id))
      .filter((p): p is Person => p !== undefined);
    const organizer = related.people.get(cadence?.organizerId ?? '') ?? participants[0];

    const upcoming = touchpoint.scheduledAt.getTime() > now.toMillis();
    const method: 'REQUEST' | 'CANCEL' | null =
      touchpoint.status === 'scheduled' && upcoming && touchpoint.endsAt !== null
        ? 'REQUEST'
        : touchpoint.invitedSequence !== null && upcoming
          ? 'CANCEL'
          : null;

    return this.dataSource
      .transaction(async (manager) => {
        if (method !== null && cadence && engagement && organizer && participants.length > 0) {
          const end = endOf(touchpoint, cadence);
          // The calendar file is the same for every recipient: only the e-mail around it differs.
          const ics = buildInvite({
            uid: `${touchpoint.id}@cadence`,
            sequence: touchpoint.sequence,
            method,
            start: touchpoint.scheduledAt,
            end,
            title: `${cadence.title} (${engagement.name})`,
            description: inviteDescription({
              engagementName: engagement.name,
              reason: touchpoint.adjustmentReason,
              title: cadence.title,
            }),
            organizer: { name: organizer.name, email: organizer.email },
            attendees: participants.map((p) => ({ name: p.name, email: p.email })),
            stamp: now,
          });
          for (const person of participants) {
            const message = this.render(
              method,
              touchpoint,
              cadence,
              engagement,
              person,
              participants,
              end,
              ics,
            );
            await this.outbox.enqueue(manager, {
              idempotencyKey: `invite:${touchpoint.id}:${person.id}:${touchpoint.sequence}`,
              purpose: method === 'REQUEST' ? 'invite' : 'invite_cancel',
              engagementId: engagement.id,
              touchpointId: touchpoint.id,
              recipientPersonId: person.id,
              recipient: person.email,
              summary: message.subject,
              payload: message,
            });
          }
        }
        // Only if nobody re-planned it meanwhile: otherwise the next sweep sends the newer version.
        const result = await manager
          .createQueryBuilder()
          .update(Touchpoint)
          .set({
            invitePending: false,
            invitedSequence: method === null ? touchpoint.invitedSequence : touchpoint.sequence,
          })
          .where('id = :id AND sequence = :sequence AND invite_pending = :pending', {
            id: touchpoint.id,
            sequence: touchpoint.sequence,
            pending: true,
          })
          .execute();
        if (result.affected !== 1) throw new StaleInvite();
        return true;
      })
      .catch((error: unknown) => {
        if (error instanceof StaleInvite) return false;
        throw error;
      });
  }

  private render(
    method: 'REQUEST' | 'CANCEL',
    touchpoint: Touchpoint,
    cadence: Cadence,
    engagement: Engagement,
    recipient: Person,
    participants: Person[],
    end: Date,
    ics: string,
  ) {
    const email = renderInviteEmail({
      method,
      sequence: touchpoint.sequence,
      title: cadence.title,
      engagementName: engagement.name,
      recipient: { name: recipient.name, timeZone: recipient.timeZone, locale: recipient.locale },
      start: touchpoint.scheduledAt,
      end,
      originalAt: touchpoint.originalAt,
      reason: touchpoint.adjustmentReason,
      participants: participants.map((p) => ({
        name: p.name,
        timeZone: p.timeZone,
        locale: p.locale,
        outOfHoursMinutes: touchpoint.outOfHours.find((o) => o.personId === p.id)?.minutes ?? 0,
      })),
    });
    return {
      kind: 'email' as const,
      to: [{ name: recipient.name, address: recipient.email }],
      subject: email.subject,
      html: email.html,
      text: email.text,
      invite: { method, ics },
    };
  }

  private async related(touchpoints: Touchpoint[]): Promise<Related> {
    const cadences = await this.dataSource
      .getRepository(Cadence)
      .findBy({ id: In([...new Set(touchpoints.map((t) => t.cadenceId))]) });
    const engagements = await this.dataSource
      .getRepository(Engagement)
      .findBy({ id: In([...new Set(touchpoints.map((t) => t.engagementId))]) });
    const personIds = new Set(
      cadences.flatMap((c) => [...c.participantIds, ...(c.organizerId ? [c.organizerId] : [])]),
    );
    const people = personIds.size
      ? await this.dataSource.getRepository(Person).findBy({ id: In([...personIds]) })
      : [];
    return {
      cadences: new Map(cadences.map((c) => [c.id, c])),
      engagements: new Map(engagements.map((e) => [e.id, e])),
      people: new Map(people.map((p) => [p.id, p])),
    };
  }
}

/** When the occurrence ends: its stored end, else its start plus the cadence's duration (30 min by default). */
function endOf(touchpoint: Touchpoint, cadence: Cadence): Date {
  return (
    touchpoint.endsAt ?? new Date(touchpoint.scheduledAt.getTime() + (cadence.durationMinutes ?? 30) * 60_000)
  );
}

interface Related {
  cadences: ReadonlyMap<string, Cadence>;
  engagements: ReadonlyMap<string, Engagement>;
  people: ReadonlyMap<string, Person>;
}

class StaleInvite extends Error {}
