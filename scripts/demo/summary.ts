import { relative, sep } from 'node:path';
import { DateTime } from 'luxon';
import type { HealthView } from '../../bench/simulation/cadence-client';
import { DEMO_CLIENT } from './portfolio';
import type { DemoEngagementResult, DemoResult } from './run-demo';

/** What each outbound purpose is, in the words of the summary. */
const PURPOSES: Readonly<Record<string, string>> = {
  invite: 'meeting invitations (.ics)',
  invite_cancel: 'cancellations',
  report_request: 'report requests with a form link',
  nudge: 'follow-ups',
  digest: 'digests',
  delivery_failed: 'delivery failure notices',
};

export interface SummaryOptions {
  /** Whether Cadence stays up after the summary (`--serve`). */
  serving: boolean;
  /** Paths are shown relative to this folder when inside it. */
  cwd: string;
}

/** The text `npm run demo` ends with: the portfolio's health, where everything went, and what to try. */
export function formatDemoSummary(result: DemoResult, options: SummaryOptions): string {
  const path = (file: string): string => {
    const rel = relative(options.cwd, file);
    return rel.startsWith('..') || rel === '' ? file : `.${sep}${rel}`;
  };
  const nameWidth = Math.max(...result.engagements.map((e) => `${e.vendorName} (${e.story})`.length)) + 1;
  const first = DateTime.fromISO(result.firstMonday, { zone: 'utc' });
  const lastSunday = first.plus({ weeks: result.weeks, days: -1 });
  const lines: string[] = [
    `${DEMO_CLIENT}: ${result.weeks} weeks with ${result.engagements.length} vendors, ` +
      `${first.toFormat('d LLLL')} – ${lastSunday.toFormat('d LLLL yyyy')}`,
    '',
    table(result.engagements),
    '  ★ good work Cadence recognised; flags: CODE!! critical, CODE! warning, CODE? info (--weekly: week by week)',
    '',
    'Early warning',
    ...result.engagements.map((e) => `  ${warningLine(e, nameWidth)}`),
    '',
    'Calendars at work (touchpoints Cadence moved or skipped)',
    ...calendarLines(result.engagements),
    '',
    'Where everything went',
    `  Emails        ${path(result.outboxDir)}${sep}  ${emailLine(result)}`,
    `                (one .eml file per message: open it in any mail client)`,
    `  Follow-ups    ${followUpLine(result)}`,
    `  Slack         ${result.slackDms} DMs to the account managers, through a local stand-in for Slack`,
    `  Digests       ${digestLine(result)}`,
    `  Latest digest ${path(result.latestDigestFile)}  (open it in a browser)`,
    '',
    options.serving ? 'Try it (Cadence is running)' : 'Try it',
    `  Report form   ${result.reportForm.url}`,
    `                as ${result.reportForm.vendor}, due ${DateTime.fromISO(result.reportForm.dueAt, {
      zone: result.reportForm.timeZone,
    }).toFormat("ccc d LLL HH:mm 'local time'")}`,
    `  API docs      ${result.baseUrl}/docs`,
    `  API token     ${tokenLine(result, path)}`,
    `  Clock         manual, at ${result.now.replace('.000Z', 'Z')}: POST /api/v1/clock {"now": "…"} moves it on`,
    `  Database      ${path(result.databaseFile)}`,
  ];
  if (Object.keys(result.failedJobs).length > 0)
    lines.push('', `Scheduler jobs that failed: ${JSON.stringify(result.failedJobs)}`);
  lines.push(
    '',
    options.serving
      ? 'Ctrl-C stops it. Run `npm run demo` again to start over.'
      : 'The links work while Cadence runs on this database: `npm run demo -- --serve` plays the weeks again and keeps it running.',
  );
  return lines.join('\n');
}

function table(engagements: readonly DemoEngagementResult[]): string {
  const header = ['vendor', 'city', 'account manager', 'scripted as', 'score', 'band', 'trend', '★', 'flags'];
  const rows = engagements.map((e) => [
    e.vendorName,
    e.vendorCity,
    e.accountManager,
    e.story,
    String(e.health.score),
    e.health.band.replace('_', ' '),
    trend(e.health.trend),
    e.health.highlights.length === 0 ? '' : String(e.health.highlights.length),
    flags(e.health),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c].length)));
  const numeric = new Set([4, 6, 7]);
  const line = (row: readonly string[]): string =>
    row
      .map((cell, c) => (numeric.has(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)]
    .map((l) => `  ${l}`)
    .join('\n');
}

function trend(value: number | null): string {
  if (value === null) return 'new';
  return value > 0 ? `+${value}` : value < 0 ? `−${-value}` : '0';
}

/** Flags by code with their severity (`!` warning, `!!` critical, `?` info), the gravest first, at most three. */
function flags(health: HealthView): string {
  const mark = { info: '?', warning: '!', critical: '!!' } as const;
  const rank = { critical: 0, warning: 1, info: 2 } as const;
  const sorted = [...health.flags].sort((a, b) => rank[a.severity] - rank[b.severity]);
  const shown = sorted.slice(0, 3).map((f) => `${f.code}${mark[f.severity]}`);
  if (sorted.length > 3) shown.push(`+${sorted.length - 3} more`);
  return shown.length === 0 ? '—' : shown.join(' ');
}

