import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CAPABILITY_TOKEN_SHAPE, hashToken, newCapabilityToken } from '../../core/auth/capability-token';
import { Clock } from '../../core/clock/clock';
import { AppConfig } from '../../core/config/app-config';
import { DomainError } from '../../core/errors/domain-error';
import { Person } from '../../people/person.entity';
import { DigestIssue } from '../digest-issue.entity';
import { DigestSubscription } from '../digest-subscription.entity';

/** A fresh unsubscribe link: the token lives only in the mail; the database keeps its hash. */
export interface UnsubscribeLink {
  token: string;
  tokenHash: string;
  url: string;
}

/** Who an unsubscribe link belongs to, for the confirmation page. */
export interface UnsubscribeSubject {
  executiveId: string;
  name: string;
  email: string;
  /** Already unsubscribed (by this link or another). */
  unsubscribed: boolean;
}

/** The same answer for a token that never existed, a tampered one and one of the wrong shape. */
export class UnsubscribeLinkUnknown extends DomainError {
  constructor() {
    super('UNSUBSCRIBE_LINK_NOT_FOUND', 'This link does not unsubscribe anyone.', 404);
  }
}

/**
 * One-click unsubscribe (RFC 8058) links of the digest. Each digest carries
 * its own token, bound to its executive through `digest_issue`; any of an
 * executive's tokens stops their digest. Tokens do not expire: an old digest's
 * link must still work when someone finally clicks it.
 */
@Injectable()
export class DigestUnsubscribeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** A new link; stored (as its hash) only when the digest carrying it is. */
  newLink(): UnsubscribeLink {
    const token = newCapabilityToken();
    return { token, tokenHash: hashToken(token), url: `${this.config.server.publicUrl}/u/${token}` };
  }

  /** Reads only: mail scanners open links, and opening must change nothing. */
  async resolve(presented: string): Promise<UnsubscribeSubject> {
    const executiveId = await this.executiveOf(presented);
    const person = await this.dataSource.getRepository(Person).findOneBy({ id: executiveId });
    if (person === null) throw new UnsubscribeLinkUnknown();
    const subscription = await this.dataSource
      .getRepository(DigestSubscription)
      .findOneBy({ executiveId: person.id });
    return {
      executiveId: person.id,
      name: person.name,
      email: person.email,
      unsubscribed: subscription?.unsubscribedAt != null,
    };
  }

  /**
   * Stops the executive's digest now: no digest goes out after this. Idempotent:
   * a second POST (mail clients retry) keeps the first time.
   */
  async unsubscribe(presented: string): Promise<UnsubscribeSubject> {
    const subject = await this.resolve(presented);
    const at = this.clock.now().toJSDate();
    await this.dataSource
      .getRepository(DigestSubscription)
      .createQueryBuilder()
      .update()
      .set({ unsubscribedAt: at, nextSendAt: null, nextWeek: null, updatedAt: at })
      .where('executive_id = :id AND unsubscribed_at IS NULL', { id: subject.executiveId })
      .execute();
    return { ...subject, unsubscribed: true };
  }

  private async executiveOf(presented: string): Promise<string> {
    if (!CAPABILITY_TOKEN_SHAPE.test(presented)) throw new UnsubscribeLinkUnknown();
    const issue = await this.dataSource.getRepository(DigestIssue).findOne({
      select: { executiveId: true },
      where: { unsubscribeTokenHash: hashToken(presented) },
    });
    if (issue === null) throw new UnsubscribeLinkUnknown();
    return issue.executiveId;
  }
}
