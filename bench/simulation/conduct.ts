import type { Conduct, Keyframe } from './scenario.types';

/**
 * The conduct in `week`: the keyframe at or before it, interpolated linearly
 * towards the next one, so a slide degrades a little every week rather than
 * in steps. Before the first keyframe the first one holds.
 */
export function conductAt(keyframes: readonly Keyframe[], week: number): Conduct {
  const sorted = [...keyframes].sort((a, b) => a.week - b.week);
  if (sorted.length === 0) throw new Error('a script needs at least one keyframe');
  const nextIndex = sorted.findIndex((k) => k.week > week);
  if (nextIndex === 0) return sorted[0].conduct;
  if (nextIndex === -1) return sorted[sorted.length - 1].conduct;
  const from = sorted[nextIndex - 1];
  const to = sorted[nextIndex];
  const mixed = mixConduct(from.conduct, to.conduct, (week - from.week) / (to.week - from.week));
  // A whole blocker appears once the interpolation reaches it, not a fraction of one.
  return { ...mixed, stuckBlockers: Math.floor(mixed.stuckBlockers + 1e-9) };
}

/** `a` moved the fraction `f` of the way towards `b`, every number linearly. */
export function mixConduct(a: Conduct, b: Conduct, f: number): Conduct {
  const mix = (x: number, y: number): number => x + (y - x) * f;
  return {
    reportOnTime: mix(a.reportOnTime, b.reportOnTime),
    reportMissingShare: mix(a.reportMissingShare, b.reportMissingShare),
    lateHours: [mix(a.lateHours[0], b.lateHours[0]), mix(a.lateHours[1], b.lateHours[1])],
    meetingHeld: mix(a.meetingHeld, b.meetingHeld),
    heldRecordedLate: mix(a.heldRecordedLate, b.heldRecordedLate),
    kpiAttainment: mix(a.kpiAttainment, b.kpiAttainment),
    colour: mix(a.colour, b.colour),
    stuckBlockers: mix(a.stuckBlockers, b.stuckBlockers),
    passingBlocker: mix(a.passingBlocker, b.passingBlocker),
    asksPerReport: mix(a.asksPerReport, b.asksPerReport),
    askAnswered: mix(a.askAnswered, b.askAnswered),
    askAnswerHours: [
      mix(a.askAnswerHours[0], b.askAnswerHours[0]),
      mix(a.askAnswerHours[1], b.askAnswerHours[1]),
    ],
    nudgeActed: mix(a.nudgeActed, b.nudgeActed),
    nudgeActHours: [mix(a.nudgeActHours[0], b.nudgeActHours[0]), mix(a.nudgeActHours[1], b.nudgeActHours[1])],
  };
}
