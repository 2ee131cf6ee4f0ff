import { randomUUID } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Settings } from 'luxon';
import { AppModule } from './app.module';
import type { AppConfig } from './core/config/app-config';
import { HttpMetrics } from './core/metrics/http-metrics';
import { createRootLogger, JsonLogger, OneLinePerRequestLog } from './core/logging/json-logger';
import { answerClientError, replyToFrameworkError } from './operations/http-edge/edge-errors';
import { guardUntrustedInput } from './operations/http-edge/input-guard.hook';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Builds the whole application from a validated config: Fastify with JSON
 * logs and request ids, OpenAPI at /docs. The Slack route keeps the raw body
 * its signatures need in its own plugin (src/notifications/slack/slack-events.route.ts).
 * `main.ts` and every end-to-end test start Cadence through here.
 */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  Settings.throwOnInvalid = true;
  const root = createRootLogger(config.log.level);
  const adapter = new FastifyAdapter({
    loggerInstance: root,
    bodyLimit: config.server.bodyLimitBytes,
    trustProxy: config.server.trustProxy,
    // Honour a caller's request id when it is sane, so logs join up across services.
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    logController: new OneLinePerRequestLog({ requestIdLogLabel: 'reqId' }),
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    routerOptions: { maxParamLength: 256 },
    // Requests refused before routing (bad percent-encoding, huge headers) still get the error shape.
    frameworkErrors: replyToFrameworkError,
    clientErrorHandler: answerClientError,
  });
  // The API speaks JSON (and the vendor form urlencoded); plain text gets 415, not a parse attempt.
  adapter.getInstance().removeContentTypeParser('text/plain');
  guardUntrustedInput(adapter.getInstance());
  adapter.getInstance().addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });

  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: new JsonLogger(root),
    abortOnError: false,
  });
  // Signals are the process's business: main.ts closes the app on SIGTERM/SIGINT within a time limit.
  app.get(HttpMetrics).attach(adapter.getInstance());

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Cadence')
      .setDescription(
        'Keeps the weekly meetings and status reports between a client and its outsourced vendors inside ' +
          "everyone's working hours and off everyone's holidays, and flags communication gaps early.",
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}
