import { html, type SafeHtml } from '../../notifications/email/html';

/** Where the stylesheet lives, relative to the public base path. */
export const REPORT_CSS_PATH = '/assets/report-form.css';

/** One page of the vendor form: no script anywhere, one same-origin stylesheet. */
export function renderPage(page: { title: string; basePath: string; main: SafeHtml }): string {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>${page.title}</title>
        <link rel="stylesheet" href="${page.basePath}${REPORT_CSS_PATH}" />
      </head>
      <body>
        <main>${page.main}</main>
      </body>
    </html> `.value;
}

/**
 * A page for a link that cannot be used, or a request that could not be
 * served. It names no engagement, report or person: the link may be a
 * stranger's guess.
 */
export function renderProblemPage(problem: {
  title: string;
  message: string;
  basePath: string;
  action?: { href: string; label: string };
}): string {
  return renderPage({
    title: `${problem.title} · Cadence`,
    basePath: problem.basePath,
    main: html`<section class="panel">
      <h1>${problem.title}</h1>
      <p>${problem.message}</p>
      ${problem.action && html`<p><a href="${problem.action.href}">${problem.action.label}</a></p>`}
    </section>`,
  });
}
