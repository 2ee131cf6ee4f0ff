import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { DateTime } from 'luxon';
import { JOB_ORDER, type ScheduledJob } from '../../core/scheduler/scheduled-job';
import { SchedulerService } from '../../core/scheduler/scheduler.service';
import { InvitesService } from './invites.service';

/** Sweeps touchpoints that owe an invite; due as soon as the planner marks them. */
@Injectable()
export class InvitesJob implements ScheduledJob, OnModuleInit {
  readonly name = 'invites.issue';
  readonly order = JOB_ORDER.planning + 1;

  constructor(
    private readonly invites: InvitesService,
    private readonly scheduler: SchedulerService,
  ) {}

  onModuleInit(): void {
    this.scheduler.register(this);
  }

  /** Pending invites are due at once; they never wait for a later instant. */
  async nextDueAfter(_instant: DateTime): Promise<DateTime | null> {
    return null;
  }

  run(_now: DateTime): Promise<number> {
    return this.invites.issuePending();
  }
}
