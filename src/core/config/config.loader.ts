import { existsSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { isAbsolute, join, resolve } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { DateTime } from 'luxon';
import { parse as parseYaml } from 'yaml';
import { AppConfig, type DatabaseTarget } from './app-config';
import { RawConfig } from './config.schema';

/** Start-up stops with this error; its message names every bad setting. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Parse = 'string' | 'int';
interface EnvBinding {
  env: string;
  path: string;
  parse: Parse;
  secret?: boolean;
}

/** Environment variables that override a setting (the table in api.md, plus a few operational ones). */
export const ENV_BINDINGS: readonly EnvBinding[] = [
  { env: 'HOST', path: 'server.host', parse: 'string' },
  { env: 'PORT', path: 'server.port', parse: 'int' },
  { env: 'PUBLIC_URL', path: 'server.publicUrl', parse: 'string' },
  { env: 'CADENCE_DATA_DIR', path: 'dataDir', parse: 'string' },
  { env: 'DATABASE_URL', path: 'database.url', parse: 'string', secret: true },
  { env: 'CADENCE_CLOCK', path: 'clock.mode', parse: 'string' },
  { env: 'CADENCE_CLOCK_START', path: 'clock.start', parse: 'string' },
  { env: 'CADENCE_API_TOKEN', path: 'auth.apiToken', parse: 'string', secret: true },
  { env: 'SMTP_URL', path: 'mail.smtpUrl', parse: 'string', secret: true },
  { env: 'MAIL_FROM', path: 'mail.from', parse: 'string' },
  { env: 'SLACK_BOT_TOKEN', path: 'slack.botToken', parse: 'string', secret: true },
  { env: 'SLACK_SIGNING_SECRET', path: 'slack.signingSecret', parse: 'string', secret: true },
  { env: 'SLACK_API_URL', path: 'slack.apiUrl', parse: 'string' },
  { env: 'LOG_LEVEL', path: 'log.level', parse: 'string' },
  { env: 'SHUTDOWN_TIMEOUT_SECONDS', path: 'server.shutdownTimeoutSeconds', parse: 'int' },
  { env: 'TRUST_PROXY', path: 'server.trustProxy', parse: 'string' },
  { env: 'SCHEDULER_POLL_SECONDS', path: 'scheduler.pollSeconds', parse: 'int' },
  { env: 'OUTBOX_LEASE_SECONDS', path: 'outbox.leaseSeconds', parse: 'int' },
];

export interface LoadConfigOptions {
  /** The environment to read overrides from; pass `process.env` from main. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Where the YAML lives; default `CADENCE_CONFIG_DIR` or `./config`. */
  configDir?: string;
  /** Applied last, above the environment (tests and tools). */
  overrides?: DeepPartial<Record<string, unknown>>;
  /** Resolves relative paths; default the current working directory. */
  cwd?: string;
}

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };
type Tree = Record<string, unknown>;

/**
 * Reads `config/default.yaml`, then `config/<NODE_ENV>.yaml` when present, then
 * the environment, then `overrides`; validates the lot and resolves defaults.
 * Throws `ConfigError` listing every problem at once.
 */
