import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { DatabaseProbe } from './database-probe';
import { DrainState } from './drain-state';
import { GracefulShutdown } from './graceful-shutdown';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';
import { MetricsController } from './metrics.controller';
import { OutboxDepthCollector } from './outbox-depth.collector';

/** Health (liveness, readiness), metrics and graceful shutdown. */
@Module({
  imports: [NotificationsModule],
  controllers: [HealthController, MetricsController],
  providers: [DrainState, DatabaseProbe, HealthService, OutboxDepthCollector, GracefulShutdown],
})
export class OperationsModule {}
