import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config.loader';

const configDir = join(__dirname, '../../../config');

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('resolves the shipped defaults into one typed object', () => {
    const config = loadConfig({ env: {}, configDir, cwd: '/srv/cadence' });
    expect(config.server).toEqual({
      host: '127.0.0.1',
      port: 3000,
      publicUrl: 'http://localhost:3000',
      bodyLimitBytes: 262144,
      shutdownTimeoutSeconds: 25,
      trustProxy: false,
    });
    expect(config.database).toEqual({ kind: 'sqlite', path: '/srv/cadence/data/cadence.sqlite' });
    expect(config.mail.outboxDir).toBe('/srv/cadence/data/outbox');
    expect(config.clock.mode).toBe('system');
    expect(config.slack).toBeNull();
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('lets the environment override the settings that name a variable', () => {
    const config = loadConfig({
      configDir,
      env: {
        PORT: '4100',
        DATABASE_URL: 'postgres://127.0.0.1:5432/test',
        CADENCE_CLOCK: 'manual',
        CADENCE_CLOCK_START: '2027-03-01T00:00:00Z',
        SMTP_URL: 'smtp://127.0.0.1:2525',
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_SIGNING_SECRET: 'a-signing-secret',
        PUBLIC_URL: 'https://cadence.example.com/',
      },
    });
    expect(config.server.port).toBe(4100);
    expect(config.server.publicUrl).toBe('https://cadence.example.com');
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://127.0.0.1:5432/test' });
    expect(config.clock.mode).toBe('manual');
    expect(config.clock.start?.toISO()).toBe('2027-03-01T00:00:00.000Z');
    expect(config.mail.smtpUrl).toBe('smtp://127.0.0.1:2525');
    expect(config.slack).toEqual({ botToken: 'xoxb-test', signingSecret: 'a-signing-secret', apiUrl: null });
  });

  it('takes the proxies to trust from TRUST_PROXY, and refuses what would trust anyone or nothing', () => {
    const trusted = (value: string) =>
      loadConfig({ configDir, env: { TRUST_PROXY: value } }).server.trustProxy;
    expect(trusted('10.0.0.0/8, 127.0.0.1,::1 , fd00::/8')).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
      '::1',
      'fd00::/8',
    ]);
    expect(trusted('loopback,uniquelocal')).toEqual(['loopback', 'uniquelocal']);
    for (const bad of [
      '2',
      'true',
      '*',
      '10.0.0.0/33',
      '10.0.0/8',
      'proxy.internal',
      '127.0.0.1,',
      '::1/129',
    ]) {
      expect(problemsOf(() => loadConfig({ configDir, env: { TRUST_PROXY: bad } }))).toEqual([
        expect.stringMatching(/^server\.trustProxy \(env TRUST_PROXY\): must be proxy addresses or CIDRs/),
      ]);
    }
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ configDir, env: { SMTP_URL: '' } }).mail.smtpUrl).toBeNull();
  });

  it('names every bad setting, and the variable it came from, in one error', () => {
    const problems = problemsOf(() =>
      loadConfig({
        configDir,
        env: { PORT: 'abc', CADENCE_CLOCK: 'sundial', SMTP_URL: 'http://mail', LOG_LEVEL: 'loud' },
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^server\.port \(env PORT\): must be an integer from 1 to 65535 \(got "abc"\)/),
        expect.stringMatching(/^clock\.mode \(env CADENCE_CLOCK\): must be "system" or "manual"/),
        expect.stringMatching(/^mail\.smtpUrl \(env SMTP_URL\): must be an smtp:\/\//),
        expect.stringMatching(/^log\.level \(env LOG_LEVEL\)/),
      ]),
    );
  });

  it('never prints a secret it rejects', () => {
    const problems = problemsOf(() => loadConfig({ configDir, env: { CADENCE_API_TOKEN: 'short' } }));
    expect(problems).toEqual([
      expect.stringMatching(/^auth\.apiToken \(env CADENCE_API_TOKEN\): must be at least 16/),
    ]);
    expect(problems.join()).not.toContain('short');
  });

  it('rejects a database URL of another kind', () => {
    expect(problemsOf(() => loadConfig({ configDir, env: { DATABASE_URL: 'mysql://db/cadence' } }))).toEqual([
      expect.stringContaining('must be a postgres:// URL or a SQLite file path'),
    ]);
  });

  it('wants Slack credentials in pairs', () => {
    expect(problemsOf(() => loadConfig({ configDir, env: { SLACK_BOT_TOKEN: 'xoxb-1' } }))).toEqual([
      expect.stringContaining('set both or neither'),
    ]);
  });

  it('rejects unknown keys and unreadable YAML, naming the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cadence-config-'));
    writeFileSync(join(dir, 'default.yaml'), 'server:\n  prot: 3000\n');
    expect(problemsOf(() => loadConfig({ configDir: dir, env: {} }))).toEqual(
      expect.arrayContaining(['server.prot: is not a known setting']),
    );
    writeFileSync(join(dir, 'default.yaml'), 'server: [unclosed\n');
    expect(problemsOf(() => loadConfig({ configDir: dir, env: {} }))[0]).toContain('default.yaml');
  });

  it('layers config/<NODE_ENV>.yaml over the defaults', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cadence-config-'));
    writeFileSync(join(dir, 'default.yaml'), readFileSync(join(configDir, 'default.yaml')));
    writeFileSync(join(dir, 'staging.yaml'), 'log:\n  level: warn\n');
    expect(loadConfig({ configDir: dir, env: { NODE_ENV: 'staging' } }).log.level).toBe('warn');
  });
});
