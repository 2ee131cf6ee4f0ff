import { safeUrl, unsafeRaw, type SafeHtml } from '../../notifications/email/html';
import { html } from './compact-html';
import { BAND_COLOURS, GOOD_COLOURS, PALETTE, SEVERITY_COLOURS, type ColourPair } from './digest-palette';
import type {
  AskItem,
  DigestView,
  EngagementGroup,
  EngagementRef,
  EngagementRow,
  FlagItem,
  HighlightItem,
  KpiItem,
  TouchpointItem,
  TrendView,
  VendorDisruptions,
} from './digest-view';
import { trendChartHtml } from './trend-chart.template';

// Inline styles only: Gmail and Outlook drop <style> blocks and classes.
// The font is set on every table cell and heading (Outlook does not carry it
// into nested tables) and inherited by everything inside them. Font names are
// unquoted so the strings need no escaping inside style="…".
const FONT = 'font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif';
const TEXT = `font-size:15px;line-height:1.5;color:${PALETTE.text}`;
const SMALL = `font-size:13px;line-height:1.45;color:${PALETTE.muted}`;
const CELL = `${FONT};${TEXT}`;
const MUTED = `color:${PALETTE.muted}`;
// Long unbroken words (a pasted URL in an ask) must wrap rather than widen the phone layout.
const WRAP = 'overflow-wrap:anywhere;word-break:break-word';
const QUIET_LINK = `color:${PALETTE.muted};text-decoration:underline`;
// Layout tables are not data tables: screen readers should read straight through them.
const TABLE_ATTRS = unsafeRaw('role="presentation" cellpadding="0" cellspacing="0" border="0"');

/**
 * The HTML part: a complete document for mail clients and the web version.
 * Table layout, inline CSS, no scripts, no remote images, at most 640 px wide
 * and fluid below that, so it reads on a phone without media queries. Every
 * string from the view goes through `html`, so text people typed is escaped.
 */
export function digestHtml(view: DigestView, subject: string): string {
  const body = view.emptyLine === null ? fullBody(view) : [headerCard(view, view.emptyLine)];
  return html`<!DOCTYPE html>
    <html lang="${view.lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="x-apple-disable-message-reformatting" />
        <meta name="color-scheme" content="light" />
        <meta name="supported-color-schemes" content="light" />
        <title>${subject}</title>
      </head>
      <body
        style="margin:0;padding:0;background-color:${PALETTE.page};-webkit-text-size-adjust:100%;text-size-adjust:100%"
      >
        <div style="display:none;max-height:0;overflow:hidden;mso-hide:all" aria-hidden="true">
          ${preheader(view)}
        </div>
        <table ${TABLE_ATTRS} width="100%" bgcolor="${PALETTE.page}" style="background-color:${PALETTE.page}">
          <tr>
            <td align="center" style="padding:20px 10px 32px">
              <!--[if mso]><table ${TABLE_ATTRS} width="640" align="center"><tr><td><![endif]-->
              <table ${TABLE_ATTRS} width="100%" style="max-width:640px;margin:0 auto">
                <tr>
                  <td style="padding:0 6px 10px">
                    <table ${TABLE_ATTRS} width="100%">
                      <tr>
                        <td
                          style="${FONT};${SMALL};font-weight:600;letter-spacing:0.04em;text-transform:uppercase"
                        >
                          Cadence · weekly digest
                        </td>
                        <td align="right" style="${FONT};${SMALL}">
                          <a href="${safeUrl(view.links.webVersion)}" style="${QUIET_LINK}"
                            >View in browser</a
                          >
                        </td>
                      </tr>
                    </table>
                  </td>
                </tr>
                ${body} ${footer(view)}
              </table>
              <!--[if mso]></td></tr></table><![endif]-->
            </td>
          </tr>
        </table>
      </body>
    </html> `.value;
}

function preheader(view: DigestView): string {
  const worst = view.engagements[0];
  if (view.emptyLine !== null || !worst || !worst.needsAttention) return `${view.headline}.`;
  return `${view.headline}. Worst: ${worst.name}, ${worst.bandLabel.toLowerCase()} at ${worst.score}.`;
}

