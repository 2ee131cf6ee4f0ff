import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../core/clock/clock';
import { ValidationFailed } from '../core/errors/domain-error';
import { EngagementsService } from '../engagements/engagements.service';
import type { ReportLinkView } from './dto/report.dto';
import { ReportSubjectService } from './report-subject.service';
import { ReportTokenService } from './report-token.service';

/** Issues a fresh form link on request, for a vendor contact who lost theirs. */
@Injectable()
export class ReportLinkService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly subjects: ReportSubjectService,
    private readonly engagements: EngagementsService,
    private readonly tokens: ReportTokenService,
    private readonly clock: Clock,
  ) {}

  /**
   * @throws NotFound, Conflict (not a report, withdrawn, closed), ValidationFailed
   * when `personId` is not a vendor contact of the engagement.
   */
  async issue(touchpointId: string, personId: string | undefined): Promise<ReportLinkView> {
    const subject = await this.subjects.load(touchpointId);
    this.subjects.assertAccepting(subject, this.clock.now());
    const { vendorContactIds } = await this.engagements.membersOf(subject.engagement);
    const forPerson = personId ?? vendorContactIds[0];
    if (forPerson === undefined || !vendorContactIds.includes(forPerson)) {
      throw new ValidationFailed({ personId: 'must be a vendor contact of this engagement' });
    }
    const link = await this.dataSource.transaction((manager) =>
      this.tokens.issue(manager, {
        touchpointId,
        personId: forPerson,
        dueAt: subject.touchpoint.scheduledAt,
      }),
    );
    return { url: link.url, expiresAt: link.expiresAt.toISOString(), personId: forPerson };
  }
}
