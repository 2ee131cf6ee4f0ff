import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Clock } from '../core/clock/clock';
import { DomainEvents } from '../core/events/domain-events';
import { DigestScheduleService } from './digest-schedule.service';

/**
 * Re-plans the next digest when what places it changes: the person (zone,
 * country, work week, role) or a holiday of their country. Time off does not
 * move a digest: it waits in the inbox.
 */
@Injectable()
export class DigestRescheduleListener implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly schedule: DigestScheduleService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.events.on('person.changed', (e) => this.schedule.reschedule([e.personId], this.clock.now()));
    this.events.on('holiday.changed', (e) => this.schedule.rescheduleCountry(e.country, this.clock.now()));
  }
}
