/**
 * `npm run bench:digest`: renders the weekly digest for 1,000 executives with
 * 20 engagements each and prints digests per second, peak RSS and, as a
 * baseline measured in the same run, how long JSON.stringify takes over the
 * same models (the cheapest possible "rendering" of the same data).
 *
 * Targets (issue 7): all 1,000 in under 10 s, under 400 MB RSS. The models are
 * generated from a fixed seed, so every run renders the same digests. A
 * benchmark, not a test: it prints its figures and sets a non-zero exit code
 * when a target is missed.
 *
 * The npm script compiles just this file and what it imports (the digest
 * templates and the pure health and email helpers) with tsc, rather than the
 * whole project: a few seconds instead of twenty, and a half-finished change
 * elsewhere in the tree cannot stop the benchmark from running.
 */
import { performance } from 'node:perf_hooks';
import { DateTime, Settings } from 'luxon';
import type {
  DigestDisruption,
  DigestEngagement,
  DigestHighlight,
  DigestKpi,
  DigestModel,
  DigestTouchpointIssue,
} from '../src/digests/domain/digest.model';
import { renderDigest } from '../src/digests/templates/digest.template';
import type { HealthFlag } from '../src/health/domain/health-flags';
import { bandFor } from '../src/health/domain/health-band';
import { allTargetsMet, formatFigures, info, target, type Figure } from './support/figures';
import { seededRandom } from './support/random';

Settings.throwOnInvalid = true;

const EXECUTIVES = 1_000;
const ENGAGEMENTS = 20;
const SEED = 20271101;
const TARGET_SECONDS = 10;
const TARGET_RSS_MB = 400;
// Gmail clips a message whose HTML passes about 102 KB, footer and unsubscribe link included.
const GMAIL_CLIP_BYTES = 102 * 1024;

const rand = seededRandom(SEED);
const int = (min: number, max: number): number => min + Math.floor(rand() * (max - min + 1));
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];
const chance = (p: number): boolean => rand() < p;

const READERS = [
  { zone: 'America/New_York', locale: 'en-US' },
  { zone: 'Europe/London', locale: 'en-GB' },
  { zone: 'Asia/Singapore', locale: 'en-SG' },
  { zone: 'America/Chicago', locale: 'en-US' },
  { zone: 'Europe/Berlin', locale: 'de-DE' },
  { zone: 'Australia/Sydney', locale: 'en-AU' },
] as const;
const VENDORS = [
  { name: 'Manila CX Partners', city: 'Manila', holiday: "All Saints' Day (PH)" },
  { name: 'Pune Lead Desk', city: 'Pune', holiday: 'Diwali (IN)' },
  { name: 'Vistula Ad Operations', city: 'Kraków', holiday: 'Independence Day (PL)' },
  { name: 'Nile Contact Center', city: 'Cairo', holiday: 'Eid al-Adha (EG, tentative)' },
  { name: 'Andes Televentas', city: 'Bogotá', holiday: "All Saints' Day (CO)" },
  { name: 'Najd Business Services', city: 'Riyadh', holiday: 'Founding Day (SA)' },
  { name: 'Saigon Support Hub', city: 'Ho Chi Minh City', holiday: 'Reunification Day (VN)' },
] as const;
const MANAGERS = ['Priya Raman', 'Tom Becker', 'Sofia Lindqvist', 'Marcus Oyelaran', 'Hannah Cho'];
const FIRST_NAMES = ['Maria', 'Anil', 'Ramon', 'Faisal', 'Mona', 'Julián', 'Agnieszka', 'Thu'];
const KPI_KINDS: readonly Omit<DigestKpi, 'value' | 'met'>[] = [
  { key: 'close', label: 'Close rate', unit: '%', target: 12, direction: 'higher_is_better' },
  { key: 'aht', label: 'Average handle time', unit: 's', target: 300, direction: 'lower_is_better' },
  { key: 'fcr', label: 'First contact resolution', unit: '%', target: 75, direction: 'higher_is_better' },
  { key: 'csat', label: 'CSAT', unit: '/ 5', target: 4.3, direction: 'higher_is_better' },
  { key: 'leads', label: 'Qualified leads', unit: 'leads', target: 120, direction: 'higher_is_better' },
];
const FLAG_TEMPLATES: readonly Omit<HealthFlag, 'since'>[] = [
  {
    code: 'REPORTS_SLIPPING',
    severity: 'warning',
    message: '2 of the last 4 reports late or missing: 2 late by 26 h on average',
  },
  {
    code: 'MEETINGS_MISSED',
    severity: 'critical',
    message: '3 of the last 4 meetings did not happen: 2 missed and 1 cancelled',
  },
  {
    code: 'CONTACT_GAP',
    severity: 'critical',
    message: 'No two-way contact for 17 days (last: report on 2027-10-14)',
  },
  {
    code: 'BLOCKER_RECURRING',
    severity: 'warning',
    message: "Blocker 'CRM access & <VPN> tokens for new hires' came back and is open for 4 weeks",
  },
  {
    code: 'ASKS_UNANSWERED',
    severity: 'warning',
    message: 'Ask of the client \'Sign-off on the Q4 "retention" script\' unanswered for 12 days',
  },
  { code: 'AMBER_STREAK', severity: 'info', message: 'Status amber or red in the last 3 reports' },
];