function warningLine(e: DemoEngagementResult, nameWidth: number): string {
  const { verdict } = e;
  const truth = verdict.truth;
  const first = verdict.alarms[0];
  const name = `${e.vendorName} (${e.story})`.padEnd(nameWidth);
  const reason = (week: number): string => {
    const alarm = verdict.alarms.find((a) => a.week === week)?.alarm;
    if (alarm === undefined) return '';
    return [...alarm.codes, ...(alarm.bandWorsened ? ['band worsened'] : [])].join(', ');
  };
  switch (truth.kind) {
    case 'slide': {
      const alarm = verdict.alarms.find((a) => a.week >= truth.slideFrom);
      if (alarm === undefined) return `${name} strained by week ${truth.strainWeek}, never flagged`;
      const lead = truth.strainWeek - alarm.week;
      return (
        `${name} flagged in week ${alarm.week} (${reason(alarm.week)}), ` +
        (lead > 0
          ? `${lead} week${lead === 1 ? '' : 's'} before it was strained (week ${truth.strainWeek})`
          : `${-lead} week(s) after it was strained (week ${truth.strainWeek})`)
      );
    }
    case 'recovery': {
      const weeks = e.run.weeks;
      if (weeks.length === 0) return `${name} no health read`;
      const low = weeks.reduce((a, b) => (b.health.score < a.health.score ? b : a));
      const back = weeks.find((w) => w.week > low.week && w.health.band === 'healthy');
      const still = e.health.flags.filter((f) => f.severity !== 'info').map((f) => f.code);
      return (
        `${name} flagged from week ${first?.week ?? '—'}, lowest in week ${low.week} ` +
        `(${low.health.score}, ${low.health.band.replace('_', ' ')})` +
        (back === undefined ? '' : `; healthy again from week ${back.week}`) +
        (still.length === 0 ? '; no flags left' : `; ${still.join(', ')} still counts its strained weeks`)
      );
    }
    case 'holidayOnly':
    case 'healthy': {
      const skips = verdict.holidaySkips;
      const holidays =
        skips === 0 ? '' : `; ${skips} touchpoint${skips === 1 ? '' : 's'} skipped for holidays`;
      return first === undefined
        ? `${name} never flagged${holidays}`
        : `${name} flagged in week ${first.week} (${reason(first.week)})${holidays}`;
    }
    case 'drop':
      return `${name} dropped in week ${truth.dropWeek}; first flagged in week ${first?.week ?? '—'}`;
  }
}

function calendarLines(engagements: readonly DemoEngagementResult[]): string[] {
  const lines = engagements.flatMap((e) =>
    e.run.weeks.flatMap((w) =>
      w.outcomes.flatMap((o) => {
        if (o.kind === 'skipped')
          return [{ week: w.week, text: `${e.vendorName}: ${label(o.touchpoint)} skipped (${o.reason})` }];
        if (o.movedFor !== null)
          return [{ week: w.week, text: `${e.vendorName}: ${o.kind} moved (${o.movedFor})` }];
        return [];
      }),
    ),
  );
  if (lines.length === 0) return ['  none'];
  return lines.sort((a, b) => a.week - b.week).map((l) => `  week ${l.week}  ${l.text}`);
}

function label(kind: 'meeting' | 'status_report'): string {
  return kind === 'meeting' ? 'meeting' : 'report';
}

function emailLine(result: DemoResult): string {
  const emails = result.messages.filter((m) => m.channel === 'email');
  const sent = emails.filter((m) => m.status === 'sent');
  const counts = new Map<string, number>();
  for (const m of sent) counts.set(m.purpose, (counts.get(m.purpose) ?? 0) + 1);
  const parts = [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([purpose, n]) => `${n} ${PURPOSES[purpose] ?? purpose}`);
  return `${sent.length} emails: ${parts.join(', ')}`;
}

/** Follow-ups Cadence withdrew because what they chased happened, and those still waiting for their time. */
function followUpLine(result: DemoResult): string {
  const nudges = result.messages.filter((m) => m.purpose === 'nudge');
  const cancelled = nudges.filter((m) => m.status === 'cancelled').length;
  const queued = nudges.filter((m) => m.status === 'queued').length;
  return (
    `${cancelled} follow-ups withdrawn unsent because the report or meeting they chased happened` +
    (queued === 0 ? '' : `; ${queued} still due later`)
  );
}

function digestLine(result: DemoResult): string {
  const weeks = result.digests.map((d) =>
    DateTime.fromISO(d.sentAt ?? '', { zone: result.executive.timeZone }).toFormat("kkkk-'W'WW"),
  );
  const first = result.digests[0];
  const when =
    first?.sentAt === null || first === undefined
      ? ''
      : `, ${DateTime.fromISO(first.sentAt, { zone: result.executive.timeZone }).toFormat('cccc HH:mm')} her time`;
  return `${result.digests.length} to ${result.executive.name} (${result.executive.timeZone}), one a week${when}: ${
    weeks[0] ?? '—'
  } … ${weeks[weeks.length - 1] ?? '—'}`;
}

function tokenLine(result: DemoResult, path: (file: string) => string): string {
  const { token } = result;
  if (token.source === 'env' || token.file === null) return 'from CADENCE_API_TOKEN';
  return `${token.token}  (stored in ${path(token.file)})`;
}
