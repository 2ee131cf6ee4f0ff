import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  ReportLinkRequestDto,
  ReportLinkView,
  ReportView,
  reportInputFromJson,
  SubmitReportDto,
} from './dto/report.dto';
import { JsonBodyGuard } from './json-body.guard';
import { ReportLinkService } from './report-link.service';
import { ReportQueryService, toReportView } from './report-query.service';
import { ReportSubmissionService } from './report-submission.service';

@ApiTags('reports')
@ApiBearerAuth()
@UseGuards(JsonBodyGuard)
@Controller('api/v1/touchpoints')
export class ReportApiController {
  constructor(
    private readonly submissions: ReportSubmissionService,
    private readonly queries: ReportQueryService,
    private readonly links: ReportLinkService,
  ) {}

  @Post(':id/report')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Send or change the status report of a report touchpoint (the same rules as the vendor form)',
    description:
      'Accepted after the due time and marked late; can be changed until the next report of the cadence is due. ' +
      '400 names each bad field; 404 for an unknown touchpoint; 409 when it is not a status report, was ' +
      'withdrawn, or can no longer be changed.',
  })
  @ApiResponse({ status: 200, type: ReportView, description: 'The stored report.' })
  async submit(@Param('id') id: string, @Body() body: SubmitReportDto): Promise<ReportView> {
    const { report, subject } = await this.submissions.submit(id, reportInputFromJson(body), null);
    return toReportView(report, subject);
  }

  @Get(':id/report')
  @ApiOperation({ summary: 'The stored status report of a report touchpoint (404 until one is sent)' })
  @ApiResponse({ status: 200, type: ReportView })
  get(@Param('id') id: string): Promise<ReportView> {
    return this.queries.get(id);
  }

  @Post(':id/report-link')
  @ApiOperation({
    summary: 'Issue a fresh personal form link for a vendor contact who lost theirs',
    description:
      'The link works until the configured number of days after the due time. Older links keep working. ' +
      '409 when the touchpoint is not a status report, was withdrawn, or can no longer be changed.',
  })
  @ApiResponse({ status: 201, type: ReportLinkView })
  link(@Param('id') id: string, @Body() body: ReportLinkRequestDto): Promise<ReportLinkView> {
    return this.links.issue(id, body.personId);
  }
}
