import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

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
type TransactionHandler<E extends DomainEvent> = (event: E, manager: EntityManager) => Promise<void>;
type Of<T extends DomainEvent['type']> = Extract<DomainEvent, { type: T }>;

/**
 * In-process and synchronous: `publish` resolves once every subscriber has
 * handled the event, so an API call that changes a calendar answers only after
 * the touchpoints it moves have been re-planned. A failing subscriber is logged
 * and does not undo the change that caused it.
 *
 * Writes that must stand or fall with the change itself (withdrawing the nudges
 * about a report as it is stored, so that no other process sends one after the
 * report is in) subscribe with `onInTransaction`: the feature making the change
 * calls `publishInTransaction` inside its transaction, and a failure there rolls
 * the whole change back.
 */
@Injectable()
export class DomainEvents {
  private readonly logger = new Logger(DomainEvents.name);
  private readonly handlers = new Map<DomainEvent['type'], Handler<DomainEvent>[]>();
  private readonly transactionHandlers = new Map<DomainEvent['type'], TransactionHandler<DomainEvent>[]>();

  on<T extends DomainEvent['type']>(type: T, handler: Handler<Of<T>>): void {
    const list = this.handlers.get(type) ?? [];
    list.push(handler as Handler<DomainEvent>);
    this.handlers.set(type, list);
  }

  onInTransaction<T extends DomainEvent['type']>(type: T, handler: TransactionHandler<Of<T>>): void {
    const list = this.transactionHandlers.get(type) ?? [];
    list.push(handler as TransactionHandler<DomainEvent>);
    this.transactionHandlers.set(type, list);
  }

  /** After the change has committed. */
  async publish(event: DomainEvent): Promise<void> {
    for (const handler of this.handlers.get(event.type) ?? []) {
      try {
        await handler(event);
      } catch (error) {
        this.logger.error({ msg: `handler for ${event.type} failed`, event, err: (error as Error).message });
      }
    }
  }

  /** Inside the transaction making the change, before it commits; a failure rolls it back. */
  async publishInTransaction(manager: EntityManager, event: DomainEvent): Promise<void> {
    for (const handler of this.transactionHandlers.get(event.type) ?? []) {
      await handler(event, manager);
    }
  }
}
