import type { CadenceClient, TouchpointView } from './cadence-client';
import type { LiveEngagement } from './live-engagement';
import type { EngagementRun } from './run.types';

/** The touchpoints of an engagement falling in [from, to) not planned before; skipped ones by their original time. */
export async function touchpointsOfWeek(
  client: CadenceClient,
  e: LiveEngagement,
  from: number,
  to: number,
): Promise<TouchpointView[]> {
  const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
  const listed = await client.touchpoints(
    e.run.engagementId,
    day(from - 24 * 3600_000),
    day(to + 24 * 3600_000),
  );
  const fresh = listed.filter((tp) => {
    const at = Date.parse(tp.adjustment?.type === 'skipped' ? tp.originalAt : tp.scheduledAt);
    return at >= from && at < to && !e.planned.has(tp.id);
  });
  for (const tp of fresh) e.planned.add(tp.id);
  return fresh.sort(
    (a, b) => Date.parse(a.scheduledAt) - Date.parse(b.scheduledAt) || a.id.localeCompare(b.id),
  );
}

/** The stored weekly snapshots against the views read as each week ended; they should agree. */
export async function compareSnapshots(client: CadenceClient, run: EngagementRun): Promise<string[]> {
  const history = await client.healthHistory(run.engagementId, run.weeks.length + 2);
  const byStart = new Map(history.map((h) => [h.weekStart, h]));
  return run.weeks.flatMap((w) => {
    const stored = byStart.get(w.weekStart);
    if (stored === undefined) return [`${w.weekStart}: no snapshot`];
    return stored.score !== w.health.score || stored.band !== w.health.band
      ? [`${w.weekStart}: snapshot ${stored.score} ${stored.band}, read ${w.health.score} ${w.health.band}`]
      : [];
  });
}
