import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { Between, DataSource, type FindOptionsSelect, type FindOptionsWhere, In } from 'typeorm';
import { CalendarService } from '../calendars/calendar.service';
import { Clock } from '../core/clock/clock';
import { AppConfig } from '../core/config/app-config';
import { Conflict, NotFound, ValidationFailed } from '../core/errors/domain-error';
import { DomainEvents } from '../core/events/domain-events';
import { utcIso, zonedIso } from './domain/instant-format';
import { parseInstant } from '../core/validation/decorators';
import { Engagement } from '../engagements/engagement.entity';
import { EngagementContact } from '../engagements/engagement-contact.entity';
import { Person } from '../people/person.entity';
import { Cadence } from './cadence.entity';
import type {
  HeldDto,
  RescheduleDto,
  RescheduleResultView,
  TouchpointsQuery,
  TouchpointView,
} from './dto/touchpoint.dto';
import { InvitesService } from './invites/invites.service';
import { profileOf } from './planning/cadence-plan';
import type { PlanningContext } from './planning/planning-context';
import { PlanningContextLoader } from './planning/planning-context.loader';
import { Touchpoint } from './touchpoint.entity';

/** Reading touchpoints and acting on meetings: held, rescheduled by hand. */
@Injectable()
export class TouchpointsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly loader: PlanningContextLoader,
    private readonly calendars: CalendarService,
    private readonly invites: InvitesService,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async list(engagementId: string, query: TouchpointsQuery): Promise<TouchpointView[]> {
    // Loaded first: it answers 404 for an unknown engagement, as a separate lookup did before.
    const context = await this.viewContext(engagementId);
    const today = this.clock.now().startOf('day');
    const from = query.from ? DateTime.fromISO(query.from, { zone: 'utc' }) : today.minus({ weeks: 1 });
    const to = query.to
      ? DateTime.fromISO(query.to, { zone: 'utc' }).endOf('day')
      : today.plus({ weeks: this.config.planner.horizonWeeks + 1 }).endOf('day');
    if (to < from) throw new ValidationFailed({ to: 'must be on or after from' });
    if (to.diff(from, 'days').days > 800)
      throw new ValidationFailed({ to: 'must be within about two years of from' });
    const where: FindOptionsWhere<Touchpoint> = {
      engagementId,
      scheduledAt: Between(from.toJSDate(), to.toJSDate()),
      ...(query.kind && { kind: query.kind }),
      ...(query.status && { status: query.status }),
    };
    const touchpoints = await this.dataSource
      .getRepository(Touchpoint)
      .find({ select: VIEW_COLUMNS, where, order: { scheduledAt: 'ASC' } });
    return touchpoints.map((t) => this.toView(t, context));
  }

  async get(id: string): Promise<TouchpointView> {
    const touchpoint = await this.find(id);
    return this.toView(touchpoint, await this.viewContext(touchpoint.engagementId));
  }

  async find(id: string): Promise<Touchpoint> {
    const touchpoint = await this.dataSource.getRepository(Touchpoint).findOneBy({ id });
    if (touchpoint === null) throw new NotFound('touchpoint', id);
    return touchpoint;
  }

  /** A meeting took place. Idempotent; a meeting marked missed can still be marked held. */
  async markHeld(id: string, dto: HeldDto): Promise<TouchpointView> {
    const touchpoint = await this.find(id);
    if (touchpoint.kind !== 'meeting')
      throw new Conflict('NOT_A_MEETING', 'Only a meeting can be marked held.');
    if (touchpoint.status === 'held') return this.get(id);
    if (touchpoint.status !== 'scheduled' && touchpoint.status !== 'missed') {
      throw new Conflict('TOUCHPOINT_NOT_HELD', `A ${touchpoint.status} meeting cannot be marked held.`);
    }
    const now = this.clock.now();
    if (touchpoint.scheduledAt.getTime() > now.toMillis()) {
      throw new Conflict('MEETING_NOT_STARTED', 'The meeting has not started yet.');
    }
    const held = {
      type: 'touchpoint.held',
      touchpointId: id,
      engagementId: touchpoint.engagementId,
    } as const;
    await this.dataSource.transaction(async (manager) => {
      await manager.update(
        Touchpoint,
        { id },
        { status: 'held', heldAt: now.toJSDate(), heldNotes: dto.notes ?? null, updatedAt: now.toJSDate() },
      );
      await this.events.publishInTransaction(manager, held);
    });
    await this.events.publish(held);
    return this.get(id);
  }

  /**
   * Moves a meeting by hand. The planner leaves it there from now on; the
   * invite goes out again with a higher SEQUENCE. The answer warns when the new
   * time leaves someone's working hours or falls on their day off.
   */
  async reschedule(id: string, dto: RescheduleDto): Promise<RescheduleResultView> {
    const touchpoint = await this.find(id);
    if (touchpoint.kind !== 'meeting')
      throw new Conflict('NOT_A_MEETING', 'Only a meeting can be rescheduled.');
    if (touchpoint.status !== 'scheduled' && touchpoint.status !== 'skipped') {
      throw new Conflict('TOUCHPOINT_CLOSED', `A ${touchpoint.status} meeting cannot be rescheduled.`);
    }
    const start = parseInstant(dto.scheduledAt);
    if (start === null) throw new ValidationFailed({ scheduledAt: 'must be an ISO-8601 instant' });
    const now = this.clock.now();
    if (start <= now) throw new ValidationFailed({ scheduledAt: 'must be in the future' });
    const cadence = await this.dataSource
      .getRepository(Cadence)
      .findOneByOrFail({ id: touchpoint.cadenceId });
    const end = start.plus({ minutes: cadence.durationMinutes ?? 30 });
    const context = await this.context(touchpoint.engagementId);
    const warnings = await this.warnings(cadence, context, start, end);

    await this.dataSource.getRepository(Touchpoint).update(
      { id },
      {
        status: 'scheduled',
        scheduledAt: start.toJSDate(),
        endsAt: end.toJSDate(),
        adjustmentType: 'shifted',
        adjustmentReason: 'Rescheduled by hand',
        sequence: touchpoint.sequence + 1,
        invitePending: true,
        pinned: true,
        checkAt: end.plus({ minutes: this.config.followUps.meetingGraceMinutes }).toJSDate(),
        rescheduleCount: touchpoint.rescheduleCount + 1,
        outOfHours: [] as never,
        updatedAt: now.toJSDate(),
      },
    );
    await this.invites.issuePending({ engagementId: touchpoint.engagementId });
    await this.events.publish({
      type: 'touchpoint.rescheduled',
      touchpointId: id,
      engagementId: touchpoint.engagementId,
    });
    return { touchpoint: await this.get(id), warnings };
  }

  private async warnings(
    cadence: Cadence,
    context: PlanningContext,
    start: DateTime,
    end: DateTime,
  ): Promise<string[]> {
    const holidays = await this.calendars.holidays();
    const warnings: string[] = [];
    for (const id of cadence.participantIds) {
      const person = context.people.get(id);
      if (person === undefined) continue;
      const calendar = this.calendars.calendarFor(profileOf(person, context), holidays, context.blackouts);
      const local = start.setZone(person.timeZone);
      // A night shift that began the evening before owns the small hours.
      const days = [local.minus({ days: 1 }), local].map((d) => calendar.day(d.toISODate()));
      if (days.some((d) => d.window !== null && d.window.start <= start && d.window.end >= end)) continue;
      const today = days[1];
      const span = `${local.toFormat('ccc d LLL HH:mm')}–${end.setZone(person.timeZone).toFormat('HH:mm')} ${person.timeZone}`;
      if (today.off.length > 0) {
        warnings.push(
          `${person.name}: ${span} is on a day off (${today.off.map((o) => o.label).join(', ')})`,
        );
      } else {
        warnings.push(
          `${person.name}: ${span} is outside working hours (${today.hours.start}–${today.hours.end})`,
        );
      }
    }
    return warnings;
  }

  private async context(engagementId: string): Promise<PlanningContext> {
    const [context] = await this.loader.load([engagementId], null);
    if (context === undefined) throw new NotFound('engagement', engagementId);
    return context;
  }

  /**
   * Just what a view names (cadence titles and participants, vendor contacts, their zones), in
   * four queries. The planning context would add the engagement's time off and blackouts, two
   * more queries on every read that the view never looks at.
   */
  private async viewContext(engagementId: string): Promise<ViewContext> {
    const [engagement, contacts, cadences] = await Promise.all([
      this.dataSource
        .getRepository(Engagement)
        .findOne({ where: { id: engagementId }, select: { id: true } }),
      this.dataSource
        .getRepository(EngagementContact)
        .find({ where: { engagementId, kind: 'vendor_contact' }, order: { position: 'ASC' } }),
      this.dataSource.getRepository(Cadence).find({ where: { engagementId }, order: { createdAt: 'ASC' } }),
    ]);
    if (engagement === null) throw new NotFound('engagement', engagementId);
    const vendorContactIds = contacts.map((c) => c.personId);
    const ids = new Set([...vendorContactIds, ...cadences.flatMap((c) => c.participantIds)]);
    const people =
      ids.size === 0
        ? []
        : await this.dataSource
            .getRepository(Person)
            .find({ select: { id: true, timeZone: true }, where: { id: In([...ids]) } });
    return { cadences, vendorContactIds, people: new Map(people.map((p) => [p.id, p])) };
  }

  private toView(t: Touchpoint, context: ViewContext): TouchpointView {
    const cadence = context.cadences.find((c) => c.id === t.cadenceId);
    const ids = t.kind === 'meeting' ? (cadence?.participantIds ?? []) : context.vendorContactIds;
    const local = ids
      .map((id) => context.people.get(id))
      .filter((p): p is Person => p !== undefined)
      .map((p) => ({
        personId: p.id,
        timeZone: p.timeZone,
        start: zonedIso(t.scheduledAt, p.timeZone),
        ...(t.endsAt && { end: zonedIso(t.endsAt, p.timeZone) }),
        outOfHoursMinutes: t.outOfHours.find((o) => o.personId === p.id)?.minutes ?? 0,
      }));
    return {
      id: t.id,
      engagementId: t.engagementId,
      cadenceId: t.cadenceId,
      title: cadence?.title ?? '',
      kind: t.kind,
      periodKey: t.periodKey,
      status: t.status,
      scheduledAt: utcIso(t.scheduledAt),
      endsAt: t.endsAt ? utcIso(t.endsAt) : null,
      originalAt: utcIso(t.originalAt),
      adjustment:
        t.adjustmentType && t.adjustmentReason
          ? { type: t.adjustmentType, reason: t.adjustmentReason }
          : null,
      local,
      sequence: t.sequence,
      heldAt: t.heldAt ? utcIso(t.heldAt) : null,
      submittedAt: t.submittedAt ? utcIso(t.submittedAt) : null,
      rescheduleCount: t.rescheduleCount,
    };
  }
}

/** The columns a touchpoint view shows: a listing neither reads nor builds the others. */
const VIEW_COLUMNS: FindOptionsSelect<Touchpoint> = {
  id: true,
  engagementId: true,
  cadenceId: true,
  kind: true,
  periodKey: true,
  status: true,
  scheduledAt: true,
  endsAt: true,
  originalAt: true,
  adjustmentType: true,
  adjustmentReason: true,
  outOfHours: true,
  sequence: true,
  heldAt: true,
  submittedAt: true,
  rescheduleCount: true,
};

/** The part of a planning context a touchpoint view reads (of people, only id and zone). */
type ViewContext = Pick<PlanningContext, 'cadences' | 'vendorContactIds' | 'people'>;
