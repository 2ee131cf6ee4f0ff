/**
 * Text for Slack, safe by construction.
 *
 * Slack's mrkdwn (and a message's top-level `text`) treats `<…>` as a link or a
 * mention (`<!channel>`, `<@U123>`, `<https://evil|Open report>`) and `&` as the
 * start of an entity. Everything interpolated into a `mrkdwn` template is
 * escaped unless it is already a `SafeMrkdwn`, and the only ways to get one are
 * `mrkdwn` itself, the helpers below that build known-good tokens, and the
 * explicit, greppable `unsafeRawMrkdwn`. So text people typed (engagement
 * names, report highlights, blockers) can never turn into a link or a ping.
 *
 * Only `&`, `<` and `>` are escaped: Slack decodes exactly those three
 * entities, so escaping anything else would show up as `&#39;` in the client.
 */

import { DateTime } from 'luxon';

/** Escapes the three characters Slack treats as markup: `&`, `<`, `>`. */
export function escapeSlackText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Undoes `escapeSlackText`. Slack escapes `&`, `<`, `>` in what it sends us
 * (slash-command text), so a query for "Acme & Co" arrives as "Acme &amp; Co".
 */
export function unescapeSlackText(value: string): string {
  return value.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * Shortens `value` to at most `maxChars` characters (code points, so an emoji
 * is never cut in half), ending with "…" when it had to cut. Cut user text
 * before escaping it, so an entity such as `&amp;` is never cut either.
 */
export function clipText(value: string, maxChars: number): string {
  const chars = Array.from(value);
  if (chars.length <= maxChars) return value;
  return `${chars.slice(0, Math.max(0, maxChars - 1)).join('')}…`;
}

// Module-private key: only code in this file can construct a SafeMrkdwn.
const issuer: unique symbol = Symbol('SafeMrkdwn issuer');

/** A string of mrkdwn that is known to be safe to send as is. */
export class SafeMrkdwn {
  // An ES private field makes the type nominal: a look-alike `{ text }` object
  // does not type-check as SafeMrkdwn.
  readonly #text: string;

  constructor(key: typeof issuer, text: string) {
    if (key !== issuer) throw new TypeError('SafeMrkdwn is created by mrkdwn`` or its helpers only');
    this.#text = text;
  }

  get text(): string {
    return this.#text;
  }

  toString(): string {
    return this.#text;
  }
}

/**
 * User text escaped and cut so that the *escaped* result has at most
 * `maxChars` characters: `&` becomes five, so clipping before escaping alone
 * could still overflow Slack's 3000-character section limit.
 */
export function fitMrkdwn(value: string, maxChars: number): SafeMrkdwn {
  const escaped = escapeSlackText(value);
  if (escaped.length <= maxChars) return new SafeMrkdwn(issuer, escaped);
  let out = '';
  for (const char of value) {
    const next = escapeSlackText(char);
    // Leave room for the ellipsis (one UTF-16 unit).
    if (out.length + next.length > maxChars - 1) break;
    out += next;
  }
  return new SafeMrkdwn(issuer, `${out}…`);
}

/** What a `mrkdwn` template accepts: text and numbers are escaped, SafeMrkdwn is kept. */
export type MrkdwnValue = string | number | SafeMrkdwn | readonly SafeMrkdwn[];

function render(value: MrkdwnValue): string {
  if (value instanceof SafeMrkdwn) return value.text;
  if (typeof value === 'string') return escapeSlackText(value);
  if (typeof value === 'number') return escapeSlackText(String(value));
  return value.map((part) => part.text).join('');
}

/** Tagged template: `mrkdwn\`*${engagement.name}* missed a report\``. */
export function mrkdwn(strings: TemplateStringsArray, ...values: MrkdwnValue[]): SafeMrkdwn {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new SafeMrkdwn(issuer, out);
}

/** Joins safe fragments with a (literal, trusted) separator. */
export function joinMrkdwn(parts: readonly SafeMrkdwn[], separator: string): SafeMrkdwn {
  return new SafeMrkdwn(issuer, parts.map((p) => p.text).join(separator));
}

/** Escape hatch for mrkdwn that is known to be safe. Greppable on purpose. */
export function unsafeRawMrkdwn(text: string): SafeMrkdwn {
  return new SafeMrkdwn(issuer, text);
}

const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;

/** `<@U123>`: a mention Slack renders as the person's name. The id is checked, not escaped. */
export function mentionUser(slackUserId: string): SafeMrkdwn {
  if (!SLACK_USER_ID.test(slackUserId)) return mrkdwn`${slackUserId}`;
  return new SafeMrkdwn(issuer, `<@${slackUserId}>`);
}

/**
 * An instant shown in the reader's own time zone: Slack's `<!date^…>` token is
 * rendered by each client in its user's zone, so an account manager in Chicago
 * and one in Berlin both read their local time. The fallback (for clients that
 * cannot render it, and notifications) is the UTC time, written out.
 *
 * @param isoInstant an ISO-8601 instant, e.g. `2027-03-09T14:00:00Z`
 * @param format Slack date tokens, e.g. `{date_short_pretty} {time}`
 */
export function slackDate(isoInstant: string, format = '{date_short_pretty} at {time}'): SafeMrkdwn {
  let instant: DateTime;
  try {
    // Throws under `Settings.throwOnInvalid` (the app's setting); checked below otherwise.
    instant = DateTime.fromISO(isoInstant, { zone: 'utc' });
  } catch {
    return mrkdwn`${isoInstant}`;
  }
  if (!(instant.isValid as boolean)) return mrkdwn`${isoInstant}`;
  const epochSeconds = Math.floor(instant.toSeconds());
  // The fallback sits inside `<…|fallback>`: it must not contain `|` or `>`,
  // which a luxon format of digits, letters and spaces never does.
  const fallback = instant.toUTC().toFormat("ccc d LLL yyyy, HH:mm 'UTC'");
  return new SafeMrkdwn(issuer, `<!date^${epochSeconds}^${format}|${fallback}>`);
}

/**
 * An absolute http(s) URL fit for a URL button (Slack allows 3000 characters),
 * or undefined: a `javascript:` or relative link never reaches a button.
 */
export function buttonUrl(candidate: string): string | undefined {
  if (candidate.length > 3000) return undefined;
  try {
    const url = new URL(candidate);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}
