import { type Alarm, alarmOf } from './alarm';
import type { EngagementRun } from './run.types';
import type { GroundTruth } from './scenario.types';

/** The early-warning view of one engagement's run. */
export interface EngagementVerdict {
  key: string;
  template: string;
  scenario: string;
  truth: GroundTruth;
  /** Weeks (from 1) that ended in an alarm, with why. */
  alarms: { week: number; alarm: Alarm }[];
  /** Slides and recoveries: strain week minus the first alarm from the slide's start; null if none came before the end. */
  leadWeeks: number | null;
  /** Drops: first alarm from the drop week minus the drop week. */
  delayWeeks: number | null;
  /** Alarms before a slide or drop began (noise on a vendor that was still fine). */
  alarmsBeforeTrouble: number;
  /** Recoveries: weeks after recovery until no alarm flag is left and the band is healthy or watch; null if never. */
  clearWeeks: number | null;
  /** Touchpoints Cadence skipped for a holiday or time off during the run. */
  holidaySkips: number;
  /** Holiday-only engagements: touchpoints skipped or moved for one of the holidays the scenario is about. */
  namedHolidayHits: number;
  /** The band Cadence showed at the strain week, when there is one. */
  bandAtStrain: string | null;
  /** What raised the first alarm that counts (codes, or BAND for a worsened band). */
  firstAlarmReason: string | null;
}

/** Reads one engagement's weekly health against its ground truth. */
export function judgeEngagement(run: EngagementRun, scenario: string): EngagementVerdict {
  const truth = run.script.truth;
  const alarms: { week: number; alarm: Alarm }[] = [];
  let previous = null;
  for (const week of run.weeks) {
    const alarm = alarmOf(previous, week.health);
    if (alarm !== null) alarms.push({ week: week.week, alarm });
    previous = week.health;
  }
  const firstFrom = (week: number): { week: number; alarm: Alarm } | null =>
    alarms.find((a) => a.week >= week) ?? null;
  const troubleFrom =
    truth.kind === 'slide' || truth.kind === 'recovery'
      ? truth.slideFrom
      : truth.kind === 'drop'
        ? truth.dropWeek
        : null;
  const first = troubleFrom === null ? (alarms[0] ?? null) : firstFrom(troubleFrom);
  const strainWeek =
    truth.kind === 'slide' || truth.kind === 'recovery' || truth.kind === 'drop' ? truth.strainWeek : null;

  let clearWeeks: number | null = null;
  if (truth.kind === 'recovery') {
    const clear = run.weeks.find(
      (w) =>
        w.week >= truth.recoveredWeek &&
        (w.health.band === 'healthy' || w.health.band === 'watch') &&
        !w.health.flags.some((f) => f.severity !== 'info'),
    );
    clearWeeks = clear ? clear.week - truth.recoveredWeek : null;
  }
  return {
    key: run.script.key,
    template: run.script.template,
    scenario,
    truth,
    alarms,
    leadWeeks:
      (truth.kind === 'slide' || truth.kind === 'recovery') &&
      first !== null &&
      first.week <= truth.strainWeek
        ? truth.strainWeek - first.week
        : null,
    delayWeeks: truth.kind === 'drop' && first !== null ? first.week - truth.dropWeek : null,
    alarmsBeforeTrouble: troubleFrom === null ? 0 : alarms.filter((a) => a.week < troubleFrom).length,
    clearWeeks,
    holidaySkips: run.weeks.reduce((n, w) => n + w.outcomes.filter((o) => o.kind === 'skipped').length, 0),
    namedHolidayHits: truth.kind === 'holidayOnly' ? namedHits(run, truth.holidays) : 0,
    bandAtStrain:
      strainWeek === null ? null : (run.weeks.find((w) => w.week === strainWeek)?.health.band ?? null),
    firstAlarmReason: first === null ? null : describe(first.alarm),
  };
}

