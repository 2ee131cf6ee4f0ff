import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

/** Stable codes for the requests Fastify refuses before any route (and so any Nest filter) sees them. */
const FRAMEWORK_CODES: Record<string, { code: string; message: string }> = {
  FST_ERR_BAD_URL: { code: 'BAD_URL', message: 'The URL is not validly encoded.' },
  FST_ERR_MAX_PARAM_LENGTH: { code: 'URI_TOO_LONG', message: 'A path segment of the URL is too long.' },
  FST_ERR_ASYNC_CONSTRAINT: { code: 'BAD_REQUEST', message: 'The request could not be routed.' },
};

/**
 * Fastify's `frameworkErrors`: a malformed percent-encoding (`/people/%`) or an
 * over-long path segment gets the API's error shape rather than Fastify's own
 * `{statusCode, code, error, message}`, and never echoes the URL back.
 */
export function replyToFrameworkError(
  error: FastifyError,
  _request: FastifyRequest,
  reply: FastifyReply,
): void {
  const known = FRAMEWORK_CODES[error.code] ?? {
    code: 'BAD_REQUEST',
    message: 'The request could not be read.',
  };
  const status = typeof error.statusCode === 'number' && error.statusCode >= 400 ? error.statusCode : 400;
  void reply
    .code(status)
    .header('content-type', 'application/json; charset=utf-8')
    .send({ error: { code: known.code, message: known.message } });
}

/**
 * Fastify's `clientErrorHandler`, for what Node's HTTP parser refuses before
 * Fastify has a request: headers or URL over the size limit (431), a request
 * that took too long (408), bytes that are not HTTP (400). Same error shape.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  // A reset connection has no one left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'HEADERS_TOO_LARGE', 'The request line or headers are too large.']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'REQUEST_TIMEOUT', 'The request took too long to arrive.']
        : [400, 'BAD_REQUEST', 'The request is not valid HTTP.'];
  const body = JSON.stringify({ error: { code, message } });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nConnection: close\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
