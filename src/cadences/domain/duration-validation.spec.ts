import {
  canDurationEverFit,
  checkMeetingDuration,
  maxMeetingMinutes,
  workingHoursMinutes,
} from './duration-validation';

const day = { start: '09:00', end: '17:00' };
const night = { start: '21:00', end: '06:00' };

describe('meeting duration validation', () => {
  it('measures working hours, night shifts included', () => {
    expect(workingHoursMinutes(day)).toBe(480);
    expect(workingHoursMinutes(night)).toBe(540);
    expect(maxMeetingMinutes([day, night])).toBe(480);
  });

  it('accepts a duration that fits the shortest working day', () => {
    expect(checkMeetingDuration(45, [day, night])).toEqual({ ok: true });
    expect(canDurationEverFit(480, [day, night])).toBe(true);
  });

  it('rejects zero, negative and fractional minutes', () => {
    for (const bad of [0, -30, 12.5, Number.NaN]) {
      expect(checkMeetingDuration(bad, [day])).toEqual({
        ok: false,
        message: 'must be a whole number of minutes greater than 0',
      });
      expect(canDurationEverFit(bad, [day])).toBe(false);
    }
  });

  it('rejects a meeting longer than anyone works in a day, saying the limit', () => {
    expect(checkMeetingDuration(481, [day, night])).toEqual({
      ok: false,
      message:
        'must be at most 480 minutes: no participant works longer than that in a day, so a longer meeting can never fit',
    });
  });
});
