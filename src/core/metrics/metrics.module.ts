import { Global, Module } from '@nestjs/common';
import { Registry } from 'prom-client';
import { DeliveryMetrics } from './delivery-metrics';
import { HttpMetrics } from './http-metrics';
import { JOB_RUN_OBSERVER } from './job-run.observer';
import { createMetricsRegistry } from './metrics-registry';
import { PlannerMetrics } from './planner-metrics';
import { SchedulerMetrics } from './scheduler-metrics';

/**
 * The registry and the metrics features record into. Global, so a feature
 * injects what it records (optionally: specs build services without it).
 */
@Global()
@Module({
  providers: [
    { provide: Registry, useFactory: createMetricsRegistry },
    HttpMetrics,
    SchedulerMetrics,
    { provide: JOB_RUN_OBSERVER, useExisting: SchedulerMetrics },
    DeliveryMetrics,
    PlannerMetrics,
  ],
  exports: [Registry, HttpMetrics, JOB_RUN_OBSERVER, DeliveryMetrics, PlannerMetrics],
})
export class MetricsModule {}
