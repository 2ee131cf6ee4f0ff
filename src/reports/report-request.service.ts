import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DateTime } from 'luxon';
import { DataSource, In } from 'typeorm';
import { Cadence } from '../cadences/cadence.entity';
import { Touchpoint } from '../cadences/touchpoint.entity';
import { Clock } from '../core/clock/clock';
import { EngagementsService } from '../engagements/engagements.service';
import { formatInstant, resolveLocale } from '../notifications/email/format';
import { OutboxService } from '../notifications/outbox/outbox.service';
import { Person } from '../people/person.entity';
import { describePeriod } from './domain/report-period';
import { ReportTokenService } from './report-token.service';
import { renderReportRequestEmail } from './templates/report-request.email';

export const REPORT_REQUEST_PURPOSE = 'report_request';

/**
 * Asks the vendor contacts for one report: a personal link per contact, an
 * e-mail per contact through the outbox, and `requestQueuedAt` on the
 * touchpoint, all in one transaction, so the request goes out once or not at all.
 */
@Injectable()
export class ReportRequestService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engagements: EngagementsService,
    private readonly tokens: ReportTokenService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  /**
   * Queues the request for a pending report touchpoint now, whatever its
   * `requestAt` (for the planner, or an operator who wants it out at once).
   * Answers false when there is nothing to do: not a pending report, or its
   * request already queued (by this instance or another).
   */
  async queueNow(touchpointId: string): Promise<boolean> {
    return this.queue(touchpointId, this.clock.now());
  }

  async queue(touchpointId: string, now: DateTime): Promise<boolean> {
    const touchpoint = await this.dataSource.getRepository(Touchpoint).findOneBy({ id: touchpointId });
    if (!isRequestable(touchpoint)) return false;
    const engagement = await this.engagements.find(touchpoint.engagementId);
    const cadence = await this.dataSource
      .getRepository(Cadence)
      .findOneByOrFail({ id: touchpoint.cadenceId });
    const { vendorContactIds } = await this.engagements.membersOf(engagement);
    const found = await this.dataSource.getRepository(Person).findBy({ id: In(vendorContactIds) });
    const contacts = vendorContactIds.flatMap((id) => found.filter((p) => p.id === id));
    const at = now.toJSDate();

    return this.dataSource.transaction(async (manager) => {
      // The claim: of several instances (or the job and the planner) only one flips it.
      const claimed = await manager
        .createQueryBuilder()
        .update(Touchpoint)
        .set({ requestQueuedAt: at, updatedAt: at })
        .where('id = :id AND request_queued_at IS NULL AND status = :pending AND kind = :kind', {
          id: touchpoint.id,
          pending: 'pending',
          kind: 'status_report',
        })
        .execute();
      if (claimed.affected !== 1) return false;

      for (const person of contacts) {
        const link = await this.tokens.issue(manager, {
          touchpointId: touchpoint.id,
          personId: person.id,
          dueAt: touchpoint.scheduledAt,
        });
        const reader = { zone: person.timeZone, locale: person.locale };
        const email = renderReportRequestEmail({
          recipientName: person.name,
          engagementName: engagement.name,
          clientName: engagement.clientName,
          vendorName: engagement.vendorName,
          reportTitle: cadence.title,
          period: describePeriod(touchpoint.periodKey, resolveLocale(person.locale)),
          due: formatInstant(touchpoint.scheduledAt, reader),
          expires: formatInstant(link.expiresAt, reader),
          url: link.url,
        });
        const queued = await this.outbox.enqueue(manager, {
          idempotencyKey: `${REPORT_REQUEST_PURPOSE}:${touchpoint.id}:${person.id}`,
          purpose: REPORT_REQUEST_PURPOSE,
          engagementId: engagement.id,
          touchpointId: touchpoint.id,
          recipientPersonId: person.id,
          recipient: person.email,
          summary: email.subject,
          payload: {
            kind: 'email',
            to: [{ name: person.name, address: person.email }],
            subject: email.subject,
            html: email.html,
            text: email.text,
          },
        });
        // Already asked once (the planner re-opened the request): that mail's link still works.
        if (!queued) await this.tokens.discard(manager, link.token);
      }
      return true;
    });
  }
}

function isRequestable(touchpoint: Touchpoint | null): touchpoint is Touchpoint {
  return (
    touchpoint !== null &&
    touchpoint.kind === 'status_report' &&
    touchpoint.status === 'pending' &&
    touchpoint.requestQueuedAt === null
  );
}
