import { html, type SafeHtml } from '../../notifications/email/html';
import { FORM_FIELDS } from '../domain/report-form-input';
import { REPORT_COLOURS, type ReportColour } from '../domain/report.types';
import { renderPage } from './page-layout.view';
import { textareaOf, typedText } from './typed-text.view';
import type { PageNotice, ReportFormView, ReportHeading } from './report-view.model';

const COLOUR_LABELS: Record<ReportColour, string> = {
  green: 'Green: on track',
  amber: 'Amber: at risk',
  red: 'Red: off track, needs help',
};

/**
 * The vendor's status-report form: plain HTML that works without JavaScript
 * (the page has none), every input labelled, errors next to their fields and
 * summarised at the top with links to them, everything typed shown back as
 * typed. Browser-side validation is off (`novalidate`) so that the server's
 * messages, the same as the API's, are the ones people see.
 */
export function renderReportForm(view: ReportFormView): string {
  const errorCount = Object.keys(view.errors).length;
  const main = html`${renderHeading(view.heading)} ${renderNotices(view.notices)}
    ${errorCount > 0 && renderErrorSummary(view)}
    <form method="post" novalidate accept-charset="utf-8">
      <input type="hidden" name="${FORM_FIELDS.csrf}" value="${view.csrf}" />
      <section aria-labelledby="overall-heading">
        <h2 id="overall-heading">Overall status</h2>
        ${statusField(view)}
      </section>
      ${
        view.kpis.length > 0 &&
        html`<section aria-labelledby="kpi-heading">
          <h2 id="kpi-heading">KPIs this period</h2>
          ${view.kpis.map((kpi) =>
            textField(view, {
              name: FORM_FIELDS.kpi(kpi.key),
              label: kpi.unit ? `${kpi.label} (${kpi.unit})` : kpi.label,
              hint: `Target: ${kpi.target}, ${kpi.direction}`,
              inputMode: 'decimal',
            }),
          )}
        </section>`
      }
      <section aria-labelledby="highlights-heading">
        <h2 id="highlights-heading">Highlights</h2>
        ${textArea(view, {
          name: FORM_FIELDS.highlights,
          label: 'What went well this period',
          hint: 'Wins, milestones, people who did great work.',
        })}
      </section>
      <section aria-labelledby="blockers-heading">
        <h2 id="blockers-heading">Blockers</h2>
        ${
          view.carried.length > 0 &&
          html`<p class="hint">Still open from your last report: say whether each is resolved.</p>
            ${view.carried.map((blocker) => carriedField(view, blocker))}`
        }
        <p class="hint">New blockers, one per line. Leave the spare lines empty.</p>
        ${range(view.newBlockerSlots).map((i) =>
          textField(view, { name: FORM_FIELDS.newBlocker(i), label: `New blocker ${i + 1}` }),
        )}
      </section>
      <section aria-labelledby="asks-heading">
        <h2 id="asks-heading">Asks of the client</h2>
        <p class="hint">What you need from the client: a decision, access, data, a person.</p>
        ${range(view.askSlots).map((i) => textField(view, { name: FORM_FIELDS.ask(i), label: `Ask ${i + 1}` }))}
      </section>
      <section aria-labelledby="plan-heading">
        <h2 id="plan-heading">Next period's plan</h2>
        ${textArea(view, { name: FORM_FIELDS.nextWeekPlan, label: 'What you plan to do next' })}
      </section>
      <button type="submit">${view.submitLabel}</button>
    </form>`;
  return renderPage({
    title: `${errorCount > 0 ? 'Please check the report · ' : ''}${view.heading.title} · ${view.heading.engagementName}`,
    basePath: view.basePath,
    main,
  });
}

export function renderHeading(heading: ReportHeading): SafeHtml {
  return html`<header class="report">
    <h1>${heading.title}</h1>
    <dl class="facts">
      <dt>Engagement</dt>
      <dd>${heading.engagementName} (${heading.parties})</dd>
      <dt>Period</dt>
      <dd>${heading.period}</dd>
      <dt>Due</dt>
      <dd>${heading.due}</dd>
    </dl>
  </header>`;
}

export function renderNotices(notices: readonly PageNotice[]): SafeHtml {
  return html`${notices.map(
    (notice) => html`<p class="notice${notice.tone === 'warn' ? ' warn' : ''}">${notice.text}</p>`,
  )}`;
}

/** A stable, CSS- and URL-safe id for a field name (names hold dots and blocker ids). */
export function fieldId(name: string): string {
  return `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

function renderErrorSummary(view: ReportFormView): SafeHtml {
  const errors = view.errors;
  return html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title">
    <h2 id="error-summary-title">
      The report was not sent: please check
      ${Object.keys(errors).length === 1 ? 'this field' : 'these fields'}
    </h2>
    <ul>
      ${Object.entries(errors).map(
        ([name, message]) =>
          html`<li><a href="#${fieldId(name)}">${describeField(view, name)}: ${message}</a></li>`,
      )}
    </ul>
  </div>`;
}

