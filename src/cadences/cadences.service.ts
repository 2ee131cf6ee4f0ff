import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { Repository } from 'typeorm';
import { CalendarService } from '../calendars/calendar.service';
import { WEEKDAYS } from '../calendars/domain/calendar.types';
import { Clock } from '../core/clock/clock';
import { NotFound, ValidationFailed, type FieldErrors } from '../core/errors/domain-error';
import { EngagementsService } from '../engagements/engagements.service';
import type { Person } from '../people/person.entity';
import { Cadence } from './cadence.entity';
import { checkMeetingDuration } from './domain/duration-validation';
import { chooseMeetingAnchor } from './domain/meeting-anchor';
import type { CadenceView, CreateCadenceDto, LocalSlotView, UpdateCadenceDto } from './dto/cadence.dto';
import { profileOf } from './planning/cadence-plan';
import type { PlanningContext } from './planning/planning-context';
import { PlanningContextLoader } from './planning/planning-context.loader';
import { PlannerService } from './planning/planner.service';
import { InvitesService } from './invites/invites.service';
import { Touchpoint } from './touchpoint.entity';

/** Creating, changing and reading cadences; every change re-plans the engagement at once. */
@Injectable()
export class CadencesService {
  constructor(
    @InjectRepository(Cadence) private readonly cadences: Repository<Cadence>,
    @InjectRepository(Touchpoint) private readonly touchpoints: Repository<Touchpoint>,
    private readonly engagements: EngagementsService,
    private readonly loader: PlanningContextLoader,
    private readonly planner: PlannerService,
    private readonly invites: InvitesService,
    private readonly calendars: CalendarService,
    private readonly clock: Clock,
  ) {}

  async create(engagementId: string, dto: CreateCadenceDto): Promise<CadenceView> {
    await this.engagements.find(engagementId);
    const [context] = await this.loader.load([engagementId], null);
    const now = this.clock.now().toJSDate();
    const cadence = Object.assign(new Cadence(), {
      id: randomUUID(),
      engagementId,
      kind: dto.kind,
      title: dto.title,
      frequency: dto.frequency,
      holidayPolicy: dto.holidayPolicy ?? 'shift',
      active: true,
      createdAt: now,
      updatedAt: now,
    });
    if (dto.kind === 'meeting') await this.defineMeeting(cadence, dto, context);
    else this.defineReport(cadence, dto, context);
    await this.cadences.insert(cadence);
    return this.afterChange(cadence);
  }

  async list(engagementId: string): Promise<CadenceView[]> {
    await this.engagements.find(engagementId);
    const cadences = await this.cadences.find({ where: { engagementId }, order: { createdAt: 'ASC' } });
    const [context] = await this.loader.load([engagementId], null);
    return Promise.all(cadences.map((c) => this.toView(c, context)));
  }

  async get(engagementId: string, cadenceId: string): Promise<CadenceView> {
    const cadence = await this.find(engagementId, cadenceId);
    const [context] = await this.loader.load([engagementId], null);
    return this.toView(cadence, context);
  }

  async update(engagementId: string, cadenceId: string, dto: UpdateCadenceDto): Promise<CadenceView> {
    const cadence = await this.find(engagementId, cadenceId);
    const [context] = await this.loader.load([engagementId], null);
    const fields: FieldErrors = {};
    if (dto.title !== undefined) cadence.title = dto.title;
    if (dto.holidayPolicy !== undefined) cadence.holidayPolicy = dto.holidayPolicy;
    if (dto.active !== undefined) cadence.active = dto.active;
    if (cadence.kind === 'meeting') {
      if (dto.due !== undefined) fields.due = 'is for status reports; meetings take weekday and time';
      if (dto.participantIds !== undefined) cadence.participantIds = dto.participantIds;
      if (dto.preferredWeekdays !== undefined) cadence.preferredWeekdays = dto.preferredWeekdays;
      if (dto.durationMinutes !== undefined) cadence.durationMinutes = dto.durationMinutes;
      if (dto.weekday !== undefined) cadence.weekday = dto.weekday;
      if (dto.time !== undefined) cadence.time = dto.time;
      this.checkParticipants(cadence, context, fields);
      if (Object.keys(fields).length === 0) this.checkDuration(cadence, context, fields);
    } else {
      for (const key of [
        'durationMinutes',
        'participantIds',
        'preferredWeekdays',
        'weekday',
        'time',
      ] as const) {
        if (dto[key] !== undefined) fields[key] = 'is for meetings; status reports take due';
      }
      if (dto.due !== undefined) {
        cadence.weekday = dto.due.weekday;
        cadence.time = dto.due.time;
      }
    }
    if (Object.keys(fields).length > 0) throw new ValidationFailed(fields);
    cadence.updatedAt = this.clock.now().toJSDate();
    await this.cadences.save(cadence);
    return this.afterChange(cadence);
  }