function fullBody(view: DigestView): SafeHtml[] {
  const sections = [
    headerCard(view, null),
    portfolio(view),
    flags(view),
    touchpoints(view),
    view.kpisOff.length + view.kpisOn.length > 0 ? kpis(view) : null,
    view.highlights.length > 0 ? highlights(view.highlights) : null,
    view.asks.length > 0 ? asks(view.asks) : null,
    view.disruptions.length > 0 ? disruptions(view) : null,
  ];
  return sections.filter((s): s is SafeHtml => s !== null);
}

/** A white card with a gap below it. */
function card(content: SafeHtml): SafeHtml {
  return html`<tr>
    <td style="padding:0 0 14px">
      <table
        ${TABLE_ATTRS}
        width="100%"
        bgcolor="${PALETTE.card}"
        style="background-color:${PALETTE.card};border:1px solid ${PALETTE.rule};border-radius:10px"
      >
        <tr>
          <td style="padding:20px 20px 18px;${CELL};${WRAP}">${content}</td>
        </tr>
      </table>
    </td>
  </tr> `;
}

function heading(title: string, note: string | null = null): SafeHtml {
  return html`<h2
      style="margin:0 0 ${note ? 2 : 12}px;${FONT};font-size:17px;line-height:1.3;font-weight:700;color:${PALETTE.text}"
    >
      ${title}
    </h2>
    ${note ? html`<p style="margin:0 0 12px;${SMALL}">${note}</p>` : ''}`;
}

function pill(text: string, colours: ColourPair): SafeHtml {
  return html`<span
    style="padding:1px 8px;border-radius:9px;background:${colours.bg};color:${colours.fg};font-size:12px;font-weight:600;white-space:nowrap"
    >${text}</span
  >`;
}

/** The engagement's name linking to its page; only the portfolio links, the sections below name it in bold. */
function engagementLink(e: EngagementRef): SafeHtml {
  return html`<a href="${safeUrl(e.url)}" style="color:${PALETTE.text};text-decoration:none;font-weight:600"
    >${e.name}</a
  >`;
}

/** "Acme × Cairo Support · Nile Contact Center", the line that opens each engagement's block. */
function engagementLine(e: EngagementRef, margin: string): SafeHtml {
  return html`<p style="margin:${margin};font-size:14px;line-height:1.4">
    <strong>${e.name}</strong> <span style="${SMALL}">· ${e.vendorName}</span>
  </p>`;
}

function headerCard(view: DigestView, emptyLine: string | null): SafeHtml {
  const chips = view.bandCounts.map((b) => html`${pill(`${b.count} ${b.label}`, BAND_COLOURS[b.band])} `);
  const greeting =
    emptyLine === null
      ? html`Hi ${view.readerName}, here is where to look this week. Times are in ${view.zoneName}.`
      : html`Hi ${view.readerName}. ${emptyLine}`;
  return card(
    html`<h1
        style="margin:0 0 4px;${FONT};font-size:24px;line-height:1.25;font-weight:700;color:${PALETTE.text}"
      >
        ${view.headline}
      </h1>
      <p style="margin:0 0 14px;${SMALL}">${view.weekLabel} · ${view.weekRange}</p>
      ${chips.length > 0 ? html`<p style="margin:0 0 14px;line-height:26px">${chips}</p>` : ''}
      <p style="margin:0">${greeting}</p>`,
  );
}

function portfolio(view: DigestView): SafeHtml {
  const rows = view.engagements.map((e, i) => engagementRow(e, i === 0));
  return card(
    html`${heading('Portfolio, worst first', 'Score out of 100 · arrow: change over 4 weeks · bars: the last 8 weeks, this week in colour')}
      <table ${TABLE_ATTRS} width="100%">
        ${rows}
      </table>`,
  );
}

function engagementRow(e: EngagementRow, first: boolean): SafeHtml {
  const border = first ? '' : `border-top:1px solid ${PALETTE.rule};`;
  return html`<tr>
    <td valign="top" style="${border}padding:12px 10px 12px 0;${CELL};${WRAP}">
      <div style="line-height:1.35">${engagementLink(e)}</div>
      <div style="${SMALL}">${e.vendorName} · ${e.accountManagerName}</div>
      <div style="margin-top:6px;line-height:22px">
        ${pill(e.bandLabel, BAND_COLOURS[e.band])} <strong>${e.score}</strong> ${trend(e.trend)}
      </div>
      ${e.reasons ? html`<div style="margin-top:4px;font-size:13px;line-height:1.45">${e.reasons}</div>` : ''}
    </td>
    <td valign="top" align="right" width="94" style="${border}padding:14px 0 12px">
      ${trendChartHtml(e.history, e.band, e.historySpoken)}
    </td>
  </tr>`;
}

