import type { DateTime } from 'luxon';
import type { StatusReport } from './engagement-history';
import { sameSubject, textKey } from './text-key';

/** One report's mention of a blocker. */
export interface BlockerSighting {
  /** Index of the report in the list the threads were built from. */
  reportIndex: number;
  dueAt: DateTime;
  text: string;
  status: 'open' | 'resolved';
  firstSeen: DateTime;
}

/** The same blocker followed across reports, however its wording drifted. */
export interface BlockerThread {
  /** The wording of the latest sighting. */
  text: string;
  /** Oldest first. */
  sightings: readonly BlockerSighting[];
}

interface Building {
  keys: ReadonlySet<string>[];
  sightings: BlockerSighting[];
}

/**
 * Groups the blockers of `reports` (oldest first) into threads by what they
 * are about (see `sameSubject`), so a blocker that is retyped, reworded or
 * resolved and then comes back is recognised as the same one.
 */
export function blockerThreads(reports: readonly StatusReport[]): BlockerThread[] {
  const threads: Building[] = [];
  reports.forEach((report, reportIndex) => {
    for (const blocker of report.blockers) {
      const key = textKey(blocker.text);
      // Compared with the first and the latest wording: enough to follow drift without chaining unrelated text.
      const thread = threads.find(
        (t) => sameSubject(t.keys[0], key) || sameSubject(t.keys[t.keys.length - 1], key),
      );
      const sighting: BlockerSighting = {
        reportIndex,
        dueAt: report.dueAt,
        text: blocker.text,
        status: blocker.status,
        firstSeen: blocker.firstSeen,
      };
      if (thread) {
        thread.keys.push(key);
        thread.sightings.push(sighting);
      } else {
        threads.push({ keys: [key], sightings: [sighting] });
      }
    }
  });
  return threads.map((t) => ({ text: t.sightings[t.sightings.length - 1].text, sightings: t.sightings }));
}

/** The thread's mention in report `reportIndex`, preferring an open one when it is mentioned twice. */
export function sightingIn(thread: BlockerThread, reportIndex: number): BlockerSighting | undefined {
  const here = thread.sightings.filter((s) => s.reportIndex === reportIndex);
  return here.find((s) => s.status === 'open') ?? here[0];
}

/**
 * The current open stretch of a thread that is open in report `last`: the
 * consecutive reports up to `last` in which it was open, when that stretch
 * began (the earliest `firstSeen` the vendor carried, or the first report of
 * the stretch), and whether the blocker had been seen before the stretch,
 * that is, it came back after being resolved or dropped.
 */
export function openStretch(
  thread: BlockerThread,
  last: number,
): { since: DateTime; reports: number; cameBack: boolean } | null {
  if (sightingIn(thread, last)?.status !== 'open') return null;
  let first = last;
  while (first > 0 && sightingIn(thread, first - 1)?.status === 'open') first -= 1;
  const stretch = thread.sightings.filter((s) => s.reportIndex >= first && s.reportIndex <= last);
  let since = stretch[0].dueAt;
  for (const s of stretch) if (s.firstSeen.toMillis() < since.toMillis()) since = s.firstSeen;
  const cameBack = thread.sightings.some((s) => s.reportIndex < first);
  return { since, reports: last - first + 1, cameBack };
}
