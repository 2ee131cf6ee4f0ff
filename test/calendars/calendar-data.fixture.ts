import { join } from 'node:path';
import { loadCalendarData } from '../../src/calendars/calendar-data.loader';
import type { CalendarData } from '../../src/calendars/domain/calendar-data.types';

let data: CalendarData | undefined;

/** The repository's own config/holidays and config/calendars, loaded once per test file. */
export function repoCalendarData(): CalendarData {
  data ??= loadCalendarData(join(__dirname, '..', '..', 'config'), join(__dirname, '..', '..'));
  return data;
}
