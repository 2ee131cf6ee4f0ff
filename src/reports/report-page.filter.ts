import { randomUUID } from 'node:crypto';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '../core/config/app-config';
import { DomainError } from '../core/errors/domain-error';
import { RateLimited } from './form-rate-limiter';
import { basePathOf } from './report-form.service';
import { sendHtml } from './report-page.headers';
import { renderProblemPage } from './views/page-layout.view';

interface Problem {
  status: number;
  title: string;
  message: string;
  /** Offer to open the link again (only once the link is known to be good). */
  reopen?: boolean;
}

/**
 * Errors on the vendor form become pages, not JSON: a person reads them. A
 * bad link's page says only that the link does not work or has expired, never
 * which part was wrong nor whose report it was.
 */
@Catch()
export class ReportPageFilter implements ExceptionFilter {
  private readonly logger = new Logger('ReportForm');
  private readonly basePath: string;

  constructor(config: AppConfig) {
    this.basePath = basePathOf(config.server.publicUrl);
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    if (reply.sent) return;
    const problem = this.describe(exception, request);
    if (exception instanceof RateLimited)
      void reply.header('retry-after', String(exception.retryAfterSeconds));
    // The app sees paths without the public base path a proxy may have stripped; links need it back.
    const path = `${this.basePath}${(request.url.split('?')[0] ?? '').replace(/\/sent$/, '')}`;
    sendHtml(
      reply,
      problem.status,
      renderProblemPage({
        title: problem.title,
        message: problem.message,
        basePath: this.basePath,
        ...(problem.reopen && { action: { href: path, label: 'Open the report form again' } }),
      }),
    );
  }

  private describe(exception: unknown, request: FastifyRequest): Problem {
    const code = exception instanceof DomainError ? exception.code : '';
    switch (code) {
      case 'REPORT_LINK_NOT_FOUND':
        return {
          status: 404,
          title: 'This link does not work',
          message:
            'Check that the whole link was copied from the e-mail. If it still does not work, ask your contact at the client for a new link.',
        };
      case 'REPORT_LINK_EXPIRED':
        return {
          status: 410,
          title: 'This link has expired',
          message: 'Ask your contact at the client for a new link.',
        };
      case 'RATE_LIMITED':
        return {
          status: 429,
          title: 'Too many requests',
          message: 'Please wait a few minutes and try again.',
        };
      case 'FORM_EXPIRED':
        return {
          status: 403,
          title: 'Please open the form again',
          message:
            'The report was not sent: this page was out of date or was not opened from your link in this browser. Open the form again and send it from there.',
          reopen: true,
        };
      case 'UNSUPPORTED_MEDIA_TYPE':
        return {
          status: 415,
          title: 'Please use the form',
          message: 'Send the report from the form page.',
          reopen: true,
        };
      default:
        break;
    }
    const status =
      exception instanceof DomainError
        ? exception.status
        : exception instanceof HttpException
          ? exception.getStatus()
          : 500;
    if (status >= 400 && status < 500) {
      return {
        status,
        title: 'This request could not be served',
        message: 'Open the link from your e-mail again.',
      };
    }
    const errorId = randomUUID();
    this.logger.error({
      msg: 'unhandled error on the report form',
      errorId,
      reqId: request.id,
      method: request.method,
      err:
        exception instanceof Error
          ? { message: exception.message, stack: exception.stack }
          : String(exception),
    });
    return {
      status: 500,
      title: 'Something went wrong on our side',
      message: `Nothing you had already sent is lost. Please try again in a few minutes (error id ${errorId}).`,
    };
  }
}
