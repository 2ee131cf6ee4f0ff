import type { DateTime } from 'luxon';
import type { WorkingCalendar } from '../../calendars/domain/calendar.types';
import type { Playbook } from './playbook.types';
import { withoutTimeOff } from './time-off-calendar';
import { addWorkingTime } from './working-time';

/**
 * When an ask of the client, made at `askedAt`, starts the playbook's ask_unanswered rule:
 * `askUnansweredAfter` of the account manager's working time later (their holidays and
 * weekends do not count; their time off does, because a backup answers for them then). Null when the playbook has no ask_unanswered rule.
 */
export function askUnansweredFiresAt(
  playbook: Playbook,
  askedAt: DateTime,
  accountManagerCalendar: WorkingCalendar,
): DateTime | null {
  if (!playbook.steps.ask_unanswered || !playbook.askUnansweredAfter) return null;
  return addWorkingTime(withoutTimeOff(accountManagerCalendar), askedAt, playbook.askUnansweredAfter);
}
