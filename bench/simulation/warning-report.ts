import type { WarningBenchmark } from './warning-benchmark';
import type { EngagementVerdict } from './warning-metrics';

/** The benchmark as text: per template, then totals beside the targets, then timings. */
export function formatWarningBenchmark(result: WarningBenchmark): string {
  const { figures, verdicts, timings } = result;
  const groups = new Map<string, EngagementVerdict[]>();
  for (const v of verdicts) {
    const key = `${v.scenario}\t${v.template}`;
    groups.set(key, [...(groups.get(key) ?? []), v]);
  }
  const rows: string[][] = [
    [
      'scenario',
      'template',
      'n',
      'truth',
      'flagged ≥ 2 wk ahead',
      'lead weeks',
      'ever flagged',
      'noise flags before',
      'drop → flag',
      'clear after',
      'band at strain',
      'first alarm',
      'holiday skips',
    ],
  ];
  for (const [key, group] of groups) {
    const [scenario, template] = key.split('\t');
    const kind = group[0].truth.kind;
    const sliding = kind === 'slide' || kind === 'recovery';
    const leads = group.map((v) => v.leadWeeks);
    rows.push([
      scenario,
      template,
      String(group.length),
      kind,
      sliding
        ? `${group.filter((v) => v.leadWeeks !== null && v.leadWeeks >= 2).length}/${group.length}`
        : '',
      sliding ? leads.map((l) => (l === null ? '✗' : String(l))).join(' ') : '',
      kind === 'healthy' || kind === 'holidayOnly'
        ? `${group.filter((v) => v.alarms.length > 0).length}/${group.length}`
        : '',
      kind === 'healthy' || kind === 'holidayOnly'
        ? ''
        : String(group.reduce((n, v) => n + v.alarmsBeforeTrouble, 0)),
      kind === 'drop' ? group.map((v) => (v.delayWeeks === null ? '✗' : `+${v.delayWeeks}`)).join(' ') : '',
      kind === 'recovery'
        ? group.map((v) => (v.clearWeeks === null ? '✗' : String(v.clearWeeks))).join(' ')
        : '',
      group.some((v) => v.bandAtStrain !== null) ? tally(group.map((v) => v.bandAtStrain ?? '–')) : '',
      tally(group.map((v) => v.firstAlarmReason ?? '–')),
      String(group.reduce((n, v) => n + v.holidaySkips, 0)),
    ]);
  }
  const lines = [
    'Early warning on the scenario library (bench/simulation/scenarios), against the real application.',
    'An alarm is a warning or critical flag on /health at the end of a week, or a band worse than the week before.',
    'Lead = strain week − first alarm at or after the slide began (✗: none before strain). Drop → flag: weeks from the drop to the first alarm.',
    '',
    ...align(rows),
    '',
    `Engagements: ${figures.engagements} (${figures.sliding} sliding, ${figures.drops} sudden drops, ${figures.calm - figures.holidayOnly} healthy, ${figures.holidayOnly} holiday-only).`,
    `Median lead before strain: ${weeks(figures.medianLeadWeeks)}; median drop → first alarm: ${weeks(figures.medianDropDelayWeeks)}; median weeks for alarms to clear after recovery: ${weeks(figures.medianClearWeeks)}.`,
    '',
    ...align([
      ['figure', 'value', 'target', '', 'counted'],
      ...figures.targets.map((t) => [
        t.name,
        t.target === '0' ? String(t.value) : `${(t.value * 100).toFixed(1)} %`,
        t.target,
        t.ok ? 'ok' : 'FAIL',
        t.detail,
      ]),
    ]),
    '',
    ...align([
      [
        'scenario',
        'engagements',
        'weeks',
        'start',
        'set-up',
        'simulated',
        'CPU',
        'per quarter (13 wk)',
        'POST /clock',
        'clock calls',
        'due instants',
        'slowest scheduler jobs',
      ],
      ...timings.map((t) => [
        t.scenario,
        String(t.engagements),
        String(t.weeks),
        seconds(t.timing.startMs),
        seconds(t.timing.setupMs),
        seconds(t.timing.simulateMs),
        seconds(t.timing.simulateCpuMs),
        seconds(t.quarterMs),
        seconds(t.timing.clockMs),
        String(t.timing.clockCalls),
        String(t.timing.clockSteps),
        t.timing.jobs
          .slice(0, 3)
          .map((j) => `${j.job} ${seconds(j.seconds * 1000)}`)
          .join(', '),
      ]),
    ]),
  ];
  lines.push(
    '',
    'Wall times include waiting for the CPU when the machine is busy; CPU is this process (app and simulator together).',
  );
  if (result.problems.length > 0)
    lines.push('', 'Problems seen during the runs:', ...result.problems.map((p) => `  ${p}`));
  return lines.join('\n');
}

function tally(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([v, n]) => (n > 1 ? `${v}×${n}` : v))
    .join(' ');
}

function weeks(value: number | null): string {
  return value === null ? '–' : `${value} wk`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function align(rows: readonly string[][]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length)));
  return rows.map((r) =>
    r
      .map((cell, i) => cell.padEnd(widths[i]))
      .join('  ')
      .trimEnd(),
  );
}
