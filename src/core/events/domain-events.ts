import { Injectable, Logger } from '@nestjs/common';

/**
 * What changed, so that the features depending on it can react (the planner
 * re-plans touchpoints when a person, time off, blackout, cadence or holiday
 * changes) without the feature that owns the change importing them.
 */
export type DomainEvent =
  | { type: 'person.changed'; personId: string }
  | { type: 'time-off.changed'; personId: string }
  | { type: 'engagement.changed'; engagementId: string }
  | { type: 'blackout.changed'; engagementId: string }
  | { type: 'cadence.changed'; engagementId: string; cadenceId: string }
  | { type: 'holiday.changed'; country: string; date: string }
  | { type: 'touchpoint.held'; touchpointId: string; engagementId: string }
  | { type: 'touchpoint.rescheduled'; touchpointId: string; engagementId: string }
  | { type: 'report.submitted'; touchpointId: string; engagementId: string; report: SubmittedReport };

/** A status report as its submission stored it. */
export interface SubmittedReport {
  id: string;
  engagementId: string;
  status: string;
  asks: readonly { text: string }[];
  submittedAt: Date;
  updatedAt: Date;
  /** As loaded before the submission (only the ask check changes it). */
  askCheckAt: Date | null;
}

type Handler<E extends DomainEvent> = (event: E) => Promise<void>;

/**
 * In-process and synchronous: `publish` resolves once every subscriber has
 * handled the event, so an API call that changes a calendar answers only after
 * the touchpoints it moves have been re-planned. A failing subscriber is logged
 * and does not undo the change that caused it.
 */
@Injectable()
export class DomainEvents {
  private readonly logger = new Logger(DomainEvents.name);
  private readonly handlers = new Map<DomainEvent['type'], Handler<DomainEvent>[]>();

  on<T extends DomainEvent['type']>(type: T, handler: Handler<Extract<DomainEvent, { type: T }>>): void {
    const list = this.handlers.get(type) ?? [];
    list.push(handler as Handler<DomainEvent>);
    this.handlers.set(type, list);
  }

  async publish(event: DomainEvent): Promise<void> {
    for (const handler of this.handlers.get(event.type) ?? []) {
      try {
        await handler(event);
      } catch (error) {
        this.logger.error({ msg: `handler for ${event.type} failed`, event, err: (error as Error).message });
      }
    }
  }
}
