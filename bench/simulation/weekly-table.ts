import { alarmOf } from './alarm';
import type { HealthView } from './cadence-client';
import type { GroundTruth } from './scenario.types';
import type { EngagementRun, ScenarioRun } from './run.types';
import type { Outcome } from './week-plan';

const SEVERITY_MARK = { info: '?', warning: '!', critical: '!!' } as const;

/** The run as text: one weekly table per engagement, then timings. */
export function formatScenarioRun(run: ScenarioRun): string {
  const lines = [
    `Scenario ${run.scenario.name}: ${run.scenario.description}`,
    `${run.weeks} weeks from Monday ${run.scenario.start} (weeks run Monday to Monday in each account manager's zone), ${run.engagements.length} engagement(s)`,
    'Flags: CODE? info, CODE! warning, CODE!! critical; ⚑ marks an alarm (a warning or critical flag, or a worse band than the week before).',
    '',
  ];
  for (const engagement of run.engagements) lines.push(...formatEngagement(engagement), '');
  const t = run.timing;
  lines.push(
    `Time: start ${s(t.startMs)}, set-up ${s(t.setupMs)}, ${run.weeks} weeks ${s(t.simulateMs)} ` +
      `(CPU ${s(t.simulateCpuMs)}; POST /clock ${s(t.clockMs)} over ${t.clockCalls} calls and ${t.clockSteps} due instants; ` +
      `health reads ${s(t.healthMs)}).`,
    `Scheduler time by job (Cadence's /metrics): ${t.jobs
      .slice(0, 8)
      .map((j) => `${j.job} ${s(j.seconds * 1000)} in ${j.runs} runs for ${j.items} items`)
      .join(', ')}.`,
  );
  const mismatches = run.engagements.flatMap((e) => e.snapshotMismatches.map((m) => `${e.script.key} ${m}`));
  if (mismatches.length > 0)
    lines.push(`Weekly snapshots that differ from the view read as the week ended: ${mismatches.join('; ')}`);
  const failed = Object.entries(run.failedJobs);
  if (failed.length > 0)
    lines.push(`Scheduler jobs that failed: ${failed.map(([job, why]) => `${job}: ${why}`).join('; ')}`);
  return lines.join('\n');
}

export function formatEngagement(run: EngagementRun): string[] {
  const { script } = run;
  const header =
    `${script.key}: ${script.clientName} × ${script.vendorName}, ${script.manager.city} ↔ ${script.vendor.city}` +
    ` — truth: ${describeTruth(script.truth)}`;
  const rows: string[][] = [
    [
      'week',
      'from',
      'score',
      'band',
      'trend',
      '',
      'flags',
      'highlights',
      'what the vendor and manager did',
      'skipped / moved by the calendar',
    ],
  ];
  let previous: HealthView | null = null;
  for (const week of run.weeks) {
    const h = week.health;
    const alarm = alarmOf(previous, h);
    previous = h;
    rows.push([
      String(week.week),
      week.weekStart,
      String(h.score),
      h.band,
      h.trend === null ? '–' : h.trend > 0 ? `+${h.trend}` : String(h.trend),
      alarm === null ? '' : '⚑',
      h.flags.map((f) => `${f.code}${SEVERITY_MARK[f.severity]}`).join(' ') || '–',
      counted(h.highlights.map((x) => x.code)) || '–',
      describeConduct(week.outcomes),
      describeCalendar(week.outcomes),
    ]);
  }
  return [header, ...alignColumns(rows), ...firstRaised(run)];
}

/** Each warning or critical flag the first week it was raised, with Cadence's message naming the evidence. */
function firstRaised(run: EngagementRun): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const week of run.weeks) {
    for (const flag of week.health.flags) {
      if (flag.severity === 'info' || seen.has(flag.code)) continue;
      seen.add(flag.code);
      lines.push(
        `  week ${week.week}: ${flag.code} (${flag.severity}, since ${flag.since}): ${flag.message}`,
      );
    }
  }
  return lines;
}

function describeTruth(truth: GroundTruth): string {
  switch (truth.kind) {
    case 'healthy':
      return 'healthy';
    case 'holidayOnly':
      return `holiday-only (${truth.holidays.join(', ')})`;
    case 'slide':
      return `slides from week ${truth.slideFrom}, strained in week ${truth.strainWeek}`;
    case 'drop':
      return `drops in week ${truth.dropWeek}`;
    case 'recovery':
      return `slides from week ${truth.slideFrom}, strained in week ${truth.strainWeek}, recovered by week ${truth.recoveredWeek}`;
  }
}

function describeConduct(outcomes: readonly Outcome[]): string {
  const parts = outcomes.flatMap((o): string[] => {
    switch (o.kind) {
      case 'skipped':
        return [];
      case 'meeting':
        return [o.result === 'held' ? 'met' : o.result === 'missed' ? 'NO MEETING' : 'met (marked next day)'];
      case 'report':
        if (o.result === 'late') return [`report ${o.hours} h late`];
        return [o.result === 'on_time' ? 'report on time' : 'NO REPORT'];
    }
  });
  return parts.join(', ') || '–';
}

/** Codes with repeats folded: "KPI_ABOVE_TARGET×2 ON_TIME_STREAK". */
function counted(codes: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const code of codes) counts.set(code, (counts.get(code) ?? 0) + 1);
  return [...counts].map(([code, n]) => (n > 1 ? `${code}×${n}` : code)).join(' ');
}

/** Touchpoints the calendar skipped (they count for no one) or moved, with Cadence's reason. */
function describeCalendar(outcomes: readonly Outcome[]): string {
  const parts = outcomes.flatMap((o) => {
    if (o.kind === 'skipped')
      return [`${o.touchpoint === 'meeting' ? 'meeting' : 'report'} skipped: ${o.reason}`];
    return o.movedFor === null ? [] : [`${o.kind} moved: ${o.movedFor}`];
  });
  return parts.join('; ') || '–';
}

function alignColumns(rows: readonly string[][]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => [...r[i]].length)));
  return rows.map((r) =>
    r
      .map((cell, i) => (i < 3 ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd(),
  );
}

function s(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
