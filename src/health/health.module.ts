import { Module } from '@nestjs/common';
import { AppConfig } from '../core/config/app-config';
import { AskAnswersController } from './asks/ask-answers.controller';
import { AskAnswersService } from './asks/ask-answers.service';
import { HistoryBuilder } from './engagement-history.builder';
import { HealthEvaluator } from './health-evaluator';
import { HealthSettings } from './health-settings';
import { loadHealthSettings } from './health-settings.loader';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';
import { SnapshotStore } from './snapshots/snapshot.store';

/**
 * Engagement health, read side: `/health`, `/health/history`, answers to asks,
 * and HealthService for the digest and Slack. Depends on nothing but the core
 * and the database, so any feature can import it without a cycle; the weekly
 * snapshot job, which fires follow-ups, lives in HealthSnapshotsModule.
 */
@Module({
  controllers: [HealthController, AskAnswersController],
  providers: [
    {
      provide: HealthSettings,
      inject: [AppConfig],
      // A bad config/health.yaml stops start-up here, naming each setting.
      useFactory: (config: AppConfig) => loadHealthSettings(config.configDir),
    },
    HistoryBuilder,
    SnapshotStore,
    HealthEvaluator,
    HealthService,
    AskAnswersService,
  ],
  exports: [HealthService, HealthEvaluator, HistoryBuilder, SnapshotStore, HealthSettings],
})
export class HealthModule {}
