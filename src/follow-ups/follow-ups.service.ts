import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { EntityManager } from 'typeorm';
import { CalendarService } from '../calendars/calendar.service';
import type { Cadence } from '../cadences/cadence.entity';
import type { PlanningContext } from '../cadences/planning/planning-context';
import { PlanningContextLoader } from '../cadences/planning/planning-context.loader';
import { Touchpoint } from '../cadences/touchpoint.entity';
import { OutboxService } from '../notifications/outbox/outbox.service';
import type { Person } from '../people/person.entity';
import { ReportTokenService } from '../reports/report-token.service';
import { buildFollowUpMessage, type FollowUpSubject } from './domain/follow-up-message';
import { nextEscalation, planFollowUps } from './domain/follow-up-plan';
import type { PlannedFollowUpStep } from './domain/follow-up.types';
import type { Trigger } from './domain/playbook.types';
import { defaultTouchpointTitle } from './domain/touchpoint-title';
import { NoWorkingTimeError } from './domain/working-time';
import { resolveRecipients } from './follow-up-recipients';
import { NudgeRenderer } from './nudge.renderer';
import { PlaybookCatalogueService } from './playbook-catalogue.service';

/** Outbox purpose of every follow-up message; cancelling a touchpoint's follow-ups withdraws these. */
export const NUDGE_PURPOSE = 'nudge';

export interface FiredTrigger {
  trigger: Trigger;
  engagementId: string;
  /** What the follow-up is about: the touchpoint (for health, the latest one of the engagement). */
  touchpointId: string;
  firedAt: DateTime;
  /** Extra facts for the wording (health band, the ask…). */
  subject?: Partial<Pick<FollowUpSubject, 'health' | 'ask' | 'missesInARow'>>;
}

/**
 * Turns a fired trigger into the messages its playbook prescribes: each step
 * placed in its recipient's working time, routed around their time off, worded
 * for its reader, and queued in the outbox inside the caller's transaction.
 */
@Injectable()
export class FollowUpsService {
  private readonly logger = new Logger('FollowUps');

  constructor(
    private readonly loader: PlanningContextLoader,
    private readonly calendars: CalendarService,
    private readonly playbooks: PlaybookCatalogueService,
    private readonly outbox: OutboxService,
    private readonly renderer: NudgeRenderer,
    private readonly tokens: ReportTokenService,
  ) {}

  /** Queues the messages of one trigger; returns how many. */
  async fire(manager: EntityManager, event: FiredTrigger): Promise<number> {
    const [context] = await this.loader.load([event.engagementId], null);
    if (context === undefined) return 0;
    const holidays = await this.calendars.holidays();
    const resolved = resolveRecipients(context, this.calendars, holidays);
    if (resolved === null) return 0;
    const touchpoint = await manager.findOneBy(Touchpoint, { id: event.touchpointId });
    const cadence = context.cadences.find((c) => c.id === touchpoint?.cadenceId);
    const playbook = this.playbooks.effective(context.engagement);

    let steps: PlannedFollowUpStep[];
    try {
      steps = planFollowUps(
        { trigger: event.trigger, touchpointId: event.touchpointId, firedAt: event.firedAt },
        playbook,
        resolved.recipients,
      );
    } catch (error) {
      if (!(error instanceof NoWorkingTimeError)) throw error;
      // Someone the playbook names cannot be reached at all: the account manager hears of it now.
      this.logger.warn({
        msg: 'a recipient has no working time; escalating at once',
        engagementId: event.engagementId,
        err: error.message,
      });
      steps = [this.immediateEscalation(event, context)];
    }

    let queued = 0;
    for (const step of steps) {
      const readerId =
        step.channel === 'slack_channel' ? context.engagement.accountManagerId : step.recipientId;
      const reader = resolved.people.get(readerId);
      if (reader === undefined) continue;
      const subject = await this.subject(manager, event, context, touchpoint, cadence, step, reader);
      const next = nextEscalation(steps, step);
      const intended = resolved.people.get(step.intendedRecipientId);
      const message = buildFollowUpMessage({
        ...step,
        subject,
        readerTimeZone: reader.timeZone,
        ...(step.route === 'backup' && intended && { standingInFor: intended.name }),
        ...(next && { next: { role: next.role, dueAt: next.dueAt } }),
      });
      const id = randomUUID();
      const rendered = this.renderer.render({
        messageId: id,
        channel: step.channel,
        ...(step.slackChannel && { slackChannel: step.slackChannel }),
        recipient: reader,
        message,
      });
      const inserted = await this.outbox.enqueue(manager, {
        id,
        idempotencyKey: `followup:${step.stepId}`,
        purpose: NUDGE_PURPOSE,
        followUpTrigger: event.trigger,
        engagementId: event.engagementId,
        touchpointId: event.touchpointId,
        recipientPersonId: step.channel === 'slack_channel' ? null : reader.id,
        recipient: rendered.address,
        summary: message.title,
        payload: rendered.payload,
        dueAt: step.dueAt.toJSDate(),
        workingHoursOnly: step.channel !== 'slack_channel',
      });
      if (inserted) queued += 1;
    }
    return queued;
  }

  private async subject(
    manager: EntityManager,
    event: FiredTrigger,
    context: PlanningContext,
    touchpoint: Touchpoint | null,
    cadence: Cadence | undefined,
    step: PlannedFollowUpStep,
    reader: Person,
  ): Promise<FollowUpSubject> {
    const subject: FollowUpSubject = {
      engagementName: context.engagement.name,
      vendorName: context.engagement.vendorName,
      touchpointId: event.touchpointId,
      touchpointKind: touchpoint?.kind ?? 'status_report',
      touchpointTitle: cadence?.title ?? defaultTouchpointTitle(touchpoint?.kind),
      ...event.subject,
    };
    if (touchpoint) subject.dueAt = DateTime.fromJSDate(touchpoint.scheduledAt, { zone: 'utc' });
    // A vendor is reminded with a fresh personal link to the report form.
    if (
      touchpoint?.kind === 'status_report' &&
      step.role === 'vendor_contact' &&
      reader.role === 'vendor_contact'
    ) {
      const link = await this.tokens.issue(manager, {
        touchpointId: touchpoint.id,
        personId: reader.id,
        dueAt: touchpoint.scheduledAt,
      });
      subject.reportUrl = link.url;
    }
    return subject;
  }

  private immediateEscalation(event: FiredTrigger, context: PlanningContext): PlannedFollowUpStep {
    const managerId = context.engagement.accountManagerId;
    return {
      stepId: `${event.touchpointId}:${event.trigger}:unreachable:${managerId}`,
      trigger: event.trigger,
      stepIndex: null,
      role: 'account_manager',
      intendedRecipientId: managerId,
      recipientId: managerId,
      route: 'direct',
      channel: 'email',
      dueAt: event.firedAt,
      plannedAt: event.firedAt,
      template: 'escalation',
      uncovered: true,
    };
  }
}
