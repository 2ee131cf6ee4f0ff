import { createHolidayCalendar } from './holiday-calendar';
import { holidayAdjustmentProblems } from './holiday-adjustments';

const holidays = createHolidayCalendar({
  data: { holidayTypes: { default: ['public'], countries: new Map() }, overlays: new Map() },
});
const eid = 'EG-2027-03-09-end-of-ramadan-eid-al-fitr';

describe('checking an operator’s holiday adjustment', () => {
  it('accepts a confirmation and a move by a day', () => {
    expect(holidayAdjustmentProblems(holidays, { holidayId: eid, action: 'confirm' })).toEqual({});
    expect(
      holidayAdjustmentProblems(holidays, { holidayId: eid, action: 'move', date: '2027-03-10' }),
    ).toEqual({});
  });

  it('names the field at fault', () => {
    expect(
      holidayAdjustmentProblems(holidays, { holidayId: 'EG-2027-03-08-eid', action: 'confirm' }),
    ).toEqual({
      holidayId: expect.stringMatching(/must be the id of a holiday/),
    });
    expect(holidayAdjustmentProblems(holidays, { holidayId: eid, action: 'move' })).toEqual({
      date: 'must be the new first day, YYYY-MM-DD',
    });
    expect(
      holidayAdjustmentProblems(holidays, { holidayId: eid, action: 'move', date: '2027-03-20' }),
    ).toEqual({
      date: 'must be within 3 days of 2027-03-09; record a blackout for other closures',
    });
    expect(
      holidayAdjustmentProblems(holidays, { holidayId: eid, action: 'confirm', date: '2027-03-10' }),
    ).toEqual({
      date: 'must be left out when confirming',
    });
  });
});
