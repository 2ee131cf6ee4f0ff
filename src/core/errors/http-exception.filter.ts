import { randomUUID } from 'node:crypto';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { redactUrl } from '../logging/json-logger';
import { DomainError, type FieldErrors } from './domain-error';

export interface ErrorBody {
  error: { code: string; message: string; fields?: FieldErrors; errorId?: string };
}

const CODES_BY_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  410: 'GONE',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'TOO_MANY_REQUESTS',
};

/**
 * Maps every error to the shape in api.md. Known errors keep their status and
 * code; anything else becomes a 500 with an error id that is logged with the
 * stack, and no stack or internal message in the response.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const { status, body } = this.describe(exception, request);
    if (reply.sent) return;
    void reply.status(status).header('content-type', 'application/json; charset=utf-8').send(body);
  }

  describe(exception: unknown, request?: FastifyRequest): { status: number; body: ErrorBody } {
    if (exception instanceof DomainError) {
      const { code, message, fields } = exception;
      return { status: exception.status, body: { error: { code, message, ...(fields && { fields }) } } };
    }
    // Fastify rejects some requests before our code runs (malformed JSON, body too large,
    // wrong media type); Nest passes those on wrapped in an HttpException.
    const raw =
      exception instanceof HttpException && exception.cause !== undefined ? exception.cause : exception;
    const fastifyError = raw as { statusCode?: unknown; code?: unknown; message?: unknown; name?: unknown };
    const status =
      exception instanceof HttpException
        ? exception.getStatus()
        : typeof fastifyError.statusCode === 'number'
          ? fastifyError.statusCode
          : 500;
    if (status >= 400 && status < 500) {
      const code =
        fastifyCode(fastifyError.code) ??
        (fastifyError.name === 'SyntaxError' ? 'INVALID_JSON' : (CODES_BY_STATUS[status] ?? 'BAD_REQUEST'));
      return { status, body: { error: { code, message: clientMessage(status, exception) } } };
    }
    const errorId = randomUUID();
    this.logger.error({
      msg: 'unhandled error',
      errorId,
      reqId: request?.id,
      method: request?.method,
      url: redactUrl(request?.url),
      err:
        exception instanceof Error
          ? { message: exception.message, stack: exception.stack }
          : String(exception),
    });
    return {
      status: 500,
      body: {
        error: {
          code: 'INTERNAL',
          message: `Something went wrong on our side (error id ${errorId}).`,
          errorId,
        },
      },
    };
  }
}

function fastifyCode(code: unknown): string | undefined {
  switch (code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'INVALID_JSON';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'PAYLOAD_TOO_LARGE';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'UNSUPPORTED_MEDIA_TYPE';
    default:
      return undefined;
  }
}

/** A 4xx message safe to show: Nest's and Fastify's own are; anything long or odd is replaced. */
function clientMessage(status: number, exception: unknown): string {
  if (status === 413) return 'The request body is too large.';
  if (status === 415) return 'Unsupported content type; send JSON (Content-Type: application/json).';
  const response = exception instanceof HttpException ? exception.getResponse() : undefined;
  const message =
    typeof response === 'string'
      ? response
      : typeof (response as { message?: unknown } | undefined)?.message === 'string'
        ? (response as { message: string }).message
        : (exception as { message?: unknown }).message;
  return typeof message === 'string' && message.length < 300 ? message : 'The request could not be read.';
}
