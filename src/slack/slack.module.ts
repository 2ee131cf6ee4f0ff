import { Module } from '@nestjs/common';
import { CadencesModule } from '../cadences/cadences.module';
import { CalendarsModule } from '../calendars/calendars.module';
import { HealthModule } from '../health/health.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { CadenceSlackDomain } from './cadence-slack-domain';
import { EngagementAccess } from './engagement-access.service';
import { EngagementHealthSource, HealthServiceSource } from './engagement-health.source';
import { EngagementStatusQuery } from './engagement-status.query';
import { EngagementSummaries } from './engagement-summaries.service';
import { NextWorkingMorning } from './next-working-morning.service';
import { NudgeAcknowledge } from './nudge-acknowledge.service';
import { NudgeClicks } from './nudge-clicks.service';
import { NudgeMarkHeld } from './nudge-mark-held.service';
import { NudgeSnooze } from './nudge-snooze.service';
import { OverdueTouchpointsQuery } from './overdue-touchpoints.query';
import { slackDedupeStoreProvider } from './slack-dedupe.provider';
import { SlackEventsMount } from './slack-events.mount';
import { SlackIdentity } from './slack-identity.service';
import { TouchpointLabeller } from './touchpoint-labels.service';

/**
 * Cadence in Slack: `POST /slack/events` (buttons on nudges, `/cadence`, the
 * App Home tab) wired to the real services. The Slack building blocks (Bolt,
 * Block Kit, the Web API client) live in notifications/slack; this module is
 * the Nest wiring and the domain behind them.
 */
@Module({
  imports: [NotificationsModule, CadencesModule, CalendarsModule, HealthModule],
  providers: [
    SlackEventsMount,
    CadenceSlackDomain,
    slackDedupeStoreProvider,
    SlackIdentity,
    EngagementAccess,
    TouchpointLabeller,
    NudgeClicks,
    NudgeMarkHeld,
    NudgeSnooze,
    NudgeAcknowledge,
    NextWorkingMorning,
    OverdueTouchpointsQuery,
    EngagementStatusQuery,
    EngagementSummaries,
    { provide: EngagementHealthSource, useClass: HealthServiceSource },
  ],
})
export class SlackModule {}