function namedHits(run: EngagementRun, holidays: readonly string[]): number {
  return run.weeks.reduce(
    (n, w) =>
      n +
      w.outcomes.filter((o) => {
        const reason = o.kind === 'skipped' ? o.reason : o.movedFor;
        return reason !== null && holidays.some((h) => reason.includes(h));
      }).length,
    0,
  );
}

function describe(alarm: Alarm): string {
  return [...alarm.codes, ...(alarm.bandWorsened ? ['BAND'] : [])].join('+');
}

export interface Target {
  name: string;
  value: number;
  /** Shown beside the value: "≥ 90 %". */
  target: string;
  ok: boolean;
  /** How the value was counted: "20 of 22". */
  detail: string;
}

/** The benchmark's figures, for `bench:warning` and for a later `npm run bench` table. */
export interface WarningFigures {
  engagements: number;
  /** Slides and recoveries. */
  sliding: number;
  flaggedTwoWeeksAhead: number;
  /** Median lead time in weeks among sliding engagements flagged before the strain week. */
  medianLeadWeeks: number | null;
  calm: number;
  /** Healthy and holiday-only engagements with any alarm. */
  falseAlarms: number;
  holidayOnly: number;
  holidayAlarms: number;
  drops: number;
  /** Median weeks from a sudden drop to the first alarm. */
  medianDropDelayWeeks: number | null;
  /** Median weeks after recovery until the alarms clear. */
  medianClearWeeks: number | null;
  targets: Target[];
}

/** Totals over every verdict, with each figure beside the target. */
export function summarise(verdicts: readonly EngagementVerdict[]): WarningFigures {
  const sliding = verdicts.filter((v) => v.truth.kind === 'slide' || v.truth.kind === 'recovery');
  const ahead = sliding.filter((v) => v.leadWeeks !== null && v.leadWeeks >= 2);
  const calm = verdicts.filter((v) => v.truth.kind === 'healthy' || v.truth.kind === 'holidayOnly');
  const falseAlarms = calm.filter((v) => v.alarms.length > 0);
  const holidayOnly = verdicts.filter((v) => v.truth.kind === 'holidayOnly');
  const holidayAlarms = holidayOnly.filter((v) => v.alarms.length > 0);
  const drops = verdicts.filter((v) => v.truth.kind === 'drop');
  const aheadShare = share(ahead.length, sliding.length);
  const falseShare = share(falseAlarms.length, calm.length);
  return {
    engagements: verdicts.length,
    sliding: sliding.length,
    flaggedTwoWeeksAhead: ahead.length,
    medianLeadWeeks: median(sliding.flatMap((v) => (v.leadWeeks === null ? [] : [v.leadWeeks]))),
    calm: calm.length,
    falseAlarms: falseAlarms.length,
    holidayOnly: holidayOnly.length,
    holidayAlarms: holidayAlarms.length,
    drops: drops.length,
    medianDropDelayWeeks: median(drops.flatMap((v) => (v.delayWeeks === null ? [] : [v.delayWeeks]))),
    medianClearWeeks: median(verdicts.flatMap((v) => (v.clearWeeks === null ? [] : [v.clearWeeks]))),
    targets: [
      {
        name: 'sliding engagements flagged ≥ 2 weeks before strain',
        value: aheadShare,
        target: '≥ 90 %',
        ok: sliding.length > 0 && aheadShare >= 0.9,
        detail: `${ahead.length} of ${sliding.length}`,
      },
      {
        name: 'healthy and holiday-only engagements ever flagged',
        value: falseShare,
        target: '≤ 5 %',
        ok: calm.length > 0 && falseShare <= 0.05,
        detail: `${falseAlarms.length} of ${calm.length}`,
      },
      {
        name: 'alarms caused by holidays alone',
        value: holidayAlarms.length,
        target: '0',
        ok: holidayOnly.length > 0 && holidayAlarms.length === 0,
        detail: `${holidayAlarms.length} of ${holidayOnly.length} holiday-only engagements`,
      },
    ],
  };
}

function share(n: number, of: number): number {
  return of === 0 ? 0 : n / of;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