function describeField(view: ReportFormView, name: string): string {
  if (name === FORM_FIELDS.status) return 'Overall status';
  if (name === FORM_FIELDS.highlights) return 'Highlights';
  if (name === FORM_FIELDS.nextWeekPlan) return "Next period's plan";
  const [group, rest] = [name.slice(0, name.indexOf('.')), name.slice(name.indexOf('.') + 1)];
  switch (group) {
    case 'kpis':
      return view.kpis.find((k) => k.key === rest)?.label ?? rest;
    case 'carried':
      return 'Blocker from your last report';
    case 'newBlockers':
      return `New blocker ${Number(rest) + 1}`;
    case 'asks':
      return `Ask ${Number(rest) + 1}`;
    default:
      return name;
  }
}

function errorOf(view: ReportFormView, name: string): SafeHtml | null {
  const message = Object.hasOwn(view.errors, name) ? view.errors[name] : undefined;
  return message === undefined
    ? null
    : html`<span class="field-error" id="${fieldId(name)}-error">${message}</span>`;
}

function valueOf(view: ReportFormView, name: string): string {
  return Object.hasOwn(view.values, name) ? (view.values[name] ?? '') : '';
}

function describedBy(view: ReportFormView, name: string, hint: boolean): string | null {
  const ids = [
    ...(hint ? [`${fieldId(name)}-hint`] : []),
    ...(Object.hasOwn(view.errors, name) ? [`${fieldId(name)}-error`] : []),
  ];
  return ids.length > 0 ? ids.join(' ') : null;
}

function statusField(view: ReportFormView): SafeHtml {
  const name = FORM_FIELDS.status;
  const invalid = Object.hasOwn(view.errors, name);
  const describe = describedBy(view, name, true);
  return html`<fieldset
    id="${fieldId(name)}"
    class="field${invalid ? ' invalid' : ''}"
    ${describe && html`aria-describedby="${describe}"`}
  >
    <legend>How is the work going overall?</legend>
    <span class="hint" id="${fieldId(name)}-hint">Choose one.</span>
    ${errorOf(view, name)}
    <div class="choices">
      ${REPORT_COLOURS.map(
        (colour) =>
          html`<label class="choice" for="${fieldId(name)}-${colour}">
            <input
              type="radio"
              id="${fieldId(name)}-${colour}"
              name="${name}"
              value="${colour}"
              ${valueOf(view, name) === colour && html`checked`}
            />
            <span class="swatch ${colour}" aria-hidden="true"></span>
            ${COLOUR_LABELS[colour]}
          </label>`,
      )}
    </div>
  </fieldset>`;
}

function textField(
  view: ReportFormView,
  field: { name: string; label: string; hint?: string; inputMode?: 'decimal' },
): SafeHtml {
  const id = fieldId(field.name);
  const invalid = Object.hasOwn(view.errors, field.name);
  const describe = describedBy(view, field.name, field.hint !== undefined);
  return html`<div class="field${invalid ? ' invalid' : ''}">
    <label for="${id}">${field.label}</label>
    ${field.hint !== undefined && html`<span class="hint" id="${id}-hint">${field.hint}</span>`}
    ${errorOf(view, field.name)}
    <input
      type="text"
      id="${id}"
      name="${field.name}"
      value="${valueOf(view, field.name)}"
      autocomplete="off"
      ${field.inputMode && html`inputmode="${field.inputMode}"`}
      ${describe && html`aria-describedby="${describe}"`}
      ${invalid && html`aria-invalid="true"`}
    />
  </div>`;
}

function textArea(view: ReportFormView, field: { name: string; label: string; hint?: string }): SafeHtml {
  const id = fieldId(field.name);
  const invalid = Object.hasOwn(view.errors, field.name);
  const describe = describedBy(view, field.name, field.hint !== undefined);
  return html`<div class="field${invalid ? ' invalid' : ''}">
    <label for="${id}">${field.label}</label>
    ${field.hint !== undefined && html`<span class="hint" id="${id}-hint">${field.hint}</span>`}
    ${errorOf(view, field.name)}
    ${textareaOf({ id, name: field.name, describedBy: describe, invalid }, valueOf(view, field.name))}
  </div>`;
}

function carriedField(view: ReportFormView, blocker: { id: string; text: string; since: string }): SafeHtml {
  const name = FORM_FIELDS.carried(blocker.id);
  const id = fieldId(name);
  const invalid = Object.hasOwn(view.errors, name);
  const chosen = valueOf(view, name);
  const option = (value: 'open' | 'resolved', label: string): SafeHtml =>
    html`<label class="choice" for="${id}-${value}">
      <input
        type="radio"
        id="${id}-${value}"
        name="${name}"
        value="${value}"
        ${chosen === value && html`checked`}
      />
      ${label}
    </label>`;
  return html`<fieldset
    id="${id}"
    class="carried field${invalid ? ' invalid' : ''}"
    aria-describedby="${id}-hint${invalid ? ` ${id}-error` : ''}"
  >
    <legend>Blocker from your last report</legend>
    <p class="blocker-text">${typedText(blocker.text)}</p>
    <span class="hint" id="${id}-hint">${blocker.since}</span>
    ${errorOf(view, name)}
    <div class="choices">
      ${option('open', 'Still open: carry it over')} ${option('resolved', 'Resolved')}
    </div>
  </fieldset>`;
}

function range(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i);
}