function trend(t: TrendView): SafeHtml {
  const colour =
    t.direction === 'down'
      ? BAND_COLOURS.strained.fg
      : t.direction === 'up'
        ? BAND_COLOURS.healthy.fg
        : PALETTE.muted;
  // The arrow and figure are drawn for the eye; screen readers hear the sentence instead.
  return html`<span
    role="img"
    aria-label="${t.spoken}"
    style="font-size:13px;font-weight:600;color:${colour};white-space:nowrap"
    >${t.arrow} ${t.short}</span
  >`;
}

function groupBlock<T>(groups: readonly EngagementGroup<T>[], item: (i: T) => SafeHtml): SafeHtml[] {
  return groups.map(
    (g, i) =>
      html`<div
        style="${i === 0 ? '' : `margin-top:14px;padding-top:12px;border-top:1px solid ${PALETTE.rule}`}"
      >
        ${engagementLine(g.engagement, '0 0 4px')} ${g.items.map(item)}
      </div>`,
  );
}

function flags(view: DigestView): SafeHtml {
  if (view.flags.length === 0) {
    return card(
      html`${heading('New flags')}
        <p style="margin:0">No new flags since last week.</p>`,
    );
  }
  const item = (f: FlagItem): SafeHtml =>
    html`<p style="margin:6px 0 0">
      ${pill(f.severityLabel, SEVERITY_COLOURS[f.severity])} ${f.message}
      <span style="${SMALL};white-space:nowrap">${f.since}</span>
    </p>`;
  return card(
    html`${heading('New flags', 'Raised since last week, with the evidence')}${groupBlock(view.flags, item)}`,
  );
}

function touchpoints(view: DigestView): SafeHtml {
  const item = (t: TouchpointItem): SafeHtml =>
    html`<p style="margin:6px 0 0">
      <strong>${t.title}</strong>
      ${pill(t.what, t.status === 'late' ? SEVERITY_COLOURS.warning : SEVERITY_COLOURS.critical)}<br /><span
        style="${SMALL}"
        >${t.when}</span
      >
    </p>`;
  const issues =
    view.touchpoints.length === 0
      ? html`<p style="margin:0">Every touchpoint last week happened on time.</p>`
      : groupBlock(view.touchpoints, item);
  const skips =
    view.skips.length === 0
      ? ''
      : html`<div
          style="margin-top:16px;padding:12px 14px;border-radius:8px;background-color:${PALETTE.subtle};border-left:4px solid ${GOOD_COLOURS.fg};font-size:14px;line-height:1.45"
        >
          <p style="margin:0 0 4px;font-weight:700">Skipped for holidays — not misses</p>
          ${view.skips.map((s) => html`<p style="margin:4px 0 0"><strong>${s.engagement.name}</strong>: ${s.title}, ${s.day}, ${s.note}.</p>`)}
        </div>`;
  return card(html`${heading('Missed or late last week', view.lastWeekRange)}${issues}${skips}`);
}

function kpis(view: DigestView): SafeHtml {
  const off = view.kpisOff.map(
    (g, i) =>
      html`<div style="${i === 0 ? '' : 'margin-top:14px'}">
        ${engagementLine(g.engagement, '0 0 2px')}
        <table ${TABLE_ATTRS} width="100%">
          ${g.items.map(kpiRow)}
        </table>
      </div>`,
  );
  const on =
    view.kpisOn.length === 0
      ? ''
      : html`<div
          style="margin-top:${view.kpisOff.length > 0 ? 16 : 0}px;padding:12px 14px;border-radius:8px;background-color:${PALETTE.subtle};font-size:14px;line-height:1.45"
        >
          <p style="margin:0 0 2px">${pill('✓ on target', GOOD_COLOURS)}</p>
          ${view.kpisOn.map(
            (g) =>
              html`<p style="margin:6px 0 0">
                <strong>${g.engagement.name}</strong>:
                ${g.items.map(
                  (k, i) =>
                    html`${i === 0 ? '' : ' · '}${k.label} <strong>${k.value}</strong>
                      <span style="${MUTED};white-space:nowrap">(${k.targetShort})</span>`,
                )}
              </p>`,
          )}
        </div>`;
  return card(html`${heading('KPIs against target', view.kpiSummary)}${off}${on}`);
}

