import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parseCalendarData } from './domain/calendar-data.parser';
import { CalendarDataError, type SourceFile } from './domain/calendar-data.problems';
import type { CalendarData } from './domain/calendar-data.types';

// The only file of the calendars feature that touches the file system. Call it once at
// start-up; everything after that works on the returned data.

const CALENDAR_FILES = ['holiday-types.yaml', 'work-weeks.yaml', 'seasonal-hours.yaml'] as const;
type CalendarFile = (typeof CALENDAR_FILES)[number];

function isYaml(name: string): boolean {
  return name.endsWith('.yaml') || name.endsWith('.yml');
}

/**
 * Reads and validates config/holidays/*.yaml and config/calendars/*.yaml under
 * `configDir`. Throws a CalendarDataError whose message names each file and entry at
 * fault (including YAML syntax errors and unexpected or missing files); paths in
 * messages are relative to `cwd`.
 */
export function loadCalendarData(configDir: string, cwd: string = process.cwd()): CalendarData {
  const problems: string[] = [];
  const display = (path: string): string => relative(cwd, path) || path;

  function read(path: string): SourceFile | undefined {
    try {
      return { path: display(path), content: parseYaml(readFileSync(path, 'utf8')) as unknown };
    } catch (error) {
      problems.push(`${display(path)}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  function yamlFiles(dir: string): string[] {
    try {
      return readdirSync(dir).filter(isYaml).sort();
    } catch (error) {
      problems.push(`${display(dir)}: ${error instanceof Error ? error.message : String(error)}`);
      return [];
    }
  }

  const holidaysDir = join(configDir, 'holidays');
  const calendarsDir = join(configDir, 'calendars');
  const holidayOverlays = yamlFiles(holidaysDir)
    .map((name) => read(join(holidaysDir, name)))
    .filter((file): file is SourceFile => file !== undefined);
  const present = yamlFiles(calendarsDir);
  for (const name of present) {
    if (!(CALENDAR_FILES as readonly string[]).includes(name)) {
      problems.push(
        `${display(join(calendarsDir, name))}: unexpected file (expected ${CALENDAR_FILES.join(', ')})`,
      );
    }
  }
  const tables = new Map<CalendarFile, SourceFile>();
  for (const name of CALENDAR_FILES) {
    const path = join(calendarsDir, name);
    if (!present.includes(name)) {
      problems.push(`${display(path)}: missing`);
      continue;
    }
    const file = read(path);
    if (file) tables.set(name, file);
  }
  const holidayTypes = tables.get('holiday-types.yaml');
  const workWeeks = tables.get('work-weeks.yaml');
  const seasonalHours = tables.get('seasonal-hours.yaml');
  if (problems.length > 0 || !holidayTypes || !workWeeks || !seasonalHours)
    throw new CalendarDataError(problems);
  return parseCalendarData({ holidayOverlays, holidayTypes, workWeeks, seasonalHours });
}
