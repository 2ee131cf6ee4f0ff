import { Cadence } from '../cadences/cadence.entity';
import { Touchpoint } from '../cadences/touchpoint.entity';
import { HolidayAdjustmentRow } from '../calendars/holiday-adjustment.entity';
import { JobState } from '../core/scheduler/job-state.entity';
import { BlackoutDay } from '../engagements/blackout.entity';
import { Engagement } from '../engagements/engagement.entity';
import { OutboxMessage } from '../notifications/outbox/outbox-message.entity';
import { EngagementContact } from '../engagements/engagement-contact.entity';
import { DigestIssue } from '../digests/digest-issue.entity';
import { DigestSubscription } from '../digests/digest-subscription.entity';
import { Person } from '../people/person.entity';
import { ReportToken } from '../reports/report-token.entity';
import { StatusReport } from '../reports/status-report.entity';
import { TimeOff } from '../people/time-off.entity';
import { AskAnswer } from '../health/asks/ask-answer.entity';
import { HealthSchedule } from '../health/snapshots/health-schedule.entity';
import { HealthSnapshotRecord } from '../health/snapshots/health-snapshot.entity';
import { NudgeAcknowledgement } from '../slack/nudge-acknowledgement.entity';
import { SlackEvent } from '../slack/slack-event.entity';

/** Every entity the DataSource knows; listed rather than globbed so ts and js builds agree. */
export const ENTITIES = [
  Person,
  TimeOff,
  Engagement,
  EngagementContact,
  BlackoutDay,
  JobState,
  Cadence,
  Touchpoint,
  OutboxMessage,
  HolidayAdjustmentRow,
  StatusReport,
  ReportToken,
  HealthSnapshotRecord,
  HealthSchedule,
  AskAnswer,
  DigestSubscription,
  DigestIssue,
  SlackEvent,
  NudgeAcknowledgement,
];
