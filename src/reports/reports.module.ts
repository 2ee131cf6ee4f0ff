import { Module } from '@nestjs/common';
import { EngagementsModule } from '../engagements/engagements.module';
import { NotificationsModule } from '../notifications/notifications.module';
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
import { ReportTokenService } from './report-token.service';

/** Status reports: the requests with personal links, the vendor form, and the report API. */
@Module({
  // Repositories come from the DataSource (getRepository): none is injected, so none is registered here.
  imports: [EngagementsModule, NotificationsModule],
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
