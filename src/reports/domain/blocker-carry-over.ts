import type { ValidBlocker } from './report-rules';
import type { StoredBlocker } from './report.types';

/** The blockers of a report that are still open: what the next report brings back. */
export function openBlockers(blockers: readonly StoredBlocker[]): StoredBlocker[] {
  return blockers.filter((b) => b.status === 'open');
}

export interface BlockerIdentity {
  /** The blockers the report held before this submission (an edit); empty on the first one. */
  existing: readonly StoredBlocker[];
  /** Due instant (ISO, UTC) of the report being stored: when a new blocker is first seen. */
  dueAt: string;
  newId: () => string;
}

/**
 * Gives validated blockers their identity. A carried blocker keeps the
 * `firstSeenAt` of the one it carries and points at it with `carriedFrom`, so
 * a blocker can be followed from report to report. On an edit, a blocker that
 * was already there (the same carried one, or a new one with the same text)
 * keeps its id, so editing a report does not make its blockers look new.
 */
export function assembleBlockers(
  blockers: readonly ValidBlocker[],
  identity: BlockerIdentity,
): StoredBlocker[] {
  const unused = [...identity.existing];
  const take = (match: (b: StoredBlocker) => boolean): StoredBlocker | undefined => {
    const index = unused.findIndex(match);
    return index < 0 ? undefined : unused.splice(index, 1)[0];
  };
  return blockers.map((blocker) => {
    if (blocker.carriedFrom !== null) {
      const from = blocker.carriedFrom;
      const before = take((b) => b.carriedFrom === from.id);
      return {
        id: before?.id ?? identity.newId(),
        text: blocker.text,
        status: blocker.status,
        carriedFrom: from.id,
        firstSeenAt: from.firstSeenAt,
      };
    }
    const before = take((b) => b.carriedFrom === undefined && sameText(b.text, blocker.text));
    return {
      id: before?.id ?? identity.newId(),
      text: blocker.text,
      status: blocker.status,
      firstSeenAt: before?.firstSeenAt ?? identity.dueAt,
    };
  });
}

function sameText(a: string, b: string): boolean {
  const key = (s: string): string => s.trim().replace(/\s+/g, ' ').toLowerCase();
  return key(a) === key(b);
}