  async find(engagementId: string, cadenceId: string): Promise<Cadence> {
    const cadence = await this.cadences.findOneBy({ id: cadenceId, engagementId });
    if (cadence === null) throw new NotFound('cadence', cadenceId);
    return cadence;
  }

  private async afterChange(cadence: Cadence): Promise<CadenceView> {
    await this.planner.planEngagement(cadence.engagementId);
    await this.invites.issuePending({ engagementId: cadence.engagementId });
    const [context] = await this.loader.load([cadence.engagementId], null);
    return this.toView(cadence, context);
  }

  private async defineMeeting(
    cadence: Cadence,
    dto: CreateCadenceDto,
    context: PlanningContext,
  ): Promise<void> {
    const fields: FieldErrors = {};
    if (dto.due !== undefined) fields.due = 'is for status reports; meetings take weekday and time';
    if (dto.durationMinutes === undefined) fields.durationMinutes = 'is required for a meeting';
    const engagement = context.engagement;
    cadence.participantIds = dto.participantIds ?? [engagement.accountManagerId, ...context.vendorContactIds];
    cadence.organizerId =
      dto.organizerId ??
      (cadence.participantIds.includes(engagement.accountManagerId)
        ? engagement.accountManagerId
        : cadence.participantIds[0]);
    cadence.preferredWeekdays = dto.preferredWeekdays ?? [];
    cadence.durationMinutes = dto.durationMinutes ?? null;
    this.checkParticipants(cadence, context, fields);
    if (dto.organizerId !== undefined && !cadence.participantIds.includes(dto.organizerId)) {
      fields.organizerId = 'must be one of the participants';
    }
    if (Object.keys(fields).length === 0) this.checkDuration(cadence, context, fields);
    if (Object.keys(fields).length > 0) throw new ValidationFailed(fields);

    const organizer = context.people.get(cadence.organizerId ?? '') as Person;
    cadence.startsOn = dto.startsOn ?? this.clock.now().setZone(organizer.timeZone).toISODate();
    if (dto.weekday !== undefined && dto.time !== undefined) {
      cadence.weekday = dto.weekday;
      cadence.time = dto.time;
      return;
    }
    const holidays = await this.calendars.holidays();
    const choice = chooseMeetingAnchor({
      durationMinutes: cadence.durationMinutes as number,
      preferredWeekdays: dto.weekday ? [dto.weekday] : cadence.preferredWeekdays,
      startsOn: cadence.startsOn,
      participants: cadence.participantIds.map((id) =>
        this.calendars.calendarFor(
          profileOf(context.people.get(id) as Person, context),
          holidays,
          context.blackouts,
        ),
      ),
      organizerId: organizer.id,
    });
    cadence.weekday = choice.anchor.weekday;
    cadence.time = dto.time ?? choice.anchor.time;
  }