/** One executive's digest for 2027-W44, with a realistic spread of good and bad news. */
function generateModel(executive: number): DigestModel {
  const reader = READERS[executive % READERS.length];
  const engagements = Array.from({ length: ENGAGEMENTS }, (_, i) => generateEngagement(executive, i));
  return {
    executive: { name: `Executive ${executive}`, ...reader },
    week: { isoWeek: '2027-W44', start: '2027-11-01', end: '2027-11-07' },
    engagements,
    links: {
      webVersion: `https://cadence.example.com/api/v1/executives/x${executive}/digest?week=2027-W44`,
      unsubscribe: `https://cadence.example.com/u/${executive.toString(36)}q2x7LwZkR0c9vYt`,
    },
  };
}

function generateEngagement(executive: number, index: number): DigestEngagement {
  const vendor = pick(VENDORS);
  // Most relationships are fine; a few slide. Scores drift week to week around a level.
  const level = chance(0.7) ? int(72, 95) : int(30, 72);
  const slope = chance(0.3) ? int(-4, 3) : 0;
  const started = chance(0.1) ? int(1, 7) : 8;
  const history = Array.from({ length: 8 }, (_, w) =>
    w < 8 - started || chance(0.04) ? null : clamp(level - slope * (7 - w) + int(-2, 2)),
  );
  const score = history[7] ?? level;
  history[7] = score;
  const fourAgo = history[3];
  const band = bandFor(score);
  const troubled = band !== 'healthy';
  const id = `e${executive}-${index}`;
  const kpis = Array.from({ length: int(1, 3) }, () => kpi(troubled));
  return {
    id,
    name: `Acme × ${vendor.city} ${pick(['Support', 'Telesales', 'Lead Qualification', 'Ad Ops', 'Chat'])} ${index + 1}`,
    vendorName: vendor.name,
    accountManagerName: pick(MANAGERS),
    url: `https://cadence.example.com/engagements/${id}`,
    score,
    band,
    trend: fourAgo === null || fourAgo === undefined ? null : score - fourAgo,
    history,
    newFlags: troubled
      ? Array.from({ length: int(0, 3) }, () => ({
          ...pick(FLAG_TEMPLATES),
          since: `2027-10-${int(10, 29)}`,
        }))
      : [],
    touchpointIssues: troubled && chance(0.6) ? Array.from({ length: int(1, 2) }, touchpointIssue) : [],
    holidaySkips: chance(0.1) ? [{ title: 'Weekly status', date: '2027-10-29', reason: vendor.holiday }] : [],
    kpis,
    highlights: !troubled && chance(0.4) ? [highlight()] : [],
    openAsks: chance(0.2)
      ? [
          {
            text: 'Approval to A/B test the shorter opening script & the new "callback" flow',
            askedAt: `2027-10-${int(11, 28)}T14:00:00Z`,
            daysWaiting: int(2, 16),
            askedBy: `${pick(FIRST_NAMES)} ${pick(['Santos', 'Kulkarni', 'Farouk', 'Restrepo'])}`,
          },
        ]
      : [],
    disruptions: chance(0.35) ? [disruption(vendor.holiday)] : [],
  };
}

function clamp(score: number): number {
  return Math.max(0, Math.min(100, score));
}

function kpi(troubled: boolean): DigestKpi {
  const kind = pick(KPI_KINDS);
  const met = troubled ? chance(0.4) : chance(0.9);
  const better = kind.direction === 'higher_is_better' ? 1 : -1;
  const value = chance(0.05) ? null : kind.target * (1 + better * (met ? 0.08 : -0.12));
  return { ...kind, value: value === null ? null : Number(value.toFixed(1)), met: met && value !== null };
}

