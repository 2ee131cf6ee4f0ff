import type { HolidayCalendar } from './holiday-calendar';
import type { Holiday, HolidayAdjustment } from './holiday.types';
import { addDays, daysBetween, isLocalDate } from './local-date';

/**
 * Applies operators' corrections to computed holidays. `confirm` clears the tentative
 * flag; `move` puts the first day on the given date and keeps the span's length (the
 * latest move wins). A moved holiday stays tentative until it is also confirmed, so an
 * operator who nudges Eid by a day on a guess is not taken for an announcement.
 * Adjustments for ids that are not in `holidays` are ignored here.
 */
export function applyHolidayAdjustments(
  holidays: readonly Holiday[],
  adjustments: ReadonlyMap<string, readonly HolidayAdjustment[]>,
): Holiday[] {
  return holidays.map((holiday) => {
    const own = adjustments.get(holiday.id);
    if (!own) return holiday;
    let adjusted = holiday;
    for (const adjustment of own) {
      if (adjustment.action === 'confirm') {
        adjusted = { ...adjusted, confirmed: true, tentative: false };
      } else if (adjustment.date !== undefined) {
        const length = daysBetween(holiday.start, holiday.end);
        adjusted = {
          ...adjusted,
          start: adjustment.date,
          end: addDays(adjustment.date, length),
          movedFrom: adjustment.date === holiday.computedStart ? null : holiday.computedStart,
        };
      }
    }
    return adjusted;
  });
}

/** Groups adjustments by holiday id, keeping their order. */
export function indexAdjustments(
  adjustments: readonly HolidayAdjustment[],
): ReadonlyMap<string, readonly HolidayAdjustment[]> {
  const byId = new Map<string, HolidayAdjustment[]>();
  for (const adjustment of adjustments) {
    const list = byId.get(adjustment.holidayId) ?? [];
    list.push(adjustment);
    byId.set(adjustment.holidayId, list);
  }
  return byId;
}

/**
 * How far an operator may move a computed holiday. Announced Islamic dates differ from
 * computed ones by a day or two; a bigger change is a different closure and belongs in
 * a blackout.
 */
export const MAX_HOLIDAY_MOVE_DAYS = 3;

/** Per-field problems of an adjustment, in the API's wording; empty when it can be applied. */
export type HolidayAdjustmentProblems = Partial<Record<'holidayId' | 'action' | 'date', string>>;

/**
 * Checks an operator's adjustment before it is stored: the id must name a computed
 * holiday, `move` needs a date at most MAX_HOLIDAY_MOVE_DAYS from the computed one, and
 * `confirm` takes no date.
 */
export function holidayAdjustmentProblems(
  holidays: Pick<HolidayCalendar, 'byId'>,
  adjustment: HolidayAdjustment,
): HolidayAdjustmentProblems {
  const problems: HolidayAdjustmentProblems = {};
  const holiday = holidays.byId(adjustment.holidayId);
  if (!holiday) problems.holidayId = 'must be the id of a holiday, such as EG-2027-05-15-eid-al-adha';
  if (adjustment.action !== 'confirm' && adjustment.action !== 'move') {
    problems.action = 'must be confirm or move';
  } else if (adjustment.action === 'confirm' && adjustment.date !== undefined) {
    problems.date = 'must be left out when confirming';
  } else if (adjustment.action === 'move') {
    if (!isLocalDate(adjustment.date)) problems.date = 'must be the new first day, YYYY-MM-DD';
    else if (
      holiday &&
      Math.abs(daysBetween(holiday.computedStart, adjustment.date)) > MAX_HOLIDAY_MOVE_DAYS
    ) {
      problems.date = `must be within ${MAX_HOLIDAY_MOVE_DAYS} days of ${holiday.computedStart}; record a blackout for other closures`;
    }
  }
  return problems;
}
