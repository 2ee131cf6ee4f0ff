import { DateTime } from 'luxon';
import { createHolidayCalendar } from '../../calendars/domain/holiday-calendar';
import { createSeasonalHours } from '../../calendars/domain/seasonal-hours';
import { createWorkingCalendar } from '../../calendars/domain/working-calendar';
import { askUnansweredFiresAt } from './ask-unanswered';
import { validatePlaybook } from './playbook.validator';

const jim = createWorkingCalendar(
  {
    personId: 'jim',
    timeZone: 'America/New_York',
    country: 'US',
    region: null,
    workWeek: ['mon', 'tue', 'wed', 'thu', 'fri'],
    workingHours: { start: '09:00', end: '17:00' },
    side: 'client',
    timeOff: [{ start: '2027-03-22', end: '2027-03-22' }],
  },
  {
    holidays: createHolidayCalendar({
      data: { holidayTypes: { default: ['public'], countries: new Map() }, overlays: new Map() },
    }),
    seasonalHours: createSeasonalHours([]),
    blackouts: [],
  },
);

function playbook(value: unknown) {
  const result = validatePlaybook('test', value);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.playbook;
}

describe('askUnansweredFiresAt', () => {
  it('fires once the ask has waited its working days of the account manager, time off included', () => {
    const asks = playbook({
      askUnansweredAfter: '3 working days',
      steps: { ask_unanswered: [{ after: 0, to: 'account_manager', via: 'slack_dm' }] },
    });
    // Asked Thursday 18 March 2027 at 14:00 in New York: Fri, (weekend), Mon (time off counts), Tue.
    const fires = askUnansweredFiresAt(
      asks,
      DateTime.fromISO('2027-03-18T14:00', { zone: 'America/New_York' }),
      jim,
    );
    expect(fires?.setZone('America/New_York').toFormat('ccc yyyy-MM-dd HH:mm')).toBe('Tue 2027-03-23 14:00');
  });

  it('is null when the playbook has no ask_unanswered rule', () => {
    const none = playbook({ steps: { red_status: [{ after: 0, to: 'account_manager', via: 'slack_dm' }] } });
    expect(askUnansweredFiresAt(none, DateTime.fromISO('2027-03-18T14:00Z'), jim)).toBeNull();
  });
});
