import { mixConduct } from '../conduct';
import type { Conduct, Keyframe } from '../scenario.types';

/**
 * Conduct levels the library is built from. STRAINED is what "the
 * relationship is strained" means in every ground truth: most reports late or
 * missing, half the meetings not happening, KPIs a quarter short, red status
 * and blockers nobody clears. A slide's `strainWeek` is the week its conduct
 * reaches this level.
 *
 * In a healthy relationship both sides keep the regimen: the account manager
 * answers every ask within a few days. An account manager who leaves an ask
 * for two weeks is the gap ASKS_UNANSWERED exists to catch, so GOOD and NOISY
 * no longer do (they left 3 % and 10 % of asks for weeks in the first runs,
 * and those alarms were right).
 */

/** A vendor that simply does the job: the odd slightly late report, a rare passing blocker. */
export const GOOD: Conduct = {
  reportOnTime: 0.96,
  reportMissingShare: 0,
  lateHours: [2, 20],
  meetingHeld: 0.98,
  heldRecordedLate: 0.03,
  kpiAttainment: 1.04,
  colour: 0.08,
  stuckBlockers: 0,
  passingBlocker: 0.1,
  asksPerReport: 0.15,
  askAnswered: 1,
  askAnswerHours: [3, 60],
  nudgeActed: 0.95,
  nudgeActHours: [0.5, 8],
};

/**
 * A good vendor with ordinary noise, as issue 6 puts it ("an occasional late
 * report, one missed meeting in a quarter"): one report in ten late (by up to
 * a day and a half, now and then never sent), one meeting in thirteen not
 * held, KPIs wobbling about ±5 % around target, some amber weeks, passing
 * blockers, asks answered within five days, one Slack nudge in ten left alone.
 */
export const NOISY: Conduct = {
  reportOnTime: 0.9,
  reportMissingShare: 0.1,
  lateHours: [2, 36],
  meetingHeld: 0.92,
  heldRecordedLate: 0.08,
  kpiAttainment: 1.0,
  colour: 0.2,
  stuckBlockers: 0,
  passingBlocker: 0.25,
  asksPerReport: 0.25,
  askAnswered: 1,
  askAnswerHours: [3, 120],
  nudgeActed: 0.9,
  nudgeActHours: [1, 24],
};

/** Holiday-only vendors: flawless, so any alarm on them can only come from their holidays. */
export const PERFECT: Conduct = {
  reportOnTime: 1,
  reportMissingShare: 0,
  lateHours: [2, 2],
  meetingHeld: 1,
  heldRecordedLate: 0,
  kpiAttainment: 1.05,
  colour: 0,
  stuckBlockers: 0,
  passingBlocker: 0,
  asksPerReport: 0,
  askAnswered: 1,
  askAnswerHours: [2, 24],
  nudgeActed: 1,
  nudgeActHours: [0.5, 4],
};

export const STRAINED: Conduct = {
  reportOnTime: 0.2,
  reportMissingShare: 0.55,
  lateHours: [24, 96],
  meetingHeld: 0.45,
  heldRecordedLate: 0.2,
  kpiAttainment: 0.75,
  colour: 1.85,
  stuckBlockers: 3,
  passingBlocker: 0.3,
  asksPerReport: 1,
  askAnswered: 0.3,
  askAnswerHours: [72, 240],
  nudgeActed: 0.4,
  nudgeActHours: [12, 72],
};

/** The same conduct every week. */
export function steady(conduct: Conduct): Keyframe[] {
  return [{ week: 1, conduct }];
}

/**
 * Good until `from`, then degrading a little every week until it is STRAINED
 * in `strainWeek` (and stays so). `first` lists the aspects that go first: they
 * reach their strained value at the middle of the slide, the others only at its end.
 */
export function slide(
  base: Conduct,
  from: number,
  strainWeek: number,
  first: readonly (keyof Conduct)[] = [],
): Keyframe[] {
  const middle = Math.round((from + strainWeek) / 2);
  const halfway = mixConduct(base, STRAINED, 0.5);
  for (const key of first) Object.assign(halfway, { [key]: STRAINED[key] });
  return [
    { week: 1, conduct: base },
    { week: from, conduct: base },
    ...(middle > from && middle < strainWeek ? [{ week: middle, conduct: halfway }] : []),
    { week: strainWeek, conduct: STRAINED },
  ];
}

/** Good until `dropWeek`, STRAINED from that week on: a key person leaves, a contract dispute. */
export function drop(base: Conduct, dropWeek: number): Keyframe[] {
  return [
    { week: 1, conduct: base },
    { week: dropWeek - 1, conduct: base },
    { week: dropWeek, conduct: STRAINED },
  ];
}

/** A slide to strain, held there for `stay` weeks, then back to `base` over `over` weeks. */
export function slideAndRecover(
  base: Conduct,
  from: number,
  strainWeek: number,
  stay: number,
  over: number,
): { keyframes: Keyframe[]; recoveredWeek: number } {
  const turn = strainWeek + stay;
  return {
    keyframes: [
      ...slide(base, from, strainWeek),
      { week: turn, conduct: STRAINED },
      { week: turn + over, conduct: base },
    ],
    recoveredWeek: turn + over,
  };
}
