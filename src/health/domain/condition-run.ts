/**
 * A clean stretch this long ends a bad run: after three good weeks in a row a
 * new slip starts a new run (and a new `since` date) instead of extending an
 * old one.
 */
export const CLEAN_STRETCH = 3;

/**
 * The first bad item of the current bad run in `items` (oldest first), or
 * null when nothing bad happened since the last clean stretch. This is where
 * a flag's `since` date comes from: it stays put week after week while the
 * condition lasts, and moves only after a real recovery.
 */
export function runStart<T>(
  items: readonly T[],
  isBad: (item: T) => boolean,
  cleanStretch = CLEAN_STRETCH,
): T | null {
  let start: T | null = null;
  let good = 0;
  for (const item of items) {
    if (isBad(item)) {
      if (start === null || good >= cleanStretch) start = item;
      good = 0;
    } else {
      good += 1;
    }
  }
  return start !== null && good < cleanStretch ? start : null;
}

/** How many items at the end of `items` (oldest first) satisfy `test` in a row. */
export function trailingRun<T>(items: readonly T[], test: (item: T) => boolean): number {
  let n = 0;
  for (let i = items.length - 1; i >= 0 && test(items[i]); i -= 1) n += 1;
  return n;
}
