/**
 * A tiny, dependency-free templating helper for email bodies.
 *
 * Every value interpolated into an `html` template is escaped unless it is a
 * `SafeHtml`, and the only ways to get one are `html` itself and the explicit,
 * greppable `unsafeRaw`. So text people typed (report highlights, blockers,
 * engagement names) can never turn into markup by accident.
 *
 * Attribute values must be quoted in the template (`href="${url}"`): escaping
 * makes a quoted attribute safe, it cannot make an unquoted one safe.
 */

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes the five characters that matter in HTML text and quoted attributes. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

// Module-private key: only code in this file can construct a SafeHtml, so the
// only doors are `html` and the explicit `unsafeRaw`.
const issuer: unique symbol = Symbol('SafeHtml issuer');

/** A string of HTML that is known to be safe to emit as is. */
export class SafeHtml {
  // An ES private field makes the type nominal: a look-alike `{ value }` object
  // does not type-check as SafeHtml.
  readonly #value: string;

  constructor(key: typeof issuer, value: string) {
    if (key !== issuer) throw new TypeError('SafeHtml is created by html`` or unsafeRaw() only');
    this.#value = value;
  }

  get value(): string {
    return this.#value;
  }

  toString(): string {
    return this.#value;
  }
}

/**
 * What may be interpolated. `null`, `undefined` and `false` render as nothing so
 * that `${cond && html`...`}` reads naturally; `true` and plain objects are not
 * allowed, because they would render as "true" or "[object Object]".
 */
export type HtmlValue = string | number | bigint | SafeHtml | null | undefined | false | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return (value as readonly HtmlValue[]).map(render).join('');
  return escapeHtml(String(value));
}

/** Tagged template: escapes every interpolated value that is not `SafeHtml`. */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) {
    out += render(values[i]) + (strings[i + 1] ?? '');
  }
  return new SafeHtml(issuer, out);
}

/**
 * Marks a string as trusted HTML without escaping it. Only for markup the code
 * itself produced (an inline SVG chart, a vetted snippet); never for anything
 * that came from a person or a database column they can write to.
 */
export function unsafeRaw(trustedMarkup: string): SafeHtml {
  return new SafeHtml(issuer, trustedMarkup);
}

/**
 * Returns the URL if it is http(s) or mailto, otherwise `about:blank`.
 * Escaping does not stop `javascript:` in an href, so links built from stored
 * data go through this first.
 */
export function safeUrl(url: string): string {
  const trimmed = url.trim();
  return /^(https?:\/\/|mailto:)/i.test(trimmed) ? trimmed : 'about:blank';
}

/** What may be interpolated into a `text` template. */
export type TextValue = string | number | bigint | null | undefined | false | readonly TextValue[];

function renderText(value: TextValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return (value as readonly TextValue[]).map(renderText).join('\n');
  return String(value);
}

/**
 * Tagged template for plain-text parts. Plain text needs no escaping, but it
 * must not carry control characters (a stray form feed or escape sequence
 * ends up in someone's terminal mail client), and line endings are normalised
 * to `\n` (the mailer writes CRLF on the wire). Arrays render one item a line.
 */
export function text(strings: TemplateStringsArray, ...values: readonly TextValue[]): string {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) {
    out += renderText(values[i]) + (strings[i + 1] ?? '');
  }
  return plainText(out);
}

/** Normalises line endings and removes control characters other than tab and newline. */
export function plainText(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}
