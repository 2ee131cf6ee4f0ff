import { Module } from '@nestjs/common';
import { CadencesModule } from '../cadences/cadences.module';
import { CalendarsModule } from '../calendars/calendars.module';
import { HealthModule } from '../health/health.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { DigestDeliveryService } from './delivery/digest-delivery.service';
import { DigestJob } from './delivery/digest.job';
import { DigestRescheduleListener } from './digest-reschedule.listener';
import { DigestScheduleService } from './digest-schedule.service';
import { ExecutiveLookupService } from './executive-lookup.service';
import { DigestModelService } from './model/digest-model.service';
import { PortfolioLoader } from './model/portfolio.loader';
import { DigestSettingsController } from './settings/digest-settings.controller';
import { DigestSettingsService } from './settings/digest-settings.service';
import { DigestUnsubscribePagesService } from './unsubscribe/digest-unsubscribe-pages.service';
import { DigestUnsubscribeService } from './unsubscribe/digest-unsubscribe.service';
import { UnsubscribeController } from './unsubscribe/unsubscribe.controller';
import { DigestArchiveService } from './web/digest-archive.service';
import { DigestWebController } from './web/digest-web.controller';
import { DigestWebLinkController } from './web/digest-web-link.controller';
import { DigestWebLinkService } from './web/digest-web-link.service';

/**
 * The weekly executive digest: its schedule per executive, the model built
 * from the portfolio, delivery through the outbox, the web version and
 * one-click unsubscribe.
 */
@Module({
  imports: [CadencesModule, CalendarsModule, HealthModule, NotificationsModule],
  controllers: [
    DigestSettingsController,
    DigestWebController,
    DigestWebLinkController,
    UnsubscribeController,
  ],
  providers: [
    ExecutiveLookupService,
    DigestScheduleService,
    DigestRescheduleListener,
    PortfolioLoader,
    DigestModelService,
    DigestUnsubscribeService,
    DigestUnsubscribePagesService,
    DigestDeliveryService,
    DigestJob,
    DigestSettingsService,
    DigestArchiveService,
    DigestWebLinkService,
  ],
})
export class DigestsModule {}
