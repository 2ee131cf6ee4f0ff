import { Module } from '@nestjs/common';
import { CadencesModule } from '../cadences/cadences.module';
import { CalendarsModule } from '../calendars/calendars.module';
import { EngagementsModule } from '../engagements/engagements.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ReportsModule } from '../reports/reports.module';
import { AskFollowUpJob } from './ask-follow-up.job';
import { DeadLetterMailer } from './dead-letter.notifier';
import { DetectionJob } from './detection.job';
import { FollowUpTriggersListener } from './follow-up-triggers.listener';
import { FollowUpsService } from './follow-ups.service';
import { NudgeRenderer } from './nudge.renderer';
import { PlaybooksController } from './playbooks.controller';
import { PlaybooksModule } from './playbooks.module';
import { RecipientAvailabilityService } from './recipient-availability.service';

/** Missed-touchpoint detection, playbooks, and the nudges they send. */
@Module({
  imports: [
    PlaybooksModule,
    CadencesModule,
    CalendarsModule,
    EngagementsModule,
    NotificationsModule,
    ReportsModule,
  ],
  controllers: [PlaybooksController],
  providers: [
    FollowUpsService,
    NudgeRenderer,
    DetectionJob,
    AskFollowUpJob,
    FollowUpTriggersListener,
    RecipientAvailabilityService,
    DeadLetterMailer,
  ],
  exports: [FollowUpsService],
})
export class FollowUpsModule {}
