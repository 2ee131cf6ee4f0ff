import { Injectable } from '@nestjs/common';
import { Counter, Registry } from 'prom-client';

/** Planner runs (the daily horizon and every re-plan after a change) and the touchpoints they wrote. */
@Injectable()
export class PlannerMetrics {
  private readonly runs: Counter;
  private readonly engagements: Counter;
  private readonly touchpoints: Counter<'change'>;

  constructor(registry: Registry) {
    this.runs = new Counter({
      name: 'cadence_planner_runs_total',
      help: 'Planner runs (horizon roll-forward and re-plans).',
      registers: [registry],
    });
    this.engagements = new Counter({
      name: 'cadence_planner_engagements_total',
      help: 'Engagements planned, summed over runs.',
      registers: [registry],
    });
    this.touchpoints = new Counter({
      name: 'cadence_planner_touchpoints_written_total',
      help:
        'Touchpoints the planner wrote, by change (inserted, updated). An insert another instance ' +
        'made first is ignored by the database but still counted here.',
      labelNames: ['change'],
      registers: [registry],
    });
  }

  planned(summary: { engagements: number; inserted: number; updated: number }): void {
    this.runs.inc();
    this.engagements.inc(summary.engagements);
    if (summary.inserted > 0) this.touchpoints.inc({ change: 'inserted' }, summary.inserted);
    if (summary.updated > 0) this.touchpoints.inc({ change: 'updated' }, summary.updated);
  }
}
