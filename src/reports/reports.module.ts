import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Cadence } from '../cadences/cadence.entity';
import { Touchpoint } from '../cadences/touchpoint.entity';
import { EngagementsModule } from '../engagements/engagements.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { Person } from '../people/person.entity';
import { FormCsrfService } from './form-csrf.service';
import { FormRateLimiter } from './form-rate-limiter';
import { ReportApiController } from './report-api.controller';
import { ReportFormController } from './report-form.controller';
import { ReportFormService } from './report-form.service';
import { ReportLinkService } from './report-link.service';
import { ReportQueryService } from './report-query.service';
import { ReportRequestJob } from './report-request.job';
import { ReportRequestService } from './report-request.service';
import { ReportSubjectService } from './report-subject.service';
import { ReportSubmissionService } from './report-submission.service';
import { ReportToken } from './report-token.entity';
import { ReportTokenService } from './report-token.service';
import { StatusReport } from './status-report.entity';

/** Status reports: the requests with personal links, the vendor form, and the report API. */
@Module({
  imports: [
    TypeOrmModule.forFeature([StatusReport, ReportToken, Touchpoint, Cadence, Person]),
    EngagementsModule,
    NotificationsModule,
  ],
  controllers: [ReportApiController, ReportFormController],
  providers: [
    ReportTokenService,
    ReportSubjectService,
    ReportSubmissionService,
    ReportQueryService,
    ReportLinkService,
    ReportRequestService,
    ReportRequestJob,
    ReportFormService,
    FormCsrfService,
    FormRateLimiter,
  ],
  exports: [ReportRequestService, ReportSubmissionService, ReportQueryService, ReportTokenService],
})
export class ReportsModule {}
