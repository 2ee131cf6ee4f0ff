import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource, LessThanOrEqual, MoreThan } from 'typeorm';
import { CalendarService } from '../calendars/calendar.service';
import { profileOf } from '../cadences/planning/cadence-plan';
import { PlanningContextLoader } from '../cadences/planning/planning-context.loader';
import { JOB_ORDER, type ScheduledJob } from '../core/scheduler/scheduled-job';
import type { SubmittedReport } from '../core/events/domain-events';
import { SchedulerService } from '../core/scheduler/scheduler.service';
import { AskAnswer } from '../health/asks/ask-answer.entity';
import { StatusReport } from '../reports/status-report.entity';
import { askUnansweredFiresAt } from './domain/ask-unanswered';
import { FollowUpsService } from './follow-ups.service';
import { PlaybookCatalogueService } from './playbook-catalogue.service';

/**
 * Starts `ask_unanswered` for a report whose asks of the client are still
 * unanswered when the playbook's `askUnansweredAfter` (in the account
 * manager's working time) has passed. The check time is set when the report
 * arrives; the check and the nudges it starts share one transaction and a
 * compare-and-set, so it fires once.
 */
@Injectable()
export class AskFollowUpJob implements ScheduledJob, OnModuleInit {
  readonly name = 'followups.asks';
  readonly order = JOB_ORDER.detection + 1;
  private readonly logger = new Logger('AskFollowUps');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly followUps: FollowUpsService,
    private readonly playbooks: PlaybookCatalogueService,
    private readonly calendars: CalendarService,
    private readonly loader: PlanningContextLoader,
    private readonly scheduler: SchedulerService,
  ) {}

  onModuleInit(): void {
    this.scheduler.register(this);
  }

  /** Sets (or clears) when a report's asks are checked: call when a report is stored. */
  async schedule(report: SubmittedReport): Promise<void> {
    let checkAt: Date | null = null;
    if (report.asks.length > 0) {
      const [context] = await this.loader.load([report.engagementId], null);
      const manager = context?.people.get(context.engagement.accountManagerId);
      if (context && manager) {
        const calendar = this.calendars.calendarFor(
          profileOf(manager, context),
          await this.calendars.holidays(),
          [],
        );
        checkAt =
          askUnansweredFiresAt(
            this.playbooks.effective(context.engagement),
            DateTime.fromJSDate(report.submittedAt, { zone: 'utc' }),
            calendar,
          )?.toJSDate() ?? null;
      }
    }
    // Most reports have no asks and no check set: nothing to write.
    if ((checkAt?.getTime() ?? null) === (report.askCheckAt?.getTime() ?? null)) return;
    await this.dataSource.getRepository(StatusReport).update({ id: report.id }, { askCheckAt: checkAt });
  }

  async nextDueAfter(instant: DateTime): Promise<DateTime | null> {
    const next = await this.dataSource.getRepository(StatusReport).findOne({
      where: { askCheckAt: MoreThan(instant.toJSDate()) },
      order: { askCheckAt: 'ASC' },
      select: { id: true, askCheckAt: true },
    });
    return next?.askCheckAt ? DateTime.fromJSDate(next.askCheckAt, { zone: 'utc' }) : null;
  }

  async run(now: DateTime): Promise<number> {
    const due = await this.dataSource.getRepository(StatusReport).find({
      where: { askCheckAt: LessThanOrEqual(now.toJSDate()) },
      order: { askCheckAt: 'ASC' },
      take: 200,
    });
    let fired = 0;
    for (const report of due) {
      try {
        if (await this.check(report)) fired += 1;
      } catch (error) {
        this.logger.error({
          msg: 'checking asks failed',
          reportId: report.id,
          err: (error as Error).message,
        });
      }
    }
    return fired;
  }

  private async check(report: StatusReport): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const claimed = await manager
        .createQueryBuilder()
        .update(StatusReport)
        .set({ askCheckAt: null })
        .where('id = :id AND ask_check_at = :seen', { id: report.id, seen: report.askCheckAt?.toISOString() })
        .execute();
      if (claimed.affected !== 1) return false;
      const answered = new Set(
        (await manager.findBy(AskAnswer, { touchpointId: report.touchpointId })).map((a) => a.askIndex),
      );
      const waiting = report.asks.findIndex((_, index) => !answered.has(index));
      if (waiting < 0) return true;
      await this.followUps.fire(manager, {
        trigger: 'ask_unanswered',
        engagementId: report.engagementId,
        touchpointId: report.touchpointId,
        firedAt: DateTime.fromJSDate(report.askCheckAt ?? report.submittedAt, { zone: 'utc' }),
        subject: {
          ask: {
            text: report.asks[waiting].text,
            askedAt: DateTime.fromJSDate(report.submittedAt, { zone: 'utc' }),
          },
        },
      });
      return true;
    });
  }
}
