import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { Repository } from 'typeorm';
import { Clock } from '../core/clock/clock';
import { NotFound, ValidationFailed } from '../core/errors/domain-error';
import { DomainEvents } from '../core/events/domain-events';
import type { CreateTimeOffDto, TimeOffView } from './dto/time-off.dto';
import { PeopleService } from './people.service';
import { TimeOff } from './time-off.entity';

/** Longest single stretch of time off accepted; longer is almost certainly a typo. */
const MAX_DAYS = 366;

@Injectable()
export class TimeOffService {
  constructor(
    @InjectRepository(TimeOff) private readonly timeOff: Repository<TimeOff>,
    private readonly people: PeopleService,
    private readonly clock: Clock,
    private readonly events: DomainEvents,
  ) {}

  async add(personId: string, dto: CreateTimeOffDto): Promise<TimeOffView> {
    await this.people.find(personId);
    const days = DateTime.fromISO(dto.end, { zone: 'utc' }).diff(
      DateTime.fromISO(dto.start, { zone: 'utc' }),
      'days',
    ).days;
    if (days < 0) throw new ValidationFailed({ end: 'must be on or after start' });
    if (days >= MAX_DAYS) throw new ValidationFailed({ end: `must be within ${MAX_DAYS} days of start` });
    const backupPersonId = dto.backupPersonId ?? null;
    if (backupPersonId !== null) {
      if (backupPersonId === personId) throw new ValidationFailed({ backupPersonId: 'must be someone else' });
      await this.people.find(backupPersonId).catch(() => {
        throw new ValidationFailed({ backupPersonId: `no person with id ${backupPersonId}` });
      });
    }
    const row = this.timeOff.create({
      id: randomUUID(),
      personId,
      startDate: dto.start,
      endDate: dto.end,
      backupPersonId,
      note: dto.note ?? null,
      createdAt: this.clock.now().toJSDate(),
    });
    await this.timeOff.insert(row);
    await this.events.publish({ type: 'time-off.changed', personId });
    return toView(row);
  }

  async list(personId: string): Promise<TimeOffView[]> {
    await this.people.find(personId);
    const rows = await this.timeOff.find({ where: { personId }, order: { startDate: 'ASC' } });
    return rows.map(toView);
  }

  async remove(personId: string, id: string): Promise<void> {
    const row = await this.timeOff.findOneBy({ id, personId });
    if (row === null) throw new NotFound('time off', id);
    await this.timeOff.delete({ id });
    await this.events.publish({ type: 'time-off.changed', personId });
  }
}

function toView(row: TimeOff): TimeOffView {
  return {
    id: row.id,
    personId: row.personId,
    start: row.startDate,
    end: row.endDate,
    backupPersonId: row.backupPersonId,
    note: row.note,
  };
}
