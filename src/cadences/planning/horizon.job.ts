import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { INSTANCE_ID } from '../../core/instance-id';
import { PeriodicJob } from '../../core/scheduler/periodic-job';
import { JOB_ORDER } from '../../core/scheduler/scheduled-job';
import { SchedulerService } from '../../core/scheduler/scheduler.service';
import { Engagement } from '../../engagements/engagement.entity';
import { PlannerService } from './planner.service';

/**
 * Rolls the horizon forward once a day (00:00 UTC): every engagement's
 * touchpoints are planned out to the horizon again, which also catches
 * anything a missed re-plan left behind.
 */
@Injectable()
export class HorizonJob extends PeriodicJob implements OnModuleInit {
  readonly name = 'planner.horizon';
  readonly order = JOB_ORDER.planning;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    @Inject(PlannerService) private readonly planner: PlannerService,
    private readonly scheduler: SchedulerService,
  ) {
    super(dataSource, INSTANCE_ID);
  }

  onModuleInit(): void {
    this.scheduler.register(this);
  }

  protected nextRunAfter(instant: DateTime): DateTime {
    return instant.toUTC().startOf('day').plus({ days: 1 });
  }

  protected async work(): Promise<number> {
    const ids = (
      await this.dataSource.getRepository(Engagement).find({ select: { id: true }, order: { id: 'ASC' } })
    ).map((e) => e.id);
    const summary = await this.planner.planEngagements(ids);
    return Math.max(1, summary.inserted + summary.updated);
  }
}
