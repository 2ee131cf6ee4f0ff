import { plainText } from '../../notifications/email/html';
import type { DigestView, EngagementGroup, EngagementRow } from './digest-view';
import { trendChartText } from './trend-chart.template';

/** Lines are wrapped here: comfortable in a terminal mail client and in a phone's plain view. */
export const TEXT_WIDTH = 72;

/**
 * The plain-text part: the same content as the HTML part, in the same order,
 * laid out for reading in a fixed-width font. Nothing is escaped (it is text),
 * but control characters are removed and lines end in `\n` (`plainText`).
 */
export function digestText(view: DigestView): string {
  const out: string[] = [
    'CADENCE · WEEKLY DIGEST',
    `${view.weekLabel} · ${view.weekRange}`,
    '',
    view.headline,
  ];
  if (view.bandCounts.length > 0) out.push(view.bandCounts.map((b) => `${b.count} ${b.label}`).join(' · '));
  out.push('');
  if (view.emptyLine !== null) {
    out.push(...wrap(`Hi ${view.readerName}. ${view.emptyLine}`));
  } else {
    out.push(
      ...wrap(`Hi ${view.readerName}, here is where to look this week. Times are in ${view.zoneName}.`),
    );
    out.push(...portfolio(view), ...flags(view), ...touchpoints(view), ...kpis(view));
    out.push(...highlights(view), ...asks(view), ...disruptions(view));
  }
  out.push(
    '',
    '--',
    ...wrap(`Cadence sends this digest to ${view.readerName} once a week.`),
    `View in your browser: ${view.links.webVersion}`,
    `Unsubscribe: ${view.links.unsubscribe}`,
  );
  return plainText(`${out.join('\n')}\n`);
}

function section(title: string, note: string | null): string[] {
  const upper = title.toUpperCase();
  return ['', '', upper, '='.repeat(upper.length), ...(note ? wrap(note) : []), ''];
}

function portfolio(view: DigestView): string[] {
  return [
    ...section(
      'Portfolio, worst first',
      'Score out of 100, its change over 4 weeks, and the last 8 weekly scores.',
    ),
    ...view.engagements.flatMap((e, i) => [...(i === 0 ? [] : ['']), ...engagement(e)]),
  ];
}

function engagement(e: EngagementRow): string[] {
  const indent = ' '.repeat(`${e.rank}. `.length);
  const t = e.trend;
  const trend = t.direction === 'new' ? 'new, no trend yet' : `${t.arrow} ${t.short} (${t.spoken})`;
  return [
    ...wrap(`${e.rank}. ${e.name}`, indent),
    ...wrap(`${e.vendorName} · ${e.accountManagerName}`, indent, indent),
    ...wrap(`${e.bandLabel.toUpperCase()} · ${e.score} · ${trend}`, indent, indent),
    `${indent}Last 8 weeks: ${trendChartText(e.history)}`,
    ...(e.reasons ? wrap(e.reasons, indent, indent) : []),
    `${indent}${e.url}`,
  ];
}

function groups<T>(list: readonly EngagementGroup<T>[], item: (i: T) => string): string[] {
  return list.flatMap((g, i) => [
    ...(i === 0 ? [] : ['']),
    ...wrap(`${g.engagement.name} (${g.engagement.vendorName})`),
    ...g.items.flatMap((it) => wrap(`- ${item(it)}`, '    ', '  ')),
  ]);
}

function flags(view: DigestView): string[] {
  return [
    ...section('New flags', view.flags.length > 0 ? 'Raised since last week, with the evidence.' : null),
    ...(view.flags.length === 0
      ? ['No new flags since last week.']
      : groups(view.flags, (f) => `${f.severityLabel}: ${f.message} (${f.since})`)),
  ];
}

function touchpoints(view: DigestView): string[] {
  const out = section('Missed or late last week', view.lastWeekRange);
  if (view.touchpoints.length === 0) out.push('Every touchpoint last week happened on time.');
  else out.push(...groups(view.touchpoints, (t) => `${t.title}: ${t.what}, ${t.when}`));
  if (view.skips.length > 0) {
    out.push('', 'Skipped for holidays, not misses:');
    out.push(
      ...view.skips.flatMap((s) =>
        wrap(`- ${s.engagement.name}: ${s.title}, ${s.day}, ${s.note}.`, '    ', '  '),
      ),
    );
  }
  return out;
}

function kpis(view: DigestView): string[] {
  if (view.kpisOff.length + view.kpisOn.length === 0) return [];
  const out = [
    ...section('KPIs against target', view.kpiSummary),
    ...groups(view.kpisOff, (k) => `${k.met ? '✓' : '✗'} ${k.label}: ${k.value} (${k.target}), ${k.verdict}`),
  ];
  if (view.kpisOn.length > 0) {
    out.push(...(view.kpisOff.length > 0 ? [''] : []), '✓ On target:');
    out.push(
      ...view.kpisOn.flatMap((g) =>
        wrap(
          `- ${g.engagement.name}: ${g.items.map((k) => `${k.label} ${k.value} (${k.targetShort})`).join(' · ')}`,
          '    ',
          '  ',
        ),
      ),
    );
  }
  return out;
}

function highlights(view: DigestView): string[] {
  if (view.highlights.length === 0) return [];
  return [
    ...section('What went well', 'Good work worth a word of thanks.'),
    ...view.highlights.flatMap((h) => wrap(`★ ${h.message} (${h.by}; ${h.engagement.name})`, '    ', '  ')),
  ];
}

function asks(view: DigestView): string[] {
  if (view.asks.length === 0) return [];
  return [
    ...section('Waiting for an answer from your side', 'Open asks of the client, longest wait first.'),
    ...view.asks.flatMap((a, i) => [
      ...(i === 0 ? [] : ['']),
      ...wrap(`“${a.text}”`, '  ', '  '),
      ...wrap(`${a.engagement.name} · ${a.asked} · ${a.waiting}`, '  ', '  '),
    ]),
  ];
}

function disruptions(view: DigestView): string[] {
  if (view.disruptions.length === 0) return [];
  return [
    ...section('Coming up: holidays, shutdowns and clock changes', view.lookAheadRange),
    ...view.disruptions.flatMap((v, i) => [
      ...(i === 0 ? [] : ['']),
      v.vendorName,
      ...v.items.flatMap((d) =>
        wrap(
          `- ${d.day}: ${d.kindLabel}: ${d.label}. ${d.effect}${
            d.engagementNames.length > 0 ? ` (${d.engagementNames.join(', ')})` : ''
          }`,
          '    ',
          '  ',
        ),
      ),
    ]),
  ];
}

/**
 * Word-wraps `text` at TEXT_WIDTH: the first line starts with `first`
 * (default none), the rest with `rest`. Words longer than a line (URLs) are
 * left whole, since a broken URL no longer works.
 */
export function wrap(text: string, rest = '', first = ''): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = empty ? `${line}${word}` : `${line} ${word}`;
    if (!empty && candidate.length > TEXT_WIDTH) {
      lines.push(line);
      line = `${rest}${word}`;
    } else {
      line = candidate;
    }
    empty = false;
  }
  lines.push(line);
  return lines;
}
