import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DateTime } from 'luxon';
import { DataSource, In } from 'typeorm';
import { CalendarService } from '../../calendars/calendar.service';
import { SharedWorkingDays } from '../../calendars/domain/working-calendar';
import { Clock } from '../../core/clock/clock';
import { AppConfig } from '../../core/config/app-config';
import { PlannerMetrics } from '../../core/metrics/planner-metrics';
import { SchedulerService } from '../../core/scheduler/scheduler.service';
import { bulkInsert } from '../../database/bulk-insert';
import { Engagement } from '../../engagements/engagement.entity';
import type { Cadence } from '../cadence.entity';
import { WITHDRAWN_REASONS } from '../domain/adjustment-reasons';
import type { Graces } from '../domain/touchpoint-checks';
import { diffTouchpoints, type PlannedTouchpoint, type TouchpointUpdate } from '../domain/touchpoint-diff';
import { Touchpoint } from '../touchpoint.entity';
import { planCadence, type CadencePlan } from './cadence-plan';
import type { PlanningContext } from './planning-context';
import { sharedCalendars, type CalendarFactory } from './shared-calendars';
import { PlanningContextLoader } from './planning-context.loader';
import { applyTouchpointUpdate, newTouchpointRow } from './touchpoint-writes';

export interface PlanSummary {
  engagements: number;
  inserted: number;
  updated: number;
}

/** Ids per query when looking engagements up by id (well under SQLite's 32,766 variables). */
const ID_QUERY_CHUNK = 5_000;

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Rows written per transaction, at least (a whole batch at most beyond it). Every insert
 * touches pages all over the touchpoint table's indexes (random ids, times spread over the
 * horizon), and a commit writes each page it dirtied: with one transaction per batch of 200
 * engagements, ten thousand engagements rewrote most of every index fifty times over, and
 * the commits (with the WAL checkpoints they trigger) cost as much as the inserts. A few
 * larger transactions write each page a few times (25,000 rows: 1.4 s of commits for ten
 * thousand engagements, 50,000: 1.0 s); on SQLite one holds the write lock for about a second.
 */
const WRITE_ROWS = 50_000;

/** Touchpoints loaded for diffing and the burden ledger reach this far back. */
const HISTORY_WEEKS = 26;

/**
 * Materialises touchpoints over the rolling horizon and re-plans them when
 * anything they depend on changes. An occurrence keeps its row (and id) by
 * cadence and period; only future occurrences nobody acted on move.
 */
