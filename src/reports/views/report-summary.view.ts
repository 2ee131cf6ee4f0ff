import { html, type SafeHtml } from '../../notifications/email/html';
import { renderPage } from './page-layout.view';
import { renderHeading, renderNotices } from './report-form.view';
import { typedText } from './typed-text.view';
import type { ReportHeading, ReportSummaryView } from './report-view.model';

const COLOUR_NAMES = { green: 'Green', amber: 'Amber', red: 'Red' } as const;

/** The confirmation after sending: what was stored, exactly as typed, and until when it can change. */
export function renderReportConfirmation(view: ReportSummaryView): string {
  return renderPage({
    title: `Report received · ${view.heading.engagementName}`,
    basePath: view.basePath,
    main: html`${renderHeading(view.heading)}
      <p class="notice" role="status">
        Thank you: your report was received ${view.received}.${view.late && html` It is marked late.`}
      </p>
      ${renderNotices(view.notices)} ${renderStoredReport(view)}
      ${
        view.edit &&
        html`<p class="panel">
          You can change this report until ${view.edit.until}.
          <a href="${view.edit.href}">Change this report</a>
        </p>`
      }`,
  });
}

/** A report that can no longer be sent or changed: why, and what was stored, if anything. */
export function renderReportClosed(page: {
  basePath: string;
  heading: ReportHeading;
  message: string;
  stored: ReportSummaryView | null;
}): string {
  return renderPage({
    title: `Report closed · ${page.heading.engagementName}`,
    basePath: page.basePath,
    main: html`${renderHeading(page.heading)}
      <p class="notice warn" role="status">${page.message}</p>
      ${page.stored && html`<p>This is the report that was received ${page.stored.received}.</p>`}
      ${page.stored && renderStoredReport(page.stored)}`,
  });
}

function renderStoredReport(view: ReportSummaryView): SafeHtml {
  return html`<section class="panel" aria-labelledby="stored-heading">
    <h2 id="stored-heading">Your report</h2>
    <dl class="facts">
      <dt>Overall status</dt>
      <dd><span class="tag ${view.status}">${COLOUR_NAMES[view.status]}</span></dd>
    </dl>
    ${
      view.kpis.length > 0 &&
      html`<h2>KPIs</h2>
        <table class="kpis">
          <thead>
            <tr>
              <th scope="col">KPI</th>
              <th scope="col">Reported</th>
              <th scope="col">Target</th>
            </tr>
          </thead>
          <tbody>
            ${view.kpis.map(
              (kpi) =>
                html`<tr>
                  <th scope="row">${kpi.label}</th>
                  <td>${kpi.value}</td>
                  <td>${kpi.target}</td>
                </tr>`,
            )}
          </tbody>
        </table>`
    }
    <h2>Highlights</h2>
    ${typed(view.highlights)}
    <h2>Blockers</h2>
    ${
      view.blockers.length === 0
        ? html`<p>None.</p>`
        : html`<ul class="items">
            ${view.blockers.map(
              (b) =>
                html`<li>
                  ${typedText(b.text)} <span class="tag">${b.status}</span>
                  ${b.carried && html`<span class="tag">from last report</span>`}
                </li>`,
            )}
          </ul>`
    }
    <h2>Asks of the client</h2>
    ${
      view.asks.length === 0
        ? html`<p>None.</p>`
        : html`<ul class="items">
            ${view.asks.map((ask) => html`<li>${typedText(ask)}</li>`)}
          </ul>`
    }
    <h2>Next period's plan</h2>
    ${typed(view.nextWeekPlan)}
  </section>`;
}

function typed(value: string): SafeHtml {
  return value.trim() === '' ? html`<p>None.</p>` : html`<div class="typed-block">${typedText(value)}</div>`;
}
