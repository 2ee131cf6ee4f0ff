import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { SlackHttpHandler } from './slack-http.types';

export interface SlackRouteOptions {
  /** Default `/slack/events` (docs/api.md). */
  path?: string;
  /** Slack's payloads are small; anything bigger is not from Slack. Default 1 MiB. */
  bodyLimit?: number;
}

/**
 * A Fastify plugin serving `POST /slack/events` with `handler`.
 *
 * The signature covers the exact bytes Slack sent, so the route must see the
 * raw body. Inside its own encapsulated context the plugin drops every
 * inherited body parser (Nest's JSON and form parsers, with or without
 * `rawBody: true`) and keeps bodies as Buffers, so nothing re-serializes the
 * body before it is verified, and no other route is affected.
 */
export function slackEventsPlugin(
  handler: SlackHttpHandler,
  options: SlackRouteOptions = {},
): FastifyPluginAsync {
  const path = options.path ?? '/slack/events';
  const bodyLimit = options.bodyLimit ?? 1024 * 1024;
  return async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit }, (_request, body, done) => {
      done(null, body);
    });
    scope.post(path, { bodyLimit }, async (request, reply) => {
      const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const response = await handler.handle({ rawBody, headers: request.headers });
      return reply.code(response.status).headers(response.headers).send(response.body);
    });
  };
}

/**
 * Mounts the Slack endpoint on a Fastify instance. Call it before the server
 * starts. Inside Nest, call it from `onApplicationBootstrap` (src/slack does):
 * awaiting the registration builds every route registered so far, and Nest
 * sets its error handler after module init, so a route mounted earlier (or
 * before `app.init()`) leaves the API's routes with Fastify's default errors.
 */
export async function registerSlackRoute(
  fastify: FastifyInstance,
  handler: SlackHttpHandler,
  options: SlackRouteOptions = {},
): Promise<void> {
  await fastify.register(slackEventsPlugin(handler, options));
}
