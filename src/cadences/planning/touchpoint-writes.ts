import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { Cadence } from '../cadence.entity';
import { firstCheckAt, type Graces } from '../domain/touchpoint-checks';
import type { PlannedTouchpoint, TouchpointUpdate } from '../domain/touchpoint-diff';
import { Touchpoint } from '../touchpoint.entity';

/**
 * A new touchpoint row for a planned occurrence, as a plain object with the entity's
 * properties: bulkInsert reads properties by name, and the planner builds one per
 * occurrence (a class instance filled by Object.assign cost more, to no purpose).
 */
export function newTouchpointRow(
  cadence: Cadence,
  plan: PlannedTouchpoint,
  at: Date,
  graces: Graces,
): Touchpoint {
  const checkAt = firstCheckAt(
    { kind: cadence.kind, status: plan.status, scheduledAt: plan.scheduledAt, endsAt: plan.endsAt },
    graces,
  );
  return {
    id: randomUUID(),
    engagementId: cadence.engagementId,
    cadenceId: cadence.id,
    kind: cadence.kind,
    periodKey: plan.periodKey,
    status: plan.status,
    scheduledAt: new Date(plan.scheduledAt),
    endsAt: plan.endsAt === null ? null : new Date(plan.endsAt),
    originalAt: new Date(plan.originalAt),
    adjustmentType: plan.adjustment?.type ?? null,
    adjustmentReason: plan.adjustment?.reason ?? null,
    outOfHours: plan.outOfHours,
    sequence: 0,
    checkAt: checkAt === null ? null : new Date(checkAt),
    invitePending: cadence.kind === 'meeting' && plan.status === 'scheduled',
    invitedSequence: null,
    requestAt: plan.requestAt === null ? null : new Date(plan.requestAt),
    requestQueuedAt: null,
    heldAt: null,
    heldNotes: null,
    submittedAt: null,
    rescheduleCount: 0,
    pinned: false,
    createdAt: at,
    updatedAt: at,
  };
}

/** The properties a re-plan writes, in statement order; `invitePending` only when owed. */
const UPDATED = [
  'status',
  'scheduledAt',
  'endsAt',
  'adjustmentType',
  'adjustmentReason',
  'outOfHours',
  'requestAt',
  'sequence',
  'checkAt',
  'updatedAt',
] as const satisfies readonly (keyof Touchpoint)[];
type Updated = Pick<Touchpoint, (typeof UPDATED)[number]> & Partial<Pick<Touchpoint, 'invitePending'>>;

/**
 * Writes one re-planned occurrence. The statement text depends only on whether an invite is
 * owed, so the driver prepares it once per run rather than TypeORM building an UPDATE per row;
 * values still go through each column's transformer and the driver's type conversion.
 */
export async function applyTouchpointUpdate(
  manager: EntityManager,
  update: TouchpointUpdate,
  meeting: boolean,
  invitedSequence: number | null,
  at: Date,
  graces: Graces,
): Promise<void> {
  const checkAt = firstCheckAt(
    {
      kind: meeting ? 'meeting' : 'status_report',
      status: update.status,
      scheduledAt: update.scheduledAt,
      endsAt: update.endsAt,
    },
    graces,
  );
  // An occurrence nobody was ever invited to needs no cancellation when it is skipped.
  const owesInvite =
    meeting && update.inviteChanged && (update.status === 'scheduled' || invitedSequence !== null);
  const values: Updated = {
    status: update.status as Touchpoint['status'],
    scheduledAt: new Date(update.scheduledAt),
    endsAt: update.endsAt === null ? null : new Date(update.endsAt),
    adjustmentType: update.adjustment?.type ?? null,
    adjustmentReason: update.adjustment?.reason ?? null,
    outOfHours: update.outOfHours,
    requestAt: update.requestAt === null ? null : new Date(update.requestAt),
    sequence: update.sequence,
    checkAt: checkAt === null ? null : new Date(checkAt),
    updatedAt: at,
  };
  if (owesInvite) values.invitePending = true;
  const statement = updateStatement(manager.connection, owesInvite);
  const driver = manager.connection.driver;
  const parameters = statement.columns.map(
    (column): unknown =>
      driver.preparePersistentValue(values[column.propertyName as keyof Updated], column) as unknown,
  );
  parameters.push(update.id);
  await manager.query(statement.sql, parameters);
}

interface UpdateStatement {
  sql: string;
  columns: ReturnType<DataSource['getMetadata']>['columns'];
}

const statements = new WeakMap<DataSource, Map<boolean, UpdateStatement>>();

function updateStatement(dataSource: DataSource, withInvite: boolean): UpdateStatement {
  let byShape = statements.get(dataSource);
  if (byShape === undefined) {
    byShape = new Map();
    statements.set(dataSource, byShape);
  }
  let statement = byShape.get(withInvite);
  if (statement === undefined) {
    const metadata = dataSource.getMetadata(Touchpoint);
    const driver = dataSource.driver;
    const postgres = driver.options.type === 'postgres';
    const properties: string[] = [...UPDATED, ...(withInvite ? ['invitePending'] : [])];
    const columns = properties.map((property) => {
      const column = metadata.findColumnWithPropertyName(property);
      if (column === undefined) throw new Error(`touchpoint has no column for ${property}`);
      return column;
    });
    const placeholder = (n: number): string => (postgres ? `$${n}` : '?');
    const sets = columns.map((column, i) => `${driver.escape(column.databaseName)} = ${placeholder(i + 1)}`);
    const id = metadata.findColumnWithPropertyName('id');
    if (id === undefined) throw new Error('touchpoint has no id column');
    statement = {
      sql: `UPDATE ${driver.escape(metadata.tableName)} SET ${sets.join(', ')} WHERE ${driver.escape(id.databaseName)} = ${placeholder(columns.length + 1)}`,
      columns,
    };
    byShape.set(withInvite, statement);
  }
  return statement;
}
