import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ConfigError } from '../core/config/config.loader';
import { DEFAULT_HEALTH_SETTINGS, type HealthSettings, parseHealthSettings } from './health-settings';

// The only file of the health feature that touches the file system. Called once at start-up.

export const HEALTH_SETTINGS_FILE = 'health.yaml';

/**
 * Reads `<configDir>/health.yaml`. A folder without the file runs on the
 * defaults (the same numbers the shipped file holds); a file that is there but
 * wrong stops start-up with a ConfigError naming every bad setting.
 */
export function loadHealthSettings(configDir: string): HealthSettings {
  const file = join(configDir, HEALTH_SETTINGS_FILE);
  if (!existsSync(file)) return DEFAULT_HEALTH_SETTINGS;
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError([`${file}: ${describe(error).split('\n')[0]}`]);
  }
  const parsed = parseHealthSettings(raw);
  if (!parsed.ok) throw new ConfigError(parsed.problems.map((problem) => `${file}: ${problem}`));
  return parsed.settings;
}

function describe(error: unknown): string {
  // Not `instanceof Error`: errors may come from another realm (jest's sandbox).
  const message: unknown =
    typeof error === 'object' && error !== null ? Reflect.get(error, 'message') : undefined;
  return typeof message === 'string' ? message : String(error);
}
