import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { Cadence } from '../../src/cadences/cadence.entity';
import { Touchpoint, type TouchpointStatus } from '../../src/cadences/touchpoint.entity';
import type { TestApp } from '../support/test-app';

export interface ReportCadenceInput {
  engagementId: string;
  title?: string;
  frequency?: 'weekly' | 'biweekly' | 'monthly';
  kind?: 'status_report' | 'meeting';
}

/**
 * A cadence row written straight to the database, for specs that need
 * touchpoints before (or without) the planner. Inactive, so a planner running
 * in the same app leaves it alone.
 */
export async function newReportCadence(app: TestApp, input: ReportCadenceInput): Promise<Cadence> {
  const now = app.clock.now().toJSDate();
  const cadence = Object.assign(new Cadence(), {
    id: randomUUID(),
    engagementId: input.engagementId,
    kind: input.kind ?? 'status_report',
    title: input.title ?? 'Weekly status',
    frequency: input.frequency ?? 'weekly',
    holidayPolicy: 'shift',
    startsOn: '2027-01-04',
    durationMinutes: input.kind === 'meeting' ? 45 : null,
    participantIds: [],
    organizerId: null,
    preferredWeekdays: [],
    weekday: 'fri',
    time: '17:00',
    active: false,
    createdAt: now,
    updatedAt: now,
  });
  await app.app.get(DataSource).getRepository(Cadence).insert(cadence);
  return cadence;
}

export interface TouchpointInput {
  engagementId: string;
  cadenceId: string;
  /** The due instant (reports) or start (meetings), ISO. */
  at: string;
  kind?: 'status_report' | 'meeting';
  status?: TouchpointStatus;
  /** When the request goes out; null: never by itself. */
  requestAt?: string | null;
  /** Default: the ISO week of `at` in UTC. */
  periodKey?: string;
  adjustmentReason?: string | null;
}

/** A touchpoint row written straight through the repository (the planner's job, faked). */
export async function newTouchpoint(app: TestApp, input: TouchpointInput): Promise<Touchpoint> {
  const now = app.clock.now().toJSDate();
  const at = DateTime.fromISO(input.at, { zone: 'utc' });
  const kind = input.kind ?? 'status_report';
  const row: Record<string, unknown> = {
    id: randomUUID(),
    engagementId: input.engagementId,
    cadenceId: input.cadenceId,
    kind,
    periodKey: input.periodKey ?? at.toFormat("kkkk-'W'WW"),
    status: input.status ?? (kind === 'meeting' ? 'scheduled' : 'pending'),
    scheduledAt: at.toJSDate(),
    endsAt: kind === 'meeting' ? at.plus({ minutes: 45 }).toJSDate() : null,
    originalAt: at.toJSDate(),
    adjustmentType: input.adjustmentReason ? 'skipped' : null,
    adjustmentReason: input.adjustmentReason ?? null,
    outOfHours: [],
    sequence: 0,
    invitePending: false,
    invitedSequence: null,
    requestAt: input.requestAt ? new Date(input.requestAt) : null,
    requestQueuedAt: null,
    heldAt: null,
    heldNotes: null,
    submittedAt: null,
    rescheduleCount: 0,
    // Pinned, as if an operator had placed it: the planner never moves or withdraws it.
    pinned: true,
    createdAt: now,
    updatedAt: now,
  };
  const repository = app.app.get(DataSource).getRepository(Touchpoint);
  await repository.insert(repository.create(row));
  return repository.findOneByOrFail({ id: row.id as string });
}
