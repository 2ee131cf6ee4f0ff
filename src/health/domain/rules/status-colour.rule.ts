import type { DateTime } from 'luxon';
import { trailingRun } from '../condition-run';
import type { EngagementHistory, StatusColour } from '../engagement-history';
import { LOOKBACK_WEEKS, lookBack, toScore, weightedMean } from '../look-back';
import type { SignalResult } from '../signal-result';
import { reportsKnownAt } from '../submitted-reports';
import { count, joinAnd } from '../wording';

/** Credit per colour: amber is a vendor being candid about risk, so it keeps most of it. */
const COLOUR_POINTS: Readonly<Record<StatusColour, number>> = { green: 1, amber: 0.6, red: 0.15 };

/** Points taken off per extra report in a streak, and at most in all: streaks hurt more than scattered colours. */
const STREAK_STEP = 8;
const STREAK_CAP = 40;

export interface ColourStreak {
  length: number;
  /** Due instant of the first report of the streak; null when the streak is empty. */
  since: DateTime | null;
}

export interface StatusColourEvidence {
  /** Colours reported in the window, newest first. */
  recent: readonly { dueAt: DateTime; colour: StatusColour }[];
  /** Red reports in a row up to now (whole history). */
  red: ColourStreak;
  /** Amber or red reports in a row up to now (whole history). */
  notGreen: ColourStreak;
  /** Green reports in a row up to now (whole history). */
  green: ColourStreak;
}

export type StatusColourResult = SignalResult<'status_colour', StatusColourEvidence>;

/**
 * Status colour: the overall green/amber/red of recent reports, recent ones
 * weighing more, with a penalty for red or amber streaks: one red week is
 * news, three in a row is a pattern.
 */
export function statusColourRule(history: EngagementHistory, asOf: DateTime): StatusColourResult {
  const window = lookBack(history, asOf);
  const known = reportsKnownAt(history, window);
  const streak = (test: (colour: StatusColour) => boolean): ColourStreak => {
    const length = trailingRun(known, (r) => test(r.status));
    return { length, since: length > 0 ? known[known.length - length].dueAt : null };
  };
  const recent = known
    .filter((r) => window.includes(r.dueAt))
    .map((r) => ({ dueAt: r.dueAt, colour: r.status }))
    .reverse();
  const evidence: StatusColourEvidence = {
    recent,
    red: streak((c) => c === 'red'),
    notGreen: streak((c) => c !== 'green'),
    green: streak((c) => c === 'green'),
  };
  const mean = weightedMean(
    recent.map((r) => ({ weight: window.weight(r.dueAt), points: COLOUR_POINTS[r.colour] })),
  );
  const penalty = Math.min(
    STREAK_CAP,
    STREAK_STEP * Math.max(0, evidence.notGreen.length - 1) +
      STREAK_STEP * Math.max(0, evidence.red.length - 1),
  );
  return {
    key: 'status_colour',
    score: mean === null ? null : Math.max(0, toScore(mean) - penalty),
    explanation: explain(evidence),
    evidence,
  };
}

function explain(evidence: StatusColourEvidence): string {
  const { recent } = evidence;
  if (recent.length === 0) return `No status report came in during the last ${LOOKBACK_WEEKS} weeks.`;
  const tally = (colour: StatusColour): number => recent.filter((r) => r.colour === colour).length;
  if (tally('green') === recent.length) {
    return recent.length === 1
      ? 'The one report in the window was green.'
      : `All ${recent.length} reports green.`;
  }
  const colours = (['green', 'amber', 'red'] as const)
    .filter((colour) => tally(colour) > 0)
    .map((colour) => `${tally(colour)} ${colour}`);
  let text = `Last ${count(recent.length, 'report')}: ${joinAnd(colours)}`;
  if (evidence.red.length >= 2) text += `; red ${evidence.red.length} reports running`;
  else if (evidence.notGreen.length >= 2) text += `; not green ${evidence.notGreen.length} reports running`;
  return `${text}.`;
}
