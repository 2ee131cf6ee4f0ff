import type { CalendarData, HolidayOverlay } from './calendar-data.types';
import { CalendarDataError, ProblemLog, type SourceFile } from './calendar-data.problems';
import { parseHolidayTypes, parseSeasonalHours, parseWorkWeeks } from './calendar-tables.parser';
import { parseHolidayOverlayFile } from './holiday-overlay.parser';

/** The parsed YAML of every calendar data file, grouped by role. */
export interface CalendarDataSources {
  /** config/holidays/*.yaml */
  holidayOverlays: readonly SourceFile[];
  /** config/calendars/holiday-types.yaml */
  holidayTypes: SourceFile;
  /** config/calendars/work-weeks.yaml */
  workWeeks: SourceFile;
  /** config/calendars/seasonal-hours.yaml */
  seasonalHours: SourceFile;
}

/**
 * Validates all calendar data at once and merges holiday overlays per country.
 * Throws a CalendarDataError naming every file and entry at fault.
 */
export function parseCalendarData(sources: CalendarDataSources): CalendarData {
  const log = new ProblemLog();
  const holidayTypes = parseHolidayTypes(sources.holidayTypes, log);
  const workWeeks = parseWorkWeeks(sources.workWeeks, log);
  const seasonalHours = parseSeasonalHours(sources.seasonalHours, log);
  const overlays = new Map<string, HolidayOverlay>();
  for (const file of sources.holidayOverlays) {
    const overlay = parseHolidayOverlayFile(file, log);
    if (!overlay) continue;
    const earlier = overlays.get(overlay.country);
    overlays.set(
      overlay.country,
      earlier
        ? {
            country: overlay.country,
            holidays: [...earlier.holidays, ...overlay.holidays],
            removals: [...earlier.removals, ...overlay.removals],
          }
        : overlay,
    );
  }
  if (log.problems.length > 0 || !holidayTypes || !workWeeks || !seasonalHours) {
    throw new CalendarDataError(log.problems);
  }
  return { holidayTypes, overlays, workWeeks, seasonalHours };
}
