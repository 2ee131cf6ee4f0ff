import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource, type EntityManager } from 'typeorm';
import { CAPABILITY_TOKEN_SHAPE, hashToken, newCapabilityToken } from '../core/auth/capability-token';
import { Clock } from '../core/clock/clock';
import { AppConfig } from '../core/config/app-config';
import { DomainError } from '../core/errors/domain-error';
import { EngagementContact } from '../engagements/engagement-contact.entity';
import { ReportToken } from './report-token.entity';

export interface IssuedLink {
  /** The token as sent; it exists only in the link, never in the database. */
  token: string;
  url: string;
  expiresAt: Date;
}

/**
 * Deliberately the same for a token that never existed, one that was
 * tampered with and one of the wrong shape: the page says nothing more.
 */
export class ReportLinkUnknown extends DomainError {
  constructor() {
    super('REPORT_LINK_NOT_FOUND', 'This link does not open any report.', 404);
  }
}

/** Past its expiry, or its vendor contact is no longer on the engagement. */
export class ReportLinkGone extends DomainError {
  constructor() {
    super('REPORT_LINK_EXPIRED', 'This link has expired.', 410);
  }
}

/** Issues and resolves the personal form links (capability tokens) of report touchpoints. */
@Injectable()
export class ReportTokenService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /**
   * Creates a link for one vendor contact to one report, inside the caller's
   * transaction. It works until `tokenTtlDays` after the due time, or after
   * now when issued later than that (a fresh link for a late report).
   */
  async issue(
    manager: EntityManager,
    target: { touchpointId: string; personId: string; dueAt: Date },
  ): Promise<IssuedLink> {
    const now = this.clock.now();
    const token = newCapabilityToken();
    const from = DateTime.max(DateTime.fromJSDate(target.dueAt, { zone: 'utc' }), now);
    const expiresAt = from.plus({ days: this.config.reports.tokenTtlDays }).toJSDate();
    await manager.insert(ReportToken, {
      id: randomUUID(),
      tokenHash: hashToken(token),
      touchpointId: target.touchpointId,
      personId: target.personId,
      expiresAt,
      createdAt: now.toJSDate(),
    });
    return { token, url: this.urlOf(token), expiresAt };
  }

  /** Withdraws a link issued in this transaction that will not be sent after all. */
  async discard(manager: EntityManager, token: string): Promise<void> {
    await manager.delete(ReportToken, { tokenHash: hashToken(token) });
  }

  /**
   * The token row a presented token stands for. Reads only: opening a link
   * (which mail scanners do) never consumes or changes it.
   *
   * @throws ReportLinkUnknown (404) or ReportLinkGone (410)
   */
  async resolve(presented: string): Promise<ReportToken> {
    if (!CAPABILITY_TOKEN_SHAPE.test(presented)) throw new ReportLinkUnknown();
    const row = await this.dataSource
      .getRepository(ReportToken)
      .findOneBy({ tokenHash: hashToken(presented) });
    if (row === null) throw new ReportLinkUnknown();
    if (row.expiresAt.getTime() <= this.clock.now().toMillis()) throw new ReportLinkGone();
    const stillContact = await this.dataSource
      .getRepository(EngagementContact)
      .createQueryBuilder('c')
      .innerJoin('touchpoint', 't', 't.engagement_id = c.engagement_id')
      .where('t.id = :touchpointId AND c.person_id = :personId AND c.kind = :kind', {
        touchpointId: row.touchpointId,
        personId: row.personId,
        kind: 'vendor_contact',
      })
      .getExists();
    if (!stillContact) throw new ReportLinkGone();
    return row;
  }

  urlOf(token: string): string {
    return `${this.config.server.publicUrl}/r/${token}`;
  }
}
