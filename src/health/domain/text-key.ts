/**
 * Words that say nothing about which blocker or ask a sentence is about:
 * "Still waiting on CRM access" and "CRM access" are the same blocker.
 */
const FILLER = new Set([
  'a',
  'an',
  'the',
  'of',
  'for',
  'to',
  'on',
  'in',
  'at',
  'by',
  'from',
  'with',
  'and',
  'or',
  'is',
  'are',
  'be',
  'been',
  'still',
  'no',
  'not',
  'yet',
  'again',
  'waiting',
  'wait',
  'awaiting',
  'pending',
  'need',
  'needs',
  'needed',
  'please',
  'issue',
  'issues',
  'problem',
  'blocked',
  'blocker',
  'it',
  'its',
  'we',
  'our',
  'us',
  'they',
  'their',
]);

/**
 * The words that identify a blocker or ask: accents folded, case and
 * punctuation dropped, filler removed, a plural "s" trimmed ("approvals" and
 * "Approval" match, "access" stays "access").
 */
export function textKey(text: string): ReadonlySet<string> {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '' && !FILLER.has(word))
    .map((word) =>
      word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word,
    );
  if (words.length === 0) {
    // All filler ("Still waiting"): fall back to the whole folded text so it only matches itself.
    return new Set([text.trim().toLowerCase()]);
  }
  return new Set(words);
}

/**
 * True when two keys name the same subject: half or more of their words are
 * shared, or one key contains the other and has at least two words
 * ("CRM access" inside "CRM access for the Manila team").
 */
export function sameSubject(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared += 1;
  if (shared === 0) return false;
  const union = a.size + b.size - shared;
  if (shared / union >= 0.5) return true;
  return shared === Math.min(a.size, b.size) && shared >= 2;
}
