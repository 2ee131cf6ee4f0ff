import { Body, Controller, Get, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../core/auth/public.decorator';
import { AppConfig } from '../core/config/app-config';
import { type FormPage, type FormVisitor, basePathOf, ReportFormService } from './report-form.service';
import { FORM_NONCE_COOKIE, nonceCookie, readCookie, sendHtml } from './report-page.headers';
import { ReportPageFilter } from './report-page.filter';
import { REPORT_CSS_PATH } from './views/page-layout.view';
import { REPORT_FORM_CSS } from './views/report-form.styles';

/** The vendor's status-report form: server-rendered pages behind a personal link, no account. */
@ApiExcludeController()
@Public()
@UseFilters(ReportPageFilter)
@Controller()
export class ReportFormController {
  private readonly basePath: string;
  private readonly secureCookie: boolean;

  constructor(
    private readonly form: ReportFormService,
    config: AppConfig,
  ) {
    this.basePath = basePathOf(config.server.publicUrl);
    this.secureCookie = config.server.publicUrl.startsWith('https://');
  }

  @Get('r/:token')
  async open(@Param('token') token: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    this.send(reply, await this.form.open(token, visitorOf(request)));
  }

  @Post('r/:token')
  async submit(
    @Param('token') token: string,
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const formEncoded = /^application\/x-www-form-urlencoded\b/i.test(request.headers['content-type'] ?? '');
    this.send(reply, await this.form.submit(token, body, formEncoded, visitorOf(request)));
  }

  @Get('r/:token/sent')
  async sent(@Param('token') token: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    this.send(reply, await this.form.sent(token, visitorOf(request)));
  }

  @Get(REPORT_CSS_PATH.slice(1))
  stylesheet(@Res() reply: FastifyReply): void {
    void reply
      .header('content-type', 'text/css; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .header('x-content-type-options', 'nosniff')
      .send(REPORT_FORM_CSS);
  }

  private send(reply: FastifyReply, page: FormPage): void {
    if (page.kind === 'redirect') {
      void reply
        .headers({ 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' })
        .redirect(page.location, 303);
      return;
    }
    if (page.nonce !== undefined) {
      void reply.header('set-cookie', nonceCookie(page.nonce, this.basePath, this.secureCookie));
    }
    sendHtml(reply, page.status, page.html);
  }
}

function visitorOf(request: FastifyRequest): FormVisitor {
  const site = request.headers['sec-fetch-site'];
  return {
    address: request.ip,
    nonce: readCookie(request.headers.cookie, FORM_NONCE_COOKIE),
    fetchSite: typeof site === 'string' ? site : null,
  };
}