function touchpointIssue(): DigestTouchpointIssue {
  const at = DateTime.fromISO('2027-10-25T13:00:00Z', { zone: 'UTC' })
    .plus({ days: int(0, 4) })
    .toISO();
  return chance(0.5)
    ? {
        kind: 'status_report',
        title: 'Weekly status',
        scheduledAt: at,
        status: 'late',
        lateByHours: int(3, 60),
      }
    : {
        kind: 'meeting',
        title: 'Weekly sync',
        scheduledAt: at,
        status: pick(['missed', 'cancelled'] as const),
      };
}

function highlight(): DigestHighlight {
  return pick<DigestHighlight>([
    { code: 'ON_TIME_STREAK', message: `${int(4, 20)} reports on time in a row`, by: pick(FIRST_NAMES) },
    { code: 'KPI_ABOVE_TARGET', message: 'First call resolution 82% vs target 75% for 6 weeks' },
    { code: 'BLOCKER_CLEARED', message: "Blocker 'CRM access' cleared after 3 weeks", by: pick(FIRST_NAMES) },
  ]);
}

function disruption(holiday: string): DigestDisruption {
  return chance(0.7)
    ? {
        date: `2027-11-${int(10, 14)}`,
        kind: 'holiday',
        label: holiday,
        effect: 'Thursday sync moves to Wednesday',
      }
    : {
        date: '2027-11-07',
        kind: 'dst',
        label: 'US clocks go back',
        effect: 'Tuesday sync is at 4:00 PM again from Nov 9',
      };
}

function mb(bytes: number): number {
  return bytes / 1024 / 1024;
}

function main(): void {
  const models = Array.from({ length: EXECUTIVES }, (_, i) => generateModel(i));

  // Baseline: the same models through JSON.stringify, the floor for "turn this data into a string".
  let baselineBytes = 0;
  const baselineStart = performance.now();
  for (const model of models) baselineBytes += JSON.stringify(model).length;
  const baselineMs = performance.now() - baselineStart;

  let htmlBytes = 0;
  let maxHtmlBytes = 0;
  let textBytes = 0;
  const start = performance.now();
  // CPU time as well as wall time: on a busy machine the wall clock also counts other processes.
  const cpuStart = process.cpuUsage();
  for (const model of models) {
    const digest = renderDigest(model);
    const bytes = Buffer.byteLength(digest.html);
    htmlBytes += bytes;
    maxHtmlBytes = Math.max(maxHtmlBytes, bytes);
    textBytes += digest.text.length;
  }
  const renderMs = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  // maxRSS is in kilobytes.
  const peakRssMb = process.resourceUsage().maxRSS / 1024;

  const figures: Figure[] = [
    target(
      `time for ${EXECUTIVES} digests`,
      `${(renderMs / 1000).toFixed(2)} s`,
      `< ${TARGET_SECONDS} s`,
      renderMs < TARGET_SECONDS * 1000,
    ),
    target(
      'digests per second',
      (EXECUTIVES / (renderMs / 1000)).toFixed(0),
      `> ${EXECUTIVES / TARGET_SECONDS}`,
      renderMs < TARGET_SECONDS * 1000,
    ),
    info('ms per digest', (renderMs / EXECUTIVES).toFixed(2)),
    info('CPU time (user + system)', `${(cpuMs / 1000).toFixed(2)} s`),
    target('peak RSS', `${peakRssMb.toFixed(0)} MB`, `< ${TARGET_RSS_MB} MB`, peakRssMb < TARGET_RSS_MB),
    info(
      'baseline: JSON.stringify, same models',
      `${baselineMs.toFixed(0)} ms (${mb(baselineBytes).toFixed(1)} MB)`,
    ),
    info('render time / JSON.stringify time', `${(renderMs / baselineMs).toFixed(1)}×`),
    info('HTML per digest, mean', `${(htmlBytes / EXECUTIVES / 1024).toFixed(1)} KB`),
    target(
      'HTML per digest, largest',
      `${(maxHtmlBytes / 1024).toFixed(1)} KB`,
      `< ${GMAIL_CLIP_BYTES / 1024} KB (Gmail clips)`,
      maxHtmlBytes < GMAIL_CLIP_BYTES,
    ),
    info('text per digest, mean', `${(textBytes / EXECUTIVES / 1024).toFixed(1)} KB`),
  ];
  console.log(
    `digest rendering: ${EXECUTIVES} executives × ${ENGAGEMENTS} engagements, seed ${SEED}, Node ${process.version}`,
  );
  console.log(formatFigures(figures));
  if (!allTargetsMet(figures)) process.exitCode = 1;
}

main();
