import { createHash } from 'node:crypto';
import { html, unsafeRaw, type SafeHtml } from '../../notifications/email/html';
import type { UnsubscribeSubject } from './digest-unsubscribe.service';

/** A page ready to send: status and a complete HTML document. */
export interface UnsubscribePage {
  status: number;
  html: string;
}

// One small stylesheet inline: the page loads nothing else (its CSP allows only this).
const STYLE = `body{margin:0;background:#f4f5f7;color:#1f2933;font:16px/1.5 -apple-system,Segoe UI,Helvetica,Arial,sans-serif}
main{max-width:480px;margin:48px auto;padding:28px 24px;background:#fff;border:1px solid #d9dde3;border-radius:10px}
h1{margin:0 0 12px;font-size:22px;line-height:1.3}p{margin:0 0 14px}.muted{color:#52606d;font-size:14px}
button{font:inherit;font-weight:600;padding:10px 18px;border:0;border-radius:6px;background:#1f4e9c;color:#fff;cursor:pointer}
button:focus-visible{outline:3px solid #f0b429;outline-offset:2px}`;

// Built outside the template so formatting the markup can never change the bytes the CSP hash covers.
const STYLE_ELEMENT = unsafeRaw(`<style>${STYLE}</style>`);

/**
 * Headers of every unsubscribe page: no script at all, only the one inline
 * stylesheet above (by its hash), forms post only back here, no framing. The
 * URL holds the token: no Referer may carry it off, and no cache may keep it.
 */
export const UNSUBSCRIBE_PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  'x-frame-options': 'DENY',
  'content-type': 'text/html; charset=utf-8',
};

function page(status: number, title: string, body: SafeHtml): UnsubscribePage {
  const document = html`<!DOCTYPE html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>${title} · Cadence</title>
        ${STYLE_ELEMENT}
      </head>
      <body>
        <main>${body}</main>
      </body>
    </html>`;
  return { status, html: document.value };
}

/**
 * What the link in the digest opens: who it is for and a button. Opening it
 * changes nothing (mail scanners open links); only the button's POST does.
 * The form posts to its own URL, so it works under any base path.
 */
export function confirmUnsubscribePage(subject: UnsubscribeSubject): UnsubscribePage {
  if (subject.unsubscribed) return unsubscribedPage(subject);
  return page(
    200,
    'Unsubscribe from the weekly digest',
    html`<h1>Stop the weekly digest?</h1>
      <p>Cadence sends <strong>${subject.name}</strong> (${subject.email}) a portfolio digest once a week.</p>
      <form method="post">
        <input type="hidden" name="List-Unsubscribe" value="One-Click" />
        <p><button type="submit">Unsubscribe</button></p>
      </form>
      <p class="muted">Nothing changes until you press the button.</p>`,
  );
}

/** After the POST, or when the link is opened again later. */
export function unsubscribedPage(subject: UnsubscribeSubject): UnsubscribePage {
  return page(
    200,
    'Unsubscribed',
    html`<h1>You are unsubscribed</h1>
      <p>${subject.name} (${subject.email}) will get no more weekly digests from Cadence.</p>
      <p class="muted">Changed your mind? Ask your Cadence administrator to turn the digest back on.</p>`,
  );
}

/** Deliberately the same for every bad token: it says nothing about why. */
export function unknownLinkPage(): UnsubscribePage {
  return page(
    404,
    'Link not found',
    html`<h1>This link does not work</h1>
      <p>It does not unsubscribe anyone. Use the link in the latest digest you received.</p>`,
  );
}

/** A POST that is not RFC 8058's `List-Unsubscribe=One-Click`. */
export function notOneClickPage(): UnsubscribePage {
  return page(
    400,
    'Not unsubscribed',
    html`<h1>Nothing changed</h1>
      <p>
        This request was not a one-click unsubscribe. Open the link from the digest and press the button.
      </p>`,
  );
}
