import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DateTime } from 'luxon';
import { DataSource, type EntityManager } from 'typeorm';
import { insertedIfAbsent } from '../../database/insert-if-absent';
import { OutboxService } from '../../notifications/outbox/outbox.service';
import { Person } from '../../people/person.entity';
import { DigestIssue } from '../digest-issue.entity';
import { DigestWebLinkService } from '../web/digest-web-link.service';
import { DigestScheduleService } from '../digest-schedule.service';
import { DigestSubscription } from '../digest-subscription.entity';
import { dueDigestSlot, type DigestSlot } from '../domain/digest-schedule';
import { addIsoWeeks, isoWeekOf } from '../domain/iso-week';
import { DigestModelService } from '../model/digest-model.service';
import { renderDigest } from '../templates/digest.template';
import { DigestUnsubscribeService } from '../unsubscribe/digest-unsubscribe.service';

export const DIGEST_PURPOSE = 'digest';

/**
 * How long a claimed subscription stays with the instance that claimed it. It
 * only has to outlast building and queueing one digest; an instance that dies
 * meanwhile leaves the row due again after it, and the digest is retried.
 */
const CLAIM_MINUTES = 10;

/** The outbox idempotency key: one digest per executive per ISO week, whoever queues it. */
export function digestIdempotencyKey(executiveId: string, isoWeek: string): string {
  return `${DIGEST_PURPOSE}:${executiveId}:${isoWeek}`;
}

/**
 * Sends one executive the digest that is due: claims their subscription row,
 * builds and renders the week's model, then in one transaction records the
 * issue (unique per executive and week), queues the e-mail in the outbox
 * (idempotency key `digest:<executive>:<week>`) and moves the row to the next
 * slot. Three guards, so several instances never send a week twice.
 */
@Injectable()
export class DigestDeliveryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly schedule: DigestScheduleService,
    private readonly models: DigestModelService,
    private readonly unsubscribes: DigestUnsubscribeService,
    private readonly outbox: OutboxService,
    private readonly webLinks: DigestWebLinkService,
  ) {}

  /**
   * Handles the row whose `nextSendAt` was `seen` and is due at `now`. Returns
   * true when a digest was queued; false when another instance holds the row
   * or nothing was due after all (the row is then moved to its next slot).
   */
  async deliver(executiveId: string, seen: Date, now: DateTime): Promise<boolean> {
    const claimedUntil = now.plus({ minutes: CLAIM_MINUTES }).toJSDate();
    if (!(await this.claim(executiveId, seen, claimedUntil, now))) return false;

    const subscription = await this.dataSource.getRepository(DigestSubscription).findOneBy({ executiveId });
    const person = await this.dataSource.getRepository(Person).findOneBy({ id: executiveId });
    if (subscription === null || person === null) return false;
    const schedule = await this.schedule.readerSchedule(person, subscription, now);
    // Null when unsubscribed or no longer an executive: the row then rests until that changes.
    const next = this.schedule.nextSlot(schedule, subscription, now);
    const due =
      next === null
        ? null
        : dueDigestSlot(
            now,
            subscription.nextWeek ?? addIsoWeeks(isoWeekOf(now.toUTC().toISODate()), -2),
            schedule.preference,
            schedule.calendar,
            (week) => schedule.sent.has(week),
          );
    if (due === null) {
      await this.advance(this.dataSource.manager, executiveId, claimedUntil, next, now);
      return false;
    }
    return this.queue(person, due, next, claimedUntil, now);
  }

  private async queue(
    person: Person,
    due: DigestSlot,
    next: DigestSlot | null,
    claimedUntil: Date,
    now: DateTime,
  ): Promise<boolean> {
    const link = this.unsubscribes.newLink();
    const web = this.webLinks.newLink();
    const model = await this.models.build(person, due.isoWeek, now, {
      webVersion: web.url,
      unsubscribe: link.url,
    });
    const digest = renderDigest(model);
    const messageId = randomUUID();

    return this.dataSource.transaction(async (manager) => {
      // Still ours? An unsubscribe or a claim that outlived its lease has moved the row since.
      if (!(await this.advance(manager, person.id, claimedUntil, next, now))) return false;
      const issue = manager
        .createQueryBuilder()
        .insert()
        .into(DigestIssue)
        .values({
          id: randomUUID(),
          executiveId: person.id,
          isoWeek: due.isoWeek,
          scheduledAt: due.at.toJSDate(),
          outboxMessageId: messageId,
          unsubscribeTokenHash: link.tokenHash,
          webTokenHash: web.tokenHash,
          // The JSON column's transformer stringifies it; the query builder's types do not know that.
          model: model as never,
          createdAt: now.toJSDate(),
        })
        .orIgnore();
      if (!(await insertedIfAbsent(manager, issue, 'id'))) return false;
      return this.outbox.enqueue(manager, {
        id: messageId,
        idempotencyKey: digestIdempotencyKey(person.id, due.isoWeek),
        purpose: DIGEST_PURPOSE,
        recipientPersonId: person.id,
        recipient: person.email,
        summary: digest.subject,
        payload: {
          kind: 'email',
          to: [{ name: person.name, address: person.email }],
          subject: digest.subject,
          html: digest.html,
          text: digest.text,
          listUnsubscribe: { url: link.url, oneClick: true },
        },
      });
    });
  }

  /** Takes the row for this instance until `until`, if it still reads `seen` (compare-and-set). */
  private async claim(executiveId: string, seen: Date, until: Date, now: DateTime): Promise<boolean> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(DigestSubscription)
      .set({ nextSendAt: until, updatedAt: now.toJSDate() })
      .where('executive_id = :executiveId AND next_send_at = :seen', {
        executiveId,
        seen: seen.toISOString(),
      })
      .execute();
    return result.affected === 1;
  }

  /** Moves a row this instance claimed on to its next slot; false when the claim was lost. */
  private async advance(
    manager: EntityManager,
    executiveId: string,
    claimedUntil: Date,
    next: DigestSlot | null,
    now: DateTime,
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(DigestSubscription)
      .set({
        nextSendAt: next?.at.toJSDate() ?? null,
        nextWeek: next?.isoWeek ?? null,
        updatedAt: now.toJSDate(),
      })
      .where('executive_id = :executiveId AND next_send_at = :claimedUntil', {
        executiveId,
        claimedUntil: claimedUntil.toISOString(),
      })
      .execute();
    return result.affected === 1;
  }
}