@Injectable()
export class PlannerService {
  private readonly logger = new Logger('Planner');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly loader: PlanningContextLoader,
    private readonly calendars: CalendarService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly scheduler: SchedulerService,
    @Optional() @Inject(PlannerMetrics) private readonly metrics: PlannerMetrics | null = null,
  ) {}

  /**
   * Plans the given engagements in batches, and writes their changes in transactions of
   * about {@link WRITE_ROWS} rows (a few batches each).
   */
  async planEngagements(engagementIds: readonly string[]): Promise<PlanSummary> {
    const summary: PlanSummary = { engagements: 0, inserted: 0, updated: 0 };
    const holidays = await this.calendars.holidays();
    const now = this.clock.now();
    const size = this.config.planner.batchSize;
    // Each engagement once: its changes may wait for a later batch's transaction, so a second
    // batch planning it again would not see them stored.
    const unique = [...new Set(engagementIds)];
    const ordered = unique.length > size ? await this.byAccountManager(unique) : unique;
    // People with the same zone, hours, holidays and days off share their computed days.
    const days = new SharedWorkingDays();
    let pending: CadenceChanges[] = [];
    let pendingRows = 0;
    const write = async (): Promise<void> => {
      const result = await this.persist(pending, now);
      summary.inserted += result.inserted;
      summary.updated += result.updated;
      pending = [];
      pendingRows = 0;
    };
    for (let i = 0; i < ordered.length; i += size) {
      let contexts: PlanningContext[];
      try {
        contexts = await this.loader.load(
          ordered.slice(i, i + size),
          now.minus({ weeks: HISTORY_WEEKS }).toJSDate(),
        );
      } catch (error) {
        // What earlier batches planned is still stored, as it was when each wrote its own.
        if (pending.length > 0) await write();
        throw error;
      }
      // One working calendar per person for the whole batch (see sharedCalendars).
      const calendarFor = sharedCalendars((profile, blackouts) =>
        this.calendars.calendarFor(profile, holidays, blackouts, days),
      );
      for (const context of contexts) {
        for (const change of this.plan(context, now, calendarFor)) {
          pending.push(change);
          pendingRows += change.inserts.length + change.updates.length;
        }
      }
      summary.engagements += contexts.length;
      if (pendingRows >= WRITE_ROWS) await write();
    }
    if (pending.length > 0) await write();
    this.metrics?.planned(summary);
    if (summary.inserted + summary.updated > 0) this.scheduler.kick();
    return summary;
  }

  /**
   * The engagements ordered so that each account manager's come together. Calendars are
   * shared within a batch, and an account manager sits in every meeting of twenty-odd
   * engagements: in one batch their days are computed once instead of once per engagement.
   * Ids the database does not know keep their place at the end (the loader skips them).
   */
  private async byAccountManager(engagementIds: readonly string[]): Promise<string[]> {
    const managerOf = new Map<string, string>();
    for (let i = 0; i < engagementIds.length; i += ID_QUERY_CHUNK) {
      const rows = await this.dataSource.getRepository(Engagement).find({
        select: { id: true, accountManagerId: true },
        where: { id: In(engagementIds.slice(i, i + ID_QUERY_CHUNK)) },
      });
      for (const row of rows) managerOf.set(row.id, row.accountManagerId);
    }
    const known = engagementIds.filter((id) => managerOf.has(id));
    const unknown = engagementIds.filter((id) => !managerOf.has(id));
    // A stable sort: within one account manager the caller's order stays.
    known.sort((a, b) => compareText(managerOf.get(a) ?? '', managerOf.get(b) ?? ''));
    return [...known, ...unknown];
  }

  async planEngagement(engagementId: string): Promise<PlanSummary> {
    return this.planEngagements([engagementId]);
  }

  private plan(context: PlanningContext, now: DateTime, calendarFor: CalendarFactory): CadenceChanges[] {
    const changes: CadenceChanges[] = [];
    for (const cadence of context.cadences) {
      try {
        const plan = this.planOne(context, cadence, now, calendarFor);
        if (plan === null) continue;
        const stored = context.touchpoints.get(cadence.id) ?? [];
        const diff = diffTouchpoints(plan.planned, stored, {
          nowMs: now.toMillis(),
          fromMs: plan.fromMs,
          toMs: plan.toMs,
          withdrawnStatus: cadence.kind === 'meeting' ? 'cancelled' : 'skipped',
          withdrawnReason: cadence.active ? WITHDRAWN_REASONS.changed : WITHDRAWN_REASONS.stopped,
        });
        if (cadence.kind === 'status_report' && stored.length === 0)
          askForFirstReportNow(diff.inserts, now.toMillis());
        // Most re-plans change nothing: only updates need to know whom an occurrence was sent to.
        const invited =
          diff.updates.length === 0 ? NO_INVITES : new Map(stored.map((t) => [t.id, t.invitedSequence]));
        changes.push({ cadence, inserts: diff.inserts, updates: diff.updates, invited });
      } catch (error) {
        // One broken cadence must not stop the others (nor the whole horizon run).
        this.logger.error({
          msg: 'planning a cadence failed',
          cadenceId: cadence.id,
          err: (error as Error).message,
        });
      }
    }
    return changes;
  }

  private planOne(
    context: PlanningContext,
    cadence: Cadence,
    now: DateTime,
    calendarFor: CalendarFactory,
  ): CadencePlan | null {
    return planCadence(context, cadence, {
      now,
      horizonWeeks: this.config.planner.horizonWeeks,
      requestLeadWorkingDays: this.config.reports.requestLeadWorkingDays,
      calendarFor: (profile) => calendarFor(profile, context.blackouts),
    });
  }

  /** When planned touchpoints are first checked for being late or missed. */
  private graces(): Graces {
    return {
      reportLateMs: this.config.reports.lateGraceMinutes * 60_000,
      meetingMissedMs: this.config.followUps.meetingGraceMinutes * 60_000,
    };
  }

  private async persist(
    changes: CadenceChanges[],
    now: DateTime,
  ): Promise<{ inserted: number; updated: number }> {
    const rows: Touchpoint[] = [];
    const at = now.toJSDate();
    const graces = this.graces();
    let updated = 0;
    for (const { cadence, inserts, updates } of changes) {
      for (const plan of inserts) rows.push(newTouchpointRow(cadence, plan, at, graces));
      updated += updates.length;
    }
    if (rows.length === 0 && updated === 0) return { inserted: 0, updated: 0 };
    await this.dataSource.transaction(async (manager) => {
      // Another instance planning the same engagement at once inserts the same rows: keep theirs.
      await bulkInsert(manager, Touchpoint, rows);
      for (const { cadence, updates, invited } of changes) {
        for (const update of updates) {
          const meeting = cadence.kind === 'meeting';
          await applyTouchpointUpdate(manager, update, meeting, invited.get(update.id) ?? null, at, graces);
        }
      }
    });
    return { inserted: rows.length, updated };
  }
}

const NO_INVITES: ReadonlyMap<string, number | null> = new Map();

interface CadenceChanges {
  cadence: Cadence;
  inserts: PlannedTouchpoint[];
  updates: TouchpointUpdate[];
  invited: ReadonlyMap<string, number | null>;
}

/**
 * A new report cadence asks the vendor for its first report at once: their link
 * arrives the day the cadence starts, not a working day before the first due
 * time. Later reports are asked for the usual lead time ahead.
 */
function askForFirstReportNow(inserts: PlannedTouchpoint[], nowMs: number): void {
  const first = inserts.find((plan) => plan.status === 'pending' && plan.requestAt !== null);
  if (first) first.requestAt = nowMs;
}
