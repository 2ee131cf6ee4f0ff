import type { FastifyReply } from 'fastify';

/**
 * Headers of every vendor form page. No script may run (the pages have none,
 * so an injected one cannot either), styles come only from our own
 * stylesheet, forms post only back here, and nothing may frame the page. The
 * URL holds the capability token: no Referer may carry it elsewhere, and no
 * cache may keep the page.
 */
export const REPORT_PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy':
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/** The CSRF nonce cookie's name. */
export const FORM_NONCE_COOKIE = 'cadence_form';

export function sendHtml(reply: FastifyReply, status: number, body: string): void {
  void reply
    .status(status)
    .headers(REPORT_PAGE_HEADERS)
    .header('content-type', 'text/html; charset=utf-8')
    .send(body);
}

/** Reads one cookie from a Cookie header (no cookie library for one value). */
export function readCookie(header: string | undefined, name: string): string | null {
  if (header === undefined) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/**
 * The nonce cookie: `SameSite=Strict` so a cross-site POST never carries it,
 * `HttpOnly` because no script needs it, scoped to the form's path, `Secure`
 * when Cadence is served over https. It lives a month, renewed on every visit,
 * so a form left open for days can still be sent.
 */
export function nonceCookie(nonce: string, basePath: string, secure: boolean): string {
  return [
    `${FORM_NONCE_COOKIE}=${nonce}`,
    `Path=${basePath}/r/`,
    'Max-Age=2592000',
    'HttpOnly',
    'SameSite=Strict',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}
