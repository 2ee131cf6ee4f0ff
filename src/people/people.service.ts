import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CalendarService } from '../calendars/calendar.service';
import { canonicalRegion } from '../calendars/domain/calendar-validation';
import { Clock } from '../core/clock/clock';
import { Conflict, NotFound, ValidationFailed } from '../core/errors/domain-error';
import { DomainEvents } from '../core/events/domain-events';
import type { Page } from '../core/http/pagination';
import { isUniqueViolation } from '../database/unique-violation';
import type { CreatePersonDto, PersonView, UpdatePersonDto } from './dto/person.dto';
import { Person, type Role } from './person.entity';

@Injectable()
export class PeopleService {
  constructor(
    @InjectRepository(Person) private readonly people: Repository<Person>,
    private readonly calendars: CalendarService,
    private readonly clock: Clock,
    private readonly events: DomainEvents,
  ) {}

  async create(dto: CreatePersonDto): Promise<PersonView> {
    const defaults = this.calendars.defaultsFor(dto.country);
    const now = this.clock.now().toJSDate();
    const person = this.people.create({
      id: randomUUID(),
      name: dto.name,
      email: dto.email.toLowerCase(),
      role: dto.role,
      timeZone: dto.timeZone,
      country: dto.country,
      region: this.region(dto.country, dto.region ?? null),
      workWeek: [...(dto.workWeek ?? defaults.workWeek)],
      workingHoursStart: dto.workingHours?.start ?? defaults.workingHours.start,
      workingHoursEnd: dto.workingHours?.end ?? defaults.workingHours.end,
      locale: dto.locale ?? defaultLocale(dto.country),
      slackUserId: dto.slackUserId ?? null,
      createdAt: now,
      updatedAt: now,
    });
    this.checkHours(person);
    await this.assertEmailFree(person.email);
    await this.people.insert(person).catch((error: unknown) => this.rethrowDuplicate(error, person.email));
    return toView(person);
  }

  async get(id: string): Promise<PersonView> {
    return toView(await this.find(id));
  }

  async find(id: string): Promise<Person> {
    const person = await this.people.findOneBy({ id });
    if (person === null) throw new NotFound('person', id);
    return person;
  }

  async list(page: { limit: number; offset: number; role?: Role }): Promise<Page<PersonView>> {
    const [items, total] = await this.people.findAndCount({
      where: page.role ? { role: page.role } : {},
      order: { createdAt: 'ASC', id: 'ASC' },
      take: page.limit,
      skip: page.offset,
    });
    return { items: items.map(toView), total, limit: page.limit, offset: page.offset };
  }

  async update(id: string, dto: UpdatePersonDto): Promise<PersonView> {
    const person = await this.find(id);
    const country = dto.country ?? person.country;
    if (dto.name !== undefined) person.name = dto.name;
    if (dto.role !== undefined) person.role = dto.role;
    if (dto.timeZone !== undefined) person.timeZone = dto.timeZone;
    if (dto.country !== undefined) person.country = dto.country;
    if (dto.region !== undefined || dto.country !== undefined) {
      person.region = this.region(country, dto.region !== undefined ? dto.region : person.region);
    }
    if (dto.workWeek !== undefined) person.workWeek = dto.workWeek;
    if (dto.workingHours !== undefined) {
      person.workingHoursStart = dto.workingHours.start;
      person.workingHoursEnd = dto.workingHours.end;
    }
    if (dto.locale !== undefined) person.locale = dto.locale;
    if (dto.slackUserId !== undefined) person.slackUserId = dto.slackUserId;
    if (dto.email !== undefined && dto.email.toLowerCase() !== person.email) {
      person.email = dto.email.toLowerCase();
      await this.assertEmailFree(person.email);
    }
    this.checkHours(person);
    person.updatedAt = this.clock.now().toJSDate();
    await this.people.save(person).catch((error: unknown) => this.rethrowDuplicate(error, person.email));
    await this.events.publish({ type: 'person.changed', personId: person.id });
    return toView(person);
  }

  private region(country: string, region: string | null): string | null {
    if (region === null || region === '') return null;
    const normalized = canonicalRegion(country, region);
    if (normalized === null) {
      throw new ValidationFailed({
        region: `must be a subdivision of ${country} known to the holiday data, or null`,
      });
    }
    return normalized;
  }

  private checkHours(person: Person): void {
    if (person.workingHoursStart === person.workingHoursEnd) {
      throw new ValidationFailed({ 'workingHours.end': 'must differ from the start' });
    }
  }

  /** Two requests for one address can both pass the check; the unique index decides. */
  private rethrowDuplicate(error: unknown, email: string): never {
    if (isUniqueViolation(error))
      throw new Conflict('EMAIL_TAKEN', `A person with e-mail ${email} already exists.`);
    throw error;
  }

  private async assertEmailFree(email: string): Promise<void> {
    if (await this.people.existsBy({ email })) {
      throw new Conflict('EMAIL_TAKEN', `A person with e-mail ${email} already exists.`);
    }
  }
}

function defaultLocale(country: string): string {
  try {
    return Intl.getCanonicalLocales(`en-${country}`)[0];
  } catch {
    return 'en';
  }
}

export function toView(person: Person): PersonView {
  return {
    id: person.id,
    name: person.name,
    email: person.email,
    role: person.role,
    timeZone: person.timeZone,
    country: person.country,
    region: person.region,
    workWeek: person.workWeek,
    workingHours: { start: person.workingHoursStart, end: person.workingHoursEnd },
    locale: person.locale,
    slackUserId: person.slackUserId,
    createdAt: person.createdAt.toISOString(),
    updatedAt: person.updatedAt.toISOString(),
  };
}
