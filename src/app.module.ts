import { type DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from './core/config/app-config';
import { CadencesModule } from './cadences/cadences.module';
import { CalendarsModule } from './calendars/calendars.module';
import { CoreModule } from './core/core.module';
import { DatabaseModule } from './database/database.module';
import { DigestsModule } from './digests/digests.module';
import { MetricsModule } from './core/metrics/metrics.module';
import { EngagementsModule } from './engagements/engagements.module';
import { FollowUpsModule } from './follow-ups/follow-ups.module';
import { HealthModule } from './health/health.module';
import { HealthSnapshotsModule } from './health/snapshots/health-snapshots.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OperationsModule } from './operations/operations.module';
import { PeopleModule } from './people/people.module';
import { ReportsModule } from './reports/reports.module';
import { SlackModule } from './slack/slack.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config),
        MetricsModule,
        DatabaseModule.forRoot(config),
        PeopleModule,
        EngagementsModule,
        CalendarsModule,
        CadencesModule,
        NotificationsModule,
        OperationsModule,
        ReportsModule,
        FollowUpsModule,
        HealthModule,
        HealthSnapshotsModule,
        SlackModule,
        DigestsModule,
      ],
    };
  }
}