export function loadConfig(options: LoadConfigOptions = {}): AppConfig {
  const env = options.env ?? {};
  const cwd = options.cwd ?? process.cwd();
  const configDir = resolve(cwd, options.configDir ?? nonEmpty(env.CADENCE_CONFIG_DIR) ?? 'config');
  const problems: string[] = [];

  const tree: Tree = {};
  const files = [join(configDir, 'default.yaml')];
  const nodeEnv = nonEmpty(env.NODE_ENV);
  if (nodeEnv && /^[a-z0-9-]+$/.test(nodeEnv)) files.push(join(configDir, `${nodeEnv}.yaml`));
  for (const [index, file] of files.entries()) {
    if (!existsSync(file)) {
      if (index === 0) problems.push(`${file}: not found (set CADENCE_CONFIG_DIR to the config folder)`);
      continue;
    }
    try {
      const parsed: unknown = parseYaml(readFileSync(file, 'utf8'));
      if (parsed !== null && parsed !== undefined) {
        if (!isTree(parsed)) problems.push(`${file}: must be a YAML mapping`);
        else deepMerge(tree, parsed);
      }
    } catch (error) {
      problems.push(`${file}: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const sourceOf = new Map<string, string>();
  for (const binding of ENV_BINDINGS) {
    const raw = env[binding.env];
    if (raw === undefined) continue;
    const value =
      raw.trim() === '' ? null : binding.parse === 'int' && /^\d+$/.test(raw.trim()) ? Number(raw) : raw;
    setPath(tree, binding.path, value);
    sourceOf.set(binding.path, binding.env);
  }
  if (options.overrides) deepMerge(tree, options.overrides);

  const raw = plainToInstance(RawConfig, tree);
  const errors = validateSync(raw, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    stopAtFirstError: true,
  });
  for (const line of flattenErrors(errors)) {
    const binding = ENV_BINDINGS.find((b) => b.path === line.path);
    const where = sourceOf.has(line.path) ? `${line.path} (env ${sourceOf.get(line.path)})` : line.path;
    const shown = binding?.secret || line.value === undefined ? '' : ` (got ${JSON.stringify(line.value)})`;
    problems.push(`${where}: ${line.message}${shown}`);
  }
  if (problems.length > 0) throw new ConfigError(problems);

  return resolveConfig(raw, { cwd, configDir, problems });
}

function resolveConfig(
  raw: RawConfig,
  ctx: { cwd: string; configDir: string; problems: string[] },
): AppConfig {
  const dataDir = resolve(ctx.cwd, raw.dataDir);
  const port = raw.server.port;

  let database: DatabaseTarget;
  const url = raw.database.url;
  if (url === null) database = { kind: 'sqlite', path: join(dataDir, 'cadence.sqlite') };
  else if (/^postgres(ql)?:\/\//.test(url)) database = { kind: 'postgres', url };
  else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    ctx.problems.push('database.url (env DATABASE_URL): must be a postgres:// URL or a SQLite file path');
    database = { kind: 'sqlite', path: '' };
  } else
    database = {
      kind: 'sqlite',
      path: url === ':memory:' ? url : isAbsolute(url) ? url : resolve(ctx.cwd, url),
    };

  const trustProxy = trustedProxies(raw.server.trustProxy);
  if (trustProxy === null) {
    ctx.problems.push(
      'server.trustProxy (env TRUST_PROXY): must be proxy addresses or CIDRs separated by commas ' +
        '(10.0.0.0/8,127.0.0.1), or loopback, linklocal, uniquelocal',
    );
  }

  const slack = raw.slack;
  if ((slack.botToken === null) !== (slack.signingSecret === null)) {
    ctx.problems.push(
      'slack.botToken (SLACK_BOT_TOKEN) and slack.signingSecret (SLACK_SIGNING_SECRET): set both or neither',
    );
  }
  if (ctx.problems.length > 0) throw new ConfigError(ctx.problems);

  return new AppConfig({
    server: {
      host: raw.server.host,
      port,
      publicUrl: (raw.server.publicUrl ?? `http://localhost:${port}`).replace(/\/+$/, ''),
      bodyLimitBytes: raw.server.bodyLimitBytes,
      shutdownTimeoutSeconds: raw.server.shutdownTimeoutSeconds,
      trustProxy: trustProxy ?? false,
    },
    dataDir,
    configDir: ctx.configDir,
    database,
    clock: {
      mode: raw.clock.mode,
      start: raw.clock.start === null ? null : DateTime.fromISO(raw.clock.start, { zone: 'utc' }),
    },
    auth: { apiToken: raw.auth.apiToken },
    mail: { smtpUrl: raw.mail.smtpUrl, from: raw.mail.from, outboxDir: join(dataDir, 'outbox') },
    slack:
      slack.botToken !== null && slack.signingSecret !== null
        ? { botToken: slack.botToken, signingSecret: slack.signingSecret, apiUrl: slack.apiUrl }
        : null,
    scheduler: { pollSeconds: raw.scheduler.pollSeconds },
    planner: { ...raw.planner },
    reports: { ...raw.reports, formRateLimit: { ...raw.reports.formRateLimit } },
    followUps: { ...raw.followUps },
    digests: { ...raw.digests },
    outbox: { ...raw.outbox },
    log: { level: raw.log.level },
  });
}

interface FlatError {
  path: string;
  message: string;
  value: unknown;
}

function flattenErrors(errors: ValidationError[], prefix = ''): FlatError[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {})
      .slice(0, 1)
      .map((message) => ({ path, ...describe(message, error) }));
    return [...own, ...flattenErrors(error.children ?? [], path)];
  });
}

/** class-validator prefixes its default messages with the property name; the path already says it. */
function describe(message: string, error: ValidationError): { message: string; value: unknown } {
  if (/^property \S+ should not exist$/.test(message))
    return { message: 'is not a known setting', value: undefined };
  if (error.value === undefined) return { message: 'is required', value: undefined };
  const text = message.startsWith(`${error.property} `) ? message.slice(error.property.length + 1) : message;
  return { message: text, value: error.value };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

function isTree(value: unknown): value is Tree {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function deepMerge(target: Tree, source: Tree): void {
  for (const [key, value] of Object.entries(source)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    const current = target[key];
    if (isTree(value) && isTree(current)) deepMerge(current, value);
    else target[key] = isTree(value) ? structuredClone(value) : value;
  }
}

function setPath(tree: Tree, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = tree;
  for (const key of keys.slice(0, -1)) {
    if (!isTree(node[key])) node[key] = {};
    node = node[key] as Tree;
  }
  node[keys[keys.length - 1]] = value;
}

/** proxy-addr's names for the private ranges (Fastify's `trustProxy` takes them as they are). */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * TRUST_PROXY as Fastify's `trustProxy` takes it; false when unset, null when it makes no sense.
 * No hop counts: a count believes whoever connects, so any client could name its own address
 * (Fastify 5 ignores one and believes nobody).
 */
function trustedProxies(value: string | null): string[] | false | null {
  if (value === null || value.trim() === '') return false;
  const entries = value.split(',').map((entry) => entry.trim());
  return entries.every((entry) => NAMED_RANGES.has(entry) || isAddressOrRange(entry)) ? entries : null;
}

function isAddressOrRange(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}
