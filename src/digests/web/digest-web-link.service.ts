import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CAPABILITY_TOKEN_SHAPE, hashToken, newCapabilityToken } from '../../core/auth/capability-token';
import { AppConfig } from '../../core/config/app-config';
import { DomainError } from '../../core/errors/domain-error';
import { DigestIssue } from '../digest-issue.entity';
import { DigestArchiveService } from './digest-archive.service';

export interface DigestWebLink {
  token: string;
  tokenHash: string;
  url: string;
}

export class DigestWebLinkUnknown extends DomainError {
  constructor() {
    super('DIGEST_LINK_NOT_FOUND', 'This link does not open a digest.', 404);
  }
}

/**
 * "View in your browser": each digest carries a link of its own to the web
 * version, so an executive opens it without an API token. The link shows that
 * one digest and nothing else, and changes nothing when opened.
 */
@Injectable()
export class DigestWebLinkService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly archive: DigestArchiveService,
    private readonly config: AppConfig,
  ) {}

  /** A new link; stored (as its hash) only when the digest carrying it is. */
  newLink(): DigestWebLink {
    const token = newCapabilityToken();
    return { token, tokenHash: hashToken(token), url: `${this.config.server.publicUrl}/d/${token}` };
  }

  async html(presented: string): Promise<string> {
    if (!CAPABILITY_TOKEN_SHAPE.test(presented)) throw new DigestWebLinkUnknown();
    const issue = await this.dataSource
      .getRepository(DigestIssue)
      .findOneBy({ webTokenHash: hashToken(presented) });
    if (issue === null) throw new DigestWebLinkUnknown();
    return this.archive.html(issue.executiveId, issue.isoWeek);
  }
}
