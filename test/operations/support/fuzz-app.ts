import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_SIGNING_SECRET } from '../../support/slack-signing';
import { TestApp, type TestAppOptions } from '../../support/test-app';

/**
 * A test app whose per-instance form rate limits are out of the way, so a
 * few hundred hostile requests reach the vendor form's own checks instead of
 * its 429, and with Slack switched on. Everything else is the shipped configuration.
 */
export async function startFuzzApp(
  options: TestAppOptions = {},
): Promise<{ app: TestApp; cleanup: () => void }> {
  const configDir = mkdtempSync(join(tmpdir(), 'cadence-fuzz-config-'));
  cpSync(join(__dirname, '../../../config'), configDir, { recursive: true });
  writeFileSync(
    join(configDir, 'fuzz.yaml'),
    'reports:\n  formRateLimit:\n    windowSeconds: 600\n    perToken: 100000\n    perAddress: 1000000\n',
  );
  const app = await TestApp.start({
    ...options,
    env: {
      CADENCE_CONFIG_DIR: configDir,
      NODE_ENV: 'fuzz',
      // Slack on, so /slack/events is fuzzed with signed requests; its Web API is nowhere (calls fail).
      SLACK_BOT_TOKEN: 'xoxb-fuzz',
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_API_URL: 'http://127.0.0.1:9/api/',
      ...options.env,
    },
  });
  return { app, cleanup: () => rmSync(configDir, { recursive: true, force: true }) };
}
