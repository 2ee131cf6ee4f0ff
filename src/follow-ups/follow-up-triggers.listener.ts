import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource, type EntityManager } from 'typeorm';
import { Touchpoint } from '../cadences/touchpoint.entity';
import { Clock } from '../core/clock/clock';
import { DomainEvents, type SubmittedReport } from '../core/events/domain-events';
import { OutboxService } from '../notifications/outbox/outbox.service';
import { AskFollowUpJob } from './ask-follow-up.job';
import { AWAITING_TRIGGERS } from './domain/playbook.types';
import { FollowUpsService } from './follow-ups.service';

/**
 * Reacts to what people do: when the awaited thing happens (the report
 * arrives, the meeting is marked held) the remaining follow-ups about it are
 * withdrawn; a report whose overall status is red starts `red_status`.
 */
@Injectable()
export class FollowUpTriggersListener implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
    private readonly outbox: OutboxService,
    private readonly followUps: FollowUpsService,
    private readonly clock: Clock,
    private readonly asks: AskFollowUpJob,
  ) {}

  onModuleInit(): void {
    // In the transaction that stores the report or marks the meeting held: once it commits,
    // no process may still send a nudge about it.
    this.events.onInTransaction('report.submitted', (e, manager) =>
      this.cancelWaiting(manager, e.touchpointId),
    );
    this.events.onInTransaction('touchpoint.held', (e, manager) => this.resolved(manager, e.touchpointId));
    this.events.on('report.submitted', (e) => this.reportSubmitted(e.touchpointId, e.engagementId, e.report));
  }

  private async resolved(manager: EntityManager, touchpointId: string): Promise<void> {
    await this.cancelWaiting(manager, touchpointId);
    // Nothing is awaited any more: no later check may call it late or missed.
    await manager.update(Touchpoint, { id: touchpointId }, { checkAt: null });
  }

  /** Only what waited for this touchpoint stops; a red report or an unanswered ask is another matter. */
  private async cancelWaiting(manager: EntityManager, touchpointId: string): Promise<void> {
    await this.outbox.cancelFollowUps(manager, { touchpointId, triggers: AWAITING_TRIGGERS });
  }

  private async reportSubmitted(
    touchpointId: string,
    engagementId: string,
    report: SubmittedReport,
  ): Promise<void> {
    await this.asks.schedule(report);
    if (report.status !== 'red') return;
    await this.dataSource.transaction((manager) =>
      this.followUps.fire(manager, {
        trigger: 'red_status',
        engagementId,
        touchpointId,
        firedAt: DateTime.max(this.clock.now(), DateTime.fromJSDate(report.updatedAt, { zone: 'utc' })),
      }),
    );
  }
}
