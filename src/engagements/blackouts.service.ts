import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Clock } from '../core/clock/clock';
import { Conflict, NotFound } from '../core/errors/domain-error';
import { DomainEvents } from '../core/events/domain-events';
import { isUniqueViolation } from '../database/unique-violation';
import { BlackoutDay } from './blackout.entity';
import type { BlackoutView, CreateBlackoutDto } from './dto/blackout.dto';
import { EngagementsService } from './engagements.service';

@Injectable()
export class BlackoutsService {
  constructor(
    @InjectRepository(BlackoutDay) private readonly blackouts: Repository<BlackoutDay>,
    private readonly engagements: EngagementsService,
    private readonly clock: Clock,
    private readonly events: DomainEvents,
  ) {}

  async add(engagementId: string, dto: CreateBlackoutDto): Promise<BlackoutView> {
    await this.engagements.find(engagementId);
    const row = this.blackouts.create({
      id: randomUUID(),
      engagementId,
      date: dto.date,
      side: dto.side,
      name: dto.name,
      createdAt: this.clock.now().toJSDate(),
    });
    try {
      await this.blackouts.insert(row);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new Conflict('BLACKOUT_EXISTS', `The ${dto.side} side already has a blackout on ${dto.date}.`);
      }
      throw error;
    }
    await this.events.publish({ type: 'blackout.changed', engagementId });
    return toView(row);
  }

  async list(engagementId: string): Promise<BlackoutView[]> {
    await this.engagements.find(engagementId);
    return (await this.blackouts.find({ where: { engagementId }, order: { date: 'ASC', side: 'ASC' } })).map(
      toView,
    );
  }

  async remove(engagementId: string, id: string): Promise<void> {
    const row = await this.blackouts.findOneBy({ id, engagementId });
    if (row === null) throw new NotFound('blackout', id);
    await this.blackouts.delete({ id });
    await this.events.publish({ type: 'blackout.changed', engagementId });
  }
}

function toView(row: BlackoutDay): BlackoutView {
  return { id: row.id, engagementId: row.engagementId, date: row.date, side: row.side, name: row.name };
}
