import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '../../core/errors/domain-error';
import { OutboxMessage } from '../../notifications/outbox/outbox-message.entity';
import { DigestIssue } from '../digest-issue.entity';
import { ExecutiveLookupService } from '../executive-lookup.service';
import { renderDigest } from '../templates/digest.template';

/** No digest went out to this executive for that week (not yet, or they were unsubscribed). */
export class DigestNotSent extends DomainError {
  constructor(executiveId: string, isoWeek: string | null) {
    super(
      'DIGEST_NOT_FOUND',
      isoWeek === null
        ? `No digest has gone out to executive ${executiveId} yet.`
        : `No digest went out to executive ${executiveId} for ${isoWeek}.`,
      404,
    );
  }
}

/** The web version: a digest that went out, exactly as it was mailed. */
@Injectable()
export class DigestArchiveService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly executives: ExecutiveLookupService,
  ) {}

  /**
   * The HTML part of the executive's digest for `isoWeek` (the latest one when
   * null), read from the outbox message that carried it: the bytes mailed,
   * not a fresh render of today's data. Should that message have been purged,
   * the stored model is rendered again, which the pure renderer turns into the
   * same bytes.
   */
  async html(executiveId: string, isoWeek: string | null): Promise<string> {
    const executive = await this.executives.find(executiveId);
    const issue = await this.dataSource.getRepository(DigestIssue).findOne({
      where: isoWeek === null ? { executiveId: executive.id } : { executiveId: executive.id, isoWeek },
      order: { isoWeek: 'DESC' },
    });
    if (issue === null) throw new DigestNotSent(executive.id, isoWeek);
    const message = await this.dataSource
      .getRepository(OutboxMessage)
      .findOneBy({ id: issue.outboxMessageId });
    if (message?.payload.kind === 'email') return message.payload.html;
    return renderDigest(issue.model).html;
  }
}
