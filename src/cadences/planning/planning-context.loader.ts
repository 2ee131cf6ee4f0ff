import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { BlackoutDay } from '../../engagements/blackout.entity';
import { Engagement } from '../../engagements/engagement.entity';
import { EngagementContact } from '../../engagements/engagement-contact.entity';
import { Person } from '../../people/person.entity';
import { TimeOff } from '../../people/time-off.entity';
import { Cadence } from '../cadence.entity';
import { Touchpoint } from '../touchpoint.entity';
import type { PlanningContext, PlanningTouchpoint } from './planning-context';

/**
 * Loads planning contexts for a batch of engagements with one query per table,
 * so planning ten thousand engagements costs a few hundred queries, not a
 * hundred thousand.
 */
@Injectable()
export class PlanningContextLoader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Touchpoints are loaded from `touchpointsSince` on, and not at all when it is null. */
  async load(engagementIds: readonly string[], touchpointsSince: Date | null): Promise<PlanningContext[]> {
    if (engagementIds.length === 0) return [];
    const ids = [...engagementIds];
    const [engagements, contacts, cadences, blackouts] = await Promise.all([
      this.dataSource.getRepository(Engagement).findBy({ id: In(ids) }),
      this.dataSource
        .getRepository(EngagementContact)
        .find({ where: { engagementId: In(ids) }, order: { position: 'ASC' } }),
      this.dataSource
        .getRepository(Cadence)
        .find({ where: { engagementId: In(ids) }, order: { createdAt: 'ASC' } }),
      this.dataSource.getRepository(BlackoutDay).findBy({ engagementId: In(ids) }),
    ]);
    const cadenceIds = cadences.map((c) => c.id);
    const personIds = new Set<string>();
    for (const e of engagements) {
      personIds.add(e.accountManagerId);
      if (e.executiveId) personIds.add(e.executiveId);
    }
    for (const c of contacts) personIds.add(c.personId);
    for (const c of cadences) c.participantIds.forEach((id) => personIds.add(id));

    const [people, timeOff, touchpoints] = await Promise.all([
      this.dataSource.getRepository(Person).findBy({ id: In([...personIds]) }),
      this.dataSource.getRepository(TimeOff).findBy({ personId: In([...personIds]) }),
      cadenceIds.length === 0 || touchpointsSince === null
        ? Promise.resolve([])
        : this.touchpoints(cadenceIds, touchpointsSince),
    ]);

    // Backups named with time off receive follow-ups, so they are needed too.
    const backupIds = [...new Set(timeOff.map((t) => t.backupPersonId))].filter(
      (id): id is string => id !== null && !personIds.has(id),
    );
    if (backupIds.length > 0)
      people.push(...(await this.dataSource.getRepository(Person).findBy({ id: In(backupIds) })));
    const peopleById = new Map(people.map((p) => [p.id, p]));
    const timeOffByPerson = groupBy(timeOff, (t) => t.personId);
    const touchpointsByCadence = groupBy(touchpoints, (t) => t.cadenceId);
    const contactsByEngagement = groupBy(contacts, (c) => c.engagementId);
    const cadencesByEngagement = groupBy(cadences, (c) => c.engagementId);
    const blackoutsByEngagement = groupBy(blackouts, (b) => b.engagementId);

    return engagements.map((engagement) => {
      const own = contactsByEngagement.get(engagement.id) ?? [];
      return {
        engagement,
        vendorContactIds: own.filter((c) => c.kind === 'vendor_contact').map((c) => c.personId),
        clientContactIds: own.filter((c) => c.kind === 'client_contact').map((c) => c.personId),
        people: peopleById,
        timeOff: timeOffByPerson,
        blackouts: blackoutsByEngagement.get(engagement.id) ?? [],
        cadences: cadencesByEngagement.get(engagement.id) ?? [],
        touchpoints: touchpointsByCadence,
      };
    });
  }

  /**
   * The columns planning needs of every touchpoint of the cadences from `since` on, as plain
   * rows: a re-plan reads back every stored occurrence of the horizon (24 per engagement), and
   * hydrating full entities through TypeORM cost more than planning them.
   */
  private async touchpoints(cadenceIds: string[], since: Date): Promise<PlanningTouchpoint[]> {
    const columns: (keyof TouchpointRow)[] = [
      'id',
      'cadenceId',
      'periodKey',
      'kind',
      'status',
      'scheduledAt',
      'endsAt',
      'originalAt',
      'adjustmentType',
      'adjustmentReason',
      'outOfHours',
      'sequence',
      'pinned',
      'requestAt',
      'requestQueuedAt',
      'invitedSequence',
    ];
    let query = this.dataSource.getRepository(Touchpoint).createQueryBuilder('t').select([]);
    for (const column of columns) query = query.addSelect(`t.${column}`, column);
    const rows = await query
      .where('t.cadenceId IN (:...cadenceIds)', { cadenceIds })
      .andWhere('t.scheduledAt >= :since', { since: since.toISOString() })
      .getRawMany<TouchpointRow>();
    return rows.map(toPlanning);
  }
}

/** The touchpoint columns planning reads, as `SELECT` aliases. */
interface TouchpointRow {
  id: string;
  cadenceId: string;
  periodKey: string;
  kind: 'meeting' | 'status_report';
  status: string;
  scheduledAt: string;
  endsAt: string | null;
  originalAt: string;
  adjustmentType: string | null;
  adjustmentReason: string | null;
  outOfHours: string;
  sequence: number;
  pinned: boolean | number;
  requestAt: string | null;
  requestQueuedAt: string | null;
  invitedSequence: number | null;
}

/** Instants are stored as UTC ISO-8601 text (see database/columns.ts). */
function millis(iso: string): number {
  return Date.parse(iso);
}

function toPlanning(row: TouchpointRow): PlanningTouchpoint {
  return {
    id: row.id,
    cadenceId: row.cadenceId,
    periodKey: row.periodKey,
    kind: row.kind,
    status: row.status,
    scheduledAt: millis(row.scheduledAt),
    endsAt: row.endsAt === null ? null : millis(row.endsAt),
    originalAt: millis(row.originalAt),
    adjustmentType: row.adjustmentType,
    adjustmentReason: row.adjustmentReason,
    outOfHours: JSON.parse(row.outOfHours) as PlanningTouchpoint['outOfHours'],
    sequence: Number(row.sequence),
    // SQLite answers 0/1, PostgreSQL true/false.
    pinned: row.pinned === true || row.pinned === 1,
    requestAt: row.requestAt === null ? null : millis(row.requestAt),
    requestQueuedAt: row.requestQueuedAt === null ? null : millis(row.requestQueuedAt),
    invitedSequence: row.invitedSequence === null ? null : Number(row.invitedSequence),
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