/** Two columns that survive a phone: the KPI with its figures under it, and the verdict. */
function kpiRow(k: KpiItem): SafeHtml {
  const verdict = k.verdict === 'not reported' ? SEVERITY_COLOURS.warning : SEVERITY_COLOURS.critical;
  const rule = `padding:6px 0;border-top:1px solid ${PALETTE.rule}`;
  return html`<tr>
    <td
      valign="top"
      style="${rule};padding-right:10px;${FONT};font-size:14px;line-height:1.4;color:${PALETTE.text};${WRAP}"
    >
      ${k.label}<br /><strong>${k.value}</strong> <span style="${MUTED}">${k.target}</span>
    </td>
    <td valign="top" align="right" style="${rule};${FONT}">${pill(`✗ ${k.verdict}`, verdict)}</td>
  </tr>`;
}

function highlights(items: readonly HighlightItem[]): SafeHtml {
  const star = html`<span style="color:${GOOD_COLOURS.fg}" aria-hidden="true">★</span>`;
  const rows = items.map(
    (h) =>
      html`<p style="margin:8px 0 0">
        ${star} ${h.message}<br /><span style="${SMALL}">${h.by} · ${h.engagement.name}</span>
      </p>`,
  );
  return card(html`${heading('What went well', 'Good work worth a word of thanks')}${rows}`);
}

function asks(items: readonly AskItem[]): SafeHtml {
  const blocks = items.map(
    (a, i) =>
      html`<div
        style="${i === 0 ? '' : 'margin-top:12px;'}padding:2px 0 2px 12px;border-left:3px solid ${PALETTE.rule}"
      >
        <p style="margin:0">“${a.text}”</p>
        <p style="margin:2px 0 0;${SMALL}">
          ${a.engagement.name} · ${a.asked} · <strong style="color:${PALETTE.text}">${a.waiting}</strong>
        </p>
      </div>`,
  );
  return card(
    html`${heading('Waiting for an answer from your side', 'Open asks of the client, longest wait first')}${blocks}`,
  );
}

function disruptions(view: DigestView): SafeHtml {
  const cell = `padding:4px 0;${FONT};font-size:14px;line-height:1.45;color:${PALETTE.text}`;
  const vendor = (v: VendorDisruptions, i: number): SafeHtml =>
    html`<p style="margin:${i === 0 ? 0 : 14}px 0 4px;font-size:14px;font-weight:700">${v.vendorName}</p>
      <table ${TABLE_ATTRS} width="100%">
        ${v.items.map(
          (d) =>
            html`<tr>
              <td valign="top" width="92" style="${cell};padding-right:8px;white-space:nowrap">${d.day}</td>
              <td valign="top" style="${cell};${WRAP}">
                <span style="${SMALL}">${d.kindLabel}:</span> <strong>${d.label}</strong> —
                ${d.effect}${
                  d.engagementNames.length > 0
                    ? html` <span style="${SMALL}">(${d.engagementNames.join(', ')})</span>`
                    : ''
                }
              </td>
            </tr>`,
        )}
      </table>`;
  return card(
    html`${heading('Coming up: holidays, shutdowns and clock changes', view.lookAheadRange)}${view.disruptions.map(vendor)}`,
  );
}

function footer(view: DigestView): SafeHtml {
  return html`<tr>
    <td style="padding:6px 8px 0;${FONT};${SMALL};text-align:center">
      <p style="margin:0 0 6px">Cadence sends this digest to ${view.readerName} once a week.</p>
      <p style="margin:0">
        <a href="${safeUrl(view.links.webVersion)}" style="${QUIET_LINK}">View this digest in your browser</a>
        ·
        <a href="${safeUrl(view.links.unsubscribe)}" style="${QUIET_LINK}"
          >Unsubscribe from the weekly digest</a
        >
      </p>
    </td>
  </tr> `;
}
