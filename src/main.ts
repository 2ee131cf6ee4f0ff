import 'reflect-metadata';
import { createApp } from './app.factory';
import { ConfigError, loadConfig } from './core/config/config.loader';
import { API_TOKEN } from './core/auth/api-token.provider';
import type { ResolvedApiToken } from './core/auth/api-token';
import { closeOnSignals } from './operations/shutdown-signals';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig({ env: process.env });
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Cadence cannot start.\n${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }

  const app = await createApp(config);
  closeOnSignals(app, config.server.shutdownTimeoutSeconds);
  await app.listen({ port: config.server.port, host: config.server.host });
  const url = (await app.getUrl()).replace('127.0.0.1', 'localhost').replace('[::1]', 'localhost');
  const token = app.get<ResolvedApiToken>(API_TOKEN);

  const lines = [
    `Cadence is running at ${url}`,
    `  API docs:  ${url}/docs`,
    `  Health:    ${url}/health`,
    `  Database:  ${config.database.kind === 'sqlite' ? config.database.path : 'PostgreSQL'}`,
    token.source === 'env'
      ? '  API token: from CADENCE_API_TOKEN'
      : token.source === 'generated'
        ? `  API token: ${token.token}\n             (generated now and stored in ${token.file}; it is not printed again)`
        : `  API token: stored in ${token.file}`,
  ];
  process.stdout.write(`\n${lines.join('\n')}\n\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Cadence failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