  private defineReport(cadence: Cadence, dto: CreateCadenceDto, context: PlanningContext): void {
    const fields: FieldErrors = {};
    if (dto.due === undefined)
      fields.due = 'is required for a status report: {weekday, time} in the vendor contact’s zone';
    for (const key of ['durationMinutes', 'participantIds', 'organizerId', 'weekday', 'time'] as const) {
      if (dto[key] !== undefined) fields[key] = 'is for meetings; status reports take due';
    }
    const vendor = context.people.get(context.vendorContactIds[0] ?? '');
    if (vendor === undefined) fields.kind = 'the engagement has no vendor contact to report';
    if (Object.keys(fields).length > 0 || dto.due === undefined || vendor === undefined)
      throw new ValidationFailed(fields);
    cadence.participantIds = [];
    cadence.organizerId = null;
    cadence.durationMinutes = null;
    cadence.preferredWeekdays = dto.preferredWeekdays ?? [];
    cadence.weekday = dto.due.weekday;
    cadence.time = dto.due.time;
    cadence.startsOn = dto.startsOn ?? this.clock.now().setZone(vendor.timeZone).toISODate();
  }

  /** Participants must exist and belong to the engagement; one message per bad entry. */
  private checkParticipants(cadence: Cadence, context: PlanningContext, fields: FieldErrors): void {
    const engagement = context.engagement;
    const members = new Set([
      engagement.accountManagerId,
      ...(engagement.executiveId ? [engagement.executiveId] : []),
      ...context.vendorContactIds,
      ...context.clientContactIds,
    ]);
    cadence.participantIds.forEach((id, i) => {
      if (!context.people.has(id)) fields[`participantIds.${i}`] = `no person with id ${id}`;
      else if (!members.has(id)) fields[`participantIds.${i}`] = 'is not part of this engagement';
    });
    if (new Set(cadence.participantIds).size !== cadence.participantIds.length) {
      fields.participantIds = 'must not list a person twice';
    }
  }

  private checkDuration(cadence: Cadence, context: PlanningContext, fields: FieldErrors): void {
    const hours = cadence.participantIds
      .map((id) => context.people.get(id))
      .filter((p): p is Person => p !== undefined)
      .map((p) => ({ start: p.workingHoursStart, end: p.workingHoursEnd }));
    const verdict = checkMeetingDuration(cadence.durationMinutes ?? 0, hours);
    if (!verdict.ok) fields.durationMinutes = verdict.message;
  }

  private async toView(cadence: Cadence, context: PlanningContext): Promise<CadenceView> {
    const owner =
      cadence.kind === 'meeting'
        ? context.people.get(cadence.organizerId ?? '')
        : context.people.get(context.vendorContactIds[0] ?? '');
    const first = await this.touchpoints.findOne({
      where: { cadenceId: cadence.id, status: cadence.kind === 'meeting' ? 'scheduled' : 'pending' },
      order: { scheduledAt: 'ASC' },
    });
    const shown = cadence.kind === 'meeting' ? cadence.participantIds : context.vendorContactIds;
    const local: LocalSlotView[] = [];
    if (first !== null) {
      for (const id of shown) {
        const person = context.people.get(id);
        if (person === undefined) continue;
        const at = DateTime.fromJSDate(first.scheduledAt, { zone: person.timeZone });
        local.push({
          personId: id,
          timeZone: person.timeZone,
          weekday: WEEKDAYS[at.weekday - 1],
          time: at.toFormat('HH:mm'),
        });
      }
    }
    return {
      id: cadence.id,
      engagementId: cadence.engagementId,
      kind: cadence.kind,
      title: cadence.title,
      frequency: cadence.frequency,
      holidayPolicy: cadence.holidayPolicy,
      startsOn: cadence.startsOn,
      durationMinutes: cadence.durationMinutes,
      participantIds: cadence.participantIds,
      organizerId: cadence.organizerId,
      preferredWeekdays: cadence.preferredWeekdays,
      due: cadence.kind === 'status_report' ? { weekday: cadence.weekday, time: cadence.time } : null,
      active: cadence.active,
      slot: {
        weekday: cadence.weekday,
        time: cadence.time,
        timeZone: owner?.timeZone ?? 'UTC',
        sharedHours: first === null || first.outOfHours.length === 0,
        local,
      },
      createdAt: cadence.createdAt.toISOString(),
      updatedAt: cadence.updatedAt.toISOString(),
    };
  }
}
