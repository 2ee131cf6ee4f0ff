/**
 * The API benchmark's baseline: a bare `node:http` server answering the same three routes as
 * Cadence with the same SQL reads and writes, on the same SQLite file through the same driver
 * (better-sqlite3, used directly with prepared statements, with the pragmas Cadence's
 * DataSource sets), the same pure domain rules (report validation, blocker carry-over, the
 * report window; for the health view the rows-to-history mapping and the assessment of
 * src/health/domain with the weights of config/health.yaml) and the same formatting library
 * (Luxon), and the same response bodies. What it leaves out is the framework: Nest's router,
 * guards, pipes, class-validator, the exception filter, request logging and metrics hooks, and
 * TypeORM's query building and hydration.
 *
 * Where Cadence reads a row twice (the engagement before and inside the planning context), this
 * server reads it once: the baseline is the least work that gives the same answer, so redundant
 * queries show up in the ratio. (For a report, Cadence reads everything in one statement with
 * subqueries; this server runs the same lookups one by one, as prepared statements.)
 *
 * Run as a child process: `node bare-server.js <sqlite file> <api token> <now ISO>`; it
 * answers `{ type: 'ready', url }` over IPC and stops on `{ type: 'stop' }`.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import { DateTime, Settings } from 'luxon';
import { parse as parseYaml } from 'yaml';
import { tokensMatch } from '../../src/core/auth/api-token';
import { assessHealth, type HealthAssessment } from '../../src/health/domain/health-score';
import { TREND_WEEKS } from '../../src/health/domain/health-trend';
import {
  type AcknowledgementRow,
  type AnswerRow,
  type EngagementRow,
  mapHistory,
  type NudgeRow,
  type ReportRow as HistoryReportRow,
  type TouchpointRow as HistoryTouchpointRow,
} from '../../src/health/engagement-history.mapper';
import { type HealthSettings, parseHealthSettings } from '../../src/health/health-settings';
import type { HealthBand } from '../../src/health/domain/health-band';
import { instant, storedForm } from '../../src/health/stored-instant';
import { assembleBlockers, openBlockers } from '../../src/reports/domain/blocker-carry-over';
import { type BlockerInput, type ReportInput, validateReport } from '../../src/reports/domain/report-rules';
import { editableUntil, isLate, type ReportFrequency } from '../../src/reports/domain/report-window';
import type { ReportKpi, StoredAsk, StoredBlocker } from '../../src/reports/domain/report.types';

Settings.throwOnInvalid = true;

/** config/default.yaml: reports.lateGraceMinutes and planner.horizonWeeks. */
const LATE_GRACE_MINUTES = 60;
const HORIZON_WEEKS = 12;
const ACCEPTING = ['pending', 'submitted', 'late', 'missed'];
/** src/health/health-evaluator.ts: the weeks of snapshots read with an assessment. */
const SNAPSHOT_WEEKS = TREND_WEEKS + 12;

interface TouchpointRow {
  id: string;
  engagement_id: string;
  cadence_id: string;
  kind: 'meeting' | 'status_report';
  period_key: string;
  status: string;
  scheduled_at: string;
  ends_at: string | null;
  original_at: string;
  adjustment_type: string | null;
  adjustment_reason: string | null;
  out_of_hours: string;
  sequence: number;
  held_at: string | null;
  submitted_at: string | null;
  reschedule_count: number;
}

interface ReportRow {
  id: string;
  touchpoint_id: string;
  engagement_id: string;
  submitted_by_person_id: string | null;
  status: string;
  kpi_values: string;
  highlights: string;
  blockers: string;
  asks: string;
  next_week_plan: string;
  late: number;
  submitted_at: string;
  updated_at: string;
  revision: number;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(code);
  }
}

function openDatabase(file: string): Database.Database {
  const db = new Database(file);
  // The pragmas of src/database/data-source.ts (enableWAL plus prepareDatabase).
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  return db;
}

/** config/health.yaml as HealthModule reads it at start-up (health-settings.loader.ts). */
function healthSettings(): HealthSettings {
  const parsed = parseHealthSettings(parseYaml(readFileSync('config/health.yaml', 'utf8')));
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  return parsed.settings;
}

/** Builds the three handlers over one database connection, with every statement prepared once. */
function handlers(db: Database.Database, now: DateTime, settings: HealthSettings) {
  const sql = {
    engagement: db.prepare<[string], { id: string; kpis: string }>(
      'SELECT id, kpis FROM engagement WHERE id = ?',
    ),
    touchpoints: db.prepare<[string, string, string], TouchpointRow>(
      'SELECT * FROM touchpoint WHERE engagement_id = ? AND scheduled_at BETWEEN ? AND ? ORDER BY scheduled_at',
    ),
    cadences: db.prepare<[string], { id: string; title: string; participant_ids: string }>(
      'SELECT id, title, participant_ids FROM cadence WHERE engagement_id = ?',
    ),
    vendorContacts: db.prepare<[string], { person_id: string }>(
      "SELECT person_id FROM engagement_contact WHERE engagement_id = ? AND kind = 'vendor_contact' ORDER BY position",
    ),
    touchpoint: db.prepare<[string], TouchpointRow>('SELECT * FROM touchpoint WHERE id = ?'),
    cadence: db.prepare<[string], { frequency: ReportFrequency }>(
      'SELECT frequency FROM cadence WHERE id = ?',
    ),
    firstVendorZone: db.prepare<[string], { time_zone: string }>(
      `SELECT p.time_zone FROM engagement_contact c JOIN person p ON p.id = c.person_id
       WHERE c.engagement_id = ? AND c.kind = 'vendor_contact' ORDER BY c.position LIMIT 1`,
    ),
    nextDue: db.prepare<[string, string], { scheduled_at: string }>(
      `SELECT scheduled_at FROM touchpoint WHERE cadence_id = ? AND kind = 'status_report' AND scheduled_at > ?
       AND status NOT IN ('skipped', 'cancelled') ORDER BY scheduled_at LIMIT 1`,
    ),
    previousReport: db.prepare<[string, string], { blockers: string }>(
      `SELECT r.blockers FROM status_report r JOIN touchpoint t ON t.id = r.touchpoint_id
       WHERE t.cadence_id = ? AND t.scheduled_at < ? ORDER BY t.scheduled_at DESC LIMIT 1`,
    ),
    report: db.prepare<[string], ReportRow>('SELECT * FROM status_report WHERE touchpoint_id = ?'),
    insertReport: db.prepare(
      `INSERT INTO status_report (id, touchpoint_id, engagement_id, submitted_by_person_id, status, kpi_values,
       highlights, blockers, asks, next_week_plan, late, submitted_at, updated_at, revision)
       VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
    ),
    updateReport: db.prepare(
      `UPDATE status_report SET status = ?, kpi_values = ?, highlights = ?, blockers = ?, asks = ?,
       next_week_plan = ?, updated_at = ?, revision = ? WHERE id = ? AND revision = ?`,
    ),
    markTouchpoint: db.prepare(
      `UPDATE touchpoint SET status = ?, updated_at = ?, submitted_at = COALESCE(submitted_at, ?), check_at = NULL
       WHERE id = ? AND kind = 'status_report' AND status IN (${ACCEPTING.map(() => '?').join(', ')})`,
    ),
    cancelNudges: db.prepare(
      `UPDATE outbox_message SET status = 'cancelled', updated_at = ?
       WHERE touchpoint_id = ? AND purpose = 'nudge' AND status IN ('queued', 'failed')`,
    ),
  };
  // The reads of HistoryBuilder and SnapshotStore.between for one engagement, in their SQL,
  // with `= ?` for their one-id IN lists and only the columns the assessment uses (a snapshot's
  // time, score and band: the view does not show its flags).
  const health = {
    engagement: db.prepare<[string], EngagementRow>(
      `SELECT e.id AS id, e.created_at AS createdAt, e.kpis AS kpis, p.time_zone AS timeZone
       FROM engagement e LEFT JOIN person p ON p.id = e.account_manager_id WHERE e.id = ?`,
    ),
    touchpoints: db.prepare<[string, string, string], HistoryTouchpointRow>(
      `SELECT t.id AS id, t.engagement_id AS engagementId, t.kind AS kind, t.status AS status,
       t.scheduled_at AS scheduledAt, t.ends_at AS endsAt, t.original_at AS originalAt,
       t.adjustment_type AS adjustmentType, t.adjustment_reason AS adjustmentReason, t.held_at AS heldAt,
       t.submitted_at AS submittedAt, t.reschedule_count AS rescheduleCount
       FROM touchpoint t WHERE t.engagement_id = ? AND t.scheduled_at >= ? AND t.scheduled_at < ?`,
    ),
    reports: db.prepare<[string, string, string], HistoryReportRow>(
      `SELECT r.touchpoint_id AS touchpointId, r.engagement_id AS engagementId, r.status AS status,
       r.kpi_values AS kpiValues, r.blockers AS blockers, r.asks AS asks, r.submitted_at AS submittedAt
       FROM status_report r INNER JOIN touchpoint t ON t.id = r.touchpoint_id
       WHERE r.engagement_id = ? AND t.scheduled_at >= ? AND t.scheduled_at < ?`,
    ),
    nudges: db.prepare<[string, string, string], NudgeRow>(
      `SELECT o.engagement_id AS engagementId, o.touchpoint_id AS touchpointId,
       o.follow_up_trigger AS followUpTrigger, o.sent_at AS sentAt, o.recipient_person_id AS recipientPersonId,
       p.role AS recipientRole
       FROM outbox_message o LEFT JOIN person p ON p.id = o.recipient_person_id
       WHERE o.engagement_id = ? AND o.purpose = 'nudge' AND o.status = 'sent' AND o.sent_at >= ? AND o.sent_at < ?`,
    ),
    acknowledgements: db.prepare<[string, string, string], AcknowledgementRow>(
      `SELECT k.touchpoint_id AS touchpointId, k.person_id AS personId, k.acknowledged_at AS acknowledgedAt
       FROM nudge_acknowledgement k INNER JOIN touchpoint t ON t.id = k.touchpoint_id
       WHERE t.engagement_id = ? AND k.acknowledged_at >= ? AND k.acknowledged_at < ?`,
    ),
    answers: db.prepare<[string], AnswerRow>(
      `SELECT a.touchpoint_id AS touchpointId, a.ask_index AS askIndex, a.ask_text AS askText,
       a.answered_at AS answeredAt FROM ask_answer a WHERE a.engagement_id = ?`,
    ),
    snapshots: db.prepare<[string, string, string], { asOf: string; score: number; band: HealthBand }>(
      `SELECT s.as_of AS asOf, s.score AS score, s.band AS band FROM health_snapshot s
       WHERE s.engagement_id = ? AND s.as_of >= ? AND s.as_of < ? ORDER BY s.as_of ASC`,
    ),
  };
  const people = new Map<number, Database.Statement<string[], { id: string; time_zone: string }>>();
  const peopleById = (ids: string[]): Database.Statement<string[], { id: string; time_zone: string }> => {
    let statement = people.get(ids.length);
    if (statement === undefined) {
      statement = db.prepare(
        `SELECT id, time_zone FROM person WHERE id IN (${ids.map(() => '?').join(', ')})`,
      );
      people.set(ids.length, statement);
    }
    return statement;
  };

  /** GET /api/v1/engagements/:id/touchpoints: the body TouchpointsService.list answers. */
  const listTouchpoints = (engagementId: string, query: URLSearchParams): unknown => {
    if (sql.engagement.get(engagementId) === undefined) throw new HttpError(404, 'ENGAGEMENT_NOT_FOUND');
    const today = now.startOf('day');
    const fromParam = query.get('from');
    const toParam = query.get('to');
    const from = fromParam ? DateTime.fromISO(fromParam, { zone: 'utc' }) : today.minus({ weeks: 1 });
    const to = toParam
      ? DateTime.fromISO(toParam, { zone: 'utc' }).endOf('day')
      : today.plus({ weeks: HORIZON_WEEKS + 1 }).endOf('day');
    const rows = sql.touchpoints.all(
      engagementId,
      from.toJSDate().toISOString(),
      to.toJSDate().toISOString(),
    );
    const cadences = new Map(
      sql.cadences
        .all(engagementId)
        .map((c) => [c.id, { title: c.title, participants: JSON.parse(c.participant_ids) as string[] }]),
    );
    const vendorIds = sql.vendorContacts.all(engagementId).map((c) => c.person_id);
    const ids = new Set(vendorIds);
    for (const cadence of cadences.values()) for (const id of cadence.participants) ids.add(id);
    const zones = new Map(
      peopleById([...ids])
        .all(...ids)
        .map((p) => [p.id, p.time_zone]),
    );
    return rows.map((t) => {
      const cadence = cadences.get(t.cadence_id);
      const outOfHours = JSON.parse(t.out_of_hours) as { personId: string; minutes: number }[];
      const local = (t.kind === 'meeting' ? (cadence?.participants ?? []) : vendorIds).flatMap((personId) => {
        const zone = zones.get(personId);
        if (zone === undefined) return [];
        return [
          {
            personId,
            timeZone: zone,
            start: iso(t.scheduled_at, zone),
            ...(t.ends_at && { end: iso(t.ends_at, zone) }),
            outOfHoursMinutes: outOfHours.find((o) => o.personId === personId)?.minutes ?? 0,
          },
        ];
      });
      return {
        id: t.id,
        engagementId: t.engagement_id,
        cadenceId: t.cadence_id,
        title: cadence?.title ?? '',
        kind: t.kind,
        periodKey: t.period_key,
        status: t.status,
        scheduledAt: iso(t.scheduled_at, 'utc'),
        endsAt: t.ends_at ? iso(t.ends_at, 'utc') : null,
        originalAt: iso(t.original_at, 'utc'),
        adjustment:
          t.adjustment_type && t.adjustment_reason
            ? { type: t.adjustment_type, reason: t.adjustment_reason }
            : null,
        local,
        sequence: t.sequence,
        heldAt: t.held_at ? iso(t.held_at, 'utc') : null,
        submittedAt: t.submitted_at ? iso(t.submitted_at, 'utc') : null,
        rescheduleCount: t.reschedule_count,
      };
    });
  };

  /** The transaction of one submission: the report, its touchpoint, and the nudges it withdraws. */
  const store = db.transaction(
    (
      t: TouchpointRow,
      content: {
        status: string;
        kpis: Record<string, number>;
        highlights: string;
        blockers: (existing: StoredBlocker[]) => StoredBlocker[];
        asks: StoredAsk[];
        nextWeekPlan: string;
      },
      dueAt: DateTime,
    ): ReportRow => {
      const at = now.toJSDate().toISOString();
      const existing = sql.report.get(t.id);
      const blockers = content.blockers(existing ? (JSON.parse(existing.blockers) as StoredBlocker[]) : []);
      const late = existing ? existing.late === 1 : isLate(now, dueAt, LATE_GRACE_MINUTES);
      let row: ReportRow;
      if (existing === undefined) {
        row = {
          id: randomUUID(),
          touchpoint_id: t.id,
          engagement_id: t.engagement_id,
          submitted_by_person_id: null,
          status: content.status,
          kpi_values: JSON.stringify(content.kpis),
          highlights: content.highlights,
          blockers: JSON.stringify(blockers),
          asks: JSON.stringify(content.asks),
          next_week_plan: content.nextWeekPlan,
          late: late ? 1 : 0,
          submitted_at: at,
          updated_at: at,
          revision: 1,
        };
        sql.insertReport.run(
          row.id,
          row.touchpoint_id,
          row.engagement_id,
          row.status,
          row.kpi_values,
          row.highlights,
          row.blockers,
          row.asks,
          row.next_week_plan,
          row.late,
          at,
          at,
        );
      } else {
        row = {
          ...existing,
          status: content.status,
          kpi_values: JSON.stringify(content.kpis),
          highlights: content.highlights,
          blockers: JSON.stringify(blockers),
          asks: JSON.stringify(content.asks),
          next_week_plan: content.nextWeekPlan,
          updated_at: at,
          revision: existing.revision + 1,
        };
        const updated = sql.updateReport.run(
          row.status,
          row.kpi_values,
          row.highlights,
          row.blockers,
          row.asks,
          row.next_week_plan,
          at,
          row.revision,
          row.id,
          existing.revision,
        );
        if (updated.changes !== 1) throw new HttpError(409, 'REPORT_CHANGED');
      }
      const marked = sql.markTouchpoint.run(late ? 'late' : 'submitted', at, at, t.id, ...ACCEPTING);
      if (marked.changes !== 1) throw new HttpError(409, 'REPORT_CLOSED');
      sql.cancelNudges.run(at, t.id);
      return row;
    },
  );

  /** POST /api/v1/touchpoints/:id/report: the body ReportApiController.submit answers. */
  const submitReport = (touchpointId: string, body: unknown): unknown => {
    const t = sql.touchpoint.get(touchpointId);
    if (t === undefined) throw new HttpError(404, 'TOUCHPOINT_NOT_FOUND');
    if (t.kind !== 'status_report') throw new HttpError(409, 'NOT_A_REPORT');
    const cadence = sql.cadence.get(t.cadence_id);
    const engagement = sql.engagement.get(t.engagement_id);
    if (cadence === undefined || engagement === undefined) throw new HttpError(404, 'ENGAGEMENT_NOT_FOUND');
    const zone = sql.firstVendorZone.get(t.engagement_id)?.time_zone ?? 'UTC';
    const next = sql.nextDue.get(t.cadence_id, t.scheduled_at);
    const previous = sql.previousReport.get(t.cadence_id, t.scheduled_at);
    const dueAt = DateTime.fromISO(t.scheduled_at, { zone: 'utc' });
    const until = editableUntil({
      dueAt,
      nextDueAt: next ? DateTime.fromISO(next.scheduled_at, { zone: 'utc' }) : null,
      frequency: cadence.frequency,
      zone,
    });
    if (t.status === 'skipped' || t.status === 'cancelled') throw new HttpError(409, 'REPORT_SKIPPED');
    if (now >= until) throw new HttpError(409, 'REPORT_CLOSED');
    const validation = validateReport(reportInput(body), {
      kpis: JSON.parse(engagement.kpis) as ReportKpi[],
      previousOpenBlockers: previous ? openBlockers(JSON.parse(previous.blockers) as StoredBlocker[]) : [],
    });
    if (!validation.ok) throw new HttpError(400, 'VALIDATION_FAILED');
    const valid = validation.report;
    const row = store(
      t,
      {
        status: valid.status,
        kpis: valid.kpis,
        highlights: valid.highlights,
        blockers: (existing) =>
          assembleBlockers(valid.blockers, { existing, dueAt: dueAt.toUTC().toISO(), newId: randomUUID }),
        asks: valid.asks.map((text) => ({ text })),
        nextWeekPlan: valid.nextWeekPlan,
      },
      dueAt,
    );
    const blockers = JSON.parse(row.blockers) as StoredBlocker[];
    return {
      touchpointId: row.touchpoint_id,
      engagementId: row.engagement_id,
      status: row.status,
      kpis: JSON.parse(row.kpi_values) as Record<string, number>,
      highlights: row.highlights,
      blockers: blockers.map((b) => ({
        id: b.id,
        text: b.text,
        status: b.status,
        carriedFrom: b.carriedFrom ?? null,
        firstSeenAt: b.firstSeenAt,
      })),
      asks: (JSON.parse(row.asks) as StoredAsk[]).map((a) => ({ text: a.text })),
      nextWeekPlan: row.next_week_plan,
      late: row.late === 1,
      dueAt: dueAt.toUTC().toISO(),
      submittedAt: row.submitted_at,
      updatedAt: row.updated_at,
      revision: row.revision,
      editableUntil: until.toUTC().toISO(),
      submittedByPersonId: row.submitted_by_person_id,
    };
  };

  /** GET /api/v1/engagements/:id/health: the body HealthService.current answers. */
  const assessEngagement = (engagementId: string): HealthAssessment => {
    const engagement = health.engagement.get(engagementId);
    if (engagement === undefined) throw new HttpError(404, 'ENGAGEMENT_NOT_FOUND');
    // HistoryBuilder.rangeFor: historyWeeks back, a week and a day ahead.
    const from = storedForm(now.minus({ weeks: settings.historyWeeks }));
    const to = storedForm(now.plus({ days: 8 }));
    const history = mapHistory({
      engagement,
      touchpoints: health.touchpoints.all(engagementId, from, to),
      reports: health.reports.all(engagementId, from, to),
      nudges: health.nudges.all(engagementId, from, to),
      acknowledgements: health.acknowledgements.all(engagementId, from, to),
      answers: health.answers.all(engagementId),
    });
    const snapshots = health.snapshots
      .all(engagementId, storedForm(now.minus({ weeks: SNAPSHOT_WEEKS })), storedForm(now))
      .map((s) => ({ at: instant(s.asOf), score: Number(s.score), band: s.band }));
    return assessHealth(history, now, { weights: settings.weights, bands: settings.bands, snapshots });
  };

  return { listTouchpoints, submitReport, assessEngagement };
}

/** What reportInputFromJson builds from the DTO, with the DTO's type checks reduced to typeof. */
function reportInput(body: unknown): ReportInput {
  if (typeof body !== 'object' || body === null) throw new HttpError(400, 'VALIDATION_FAILED');
  const b = body as Record<string, unknown>;
  const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
  const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
  const blockers: BlockerInput[] = list(b.blockers).map((item, i) => {
    const blocker = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    return {
      fields: {
        text: `blockers.${i}.text`,
        status: `blockers.${i}.status`,
        carriedFrom: `blockers.${i}.carriedFrom`,
      },
      text: text(blocker.text),
      status: text(blocker.status),
      carriedFrom: text(blocker.carriedFrom),
    };
  });
  return {
    status: text(b.status),
    kpis: typeof b.kpis === 'object' && b.kpis !== null ? (b.kpis as Record<string, unknown>) : {},
    kpiValues: 'json',
    highlights: text(b.highlights),
    blockers,
    asks: list(b.asks).map((ask, i) => ({ field: `asks.${i}`, text: String(ask) })),
    nextWeekPlan: text(b.nextWeekPlan),
  };
}

/** `2027-03-09T14:00:00Z` in UTC, or with the offset of `zone`, as Cadence writes instants. */
function iso(stored: string, zone: string): string {
  return DateTime.fromJSDate(new Date(stored), { zone }).toISO({ suppressMilliseconds: true });
}

const TOUCHPOINTS = /^\/api\/v1\/engagements\/([^/]+)\/touchpoints$/;
const REPORT = /^\/api\/v1\/touchpoints\/([^/]+)\/report$/;
const HEALTH = /^\/api\/v1\/engagements\/([^/]+)\/health$/;

function main(): void {
  const [file, token, nowIso] = process.argv.slice(2);
  if (!file || !token || !nowIso) throw new Error('usage: bare-server <sqlite file> <api token> <now>');
  const db = openDatabase(file);
  const routes = handlers(db, DateTime.fromISO(nowIso, { zone: 'utc' }), healthSettings());

  const answer = (res: ServerResponse, status: number, body: unknown): void => {
    const json = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(json),
    });
    res.end(json);
  };
  const handle = (req: IncomingMessage, res: ServerResponse, raw: string): void => {
    try {
      const header = req.headers.authorization;
      const presented = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1] : undefined;
      if (presented === undefined || !tokensMatch(presented, token)) throw new HttpError(401, 'UNAUTHORIZED');
      const url = new URL(req.url ?? '/', 'http://bare');
      const list = req.method === 'GET' ? TOUCHPOINTS.exec(url.pathname) : null;
      if (list)
        return answer(res, 200, routes.listTouchpoints(decodeURIComponent(list[1]), url.searchParams));
      const health = req.method === 'GET' ? HEALTH.exec(url.pathname) : null;
      if (health) return answer(res, 200, routes.assessEngagement(decodeURIComponent(health[1])));
      const report = req.method === 'POST' ? REPORT.exec(url.pathname) : null;
      if (report)
        return answer(res, 200, routes.submitReport(decodeURIComponent(report[1]), JSON.parse(raw)));
      throw new HttpError(404, 'NOT_FOUND');
    } catch (error) {
      if (error instanceof HttpError) return answer(res, error.status, { error: { code: error.code } });
      return answer(res, 500, { error: { code: 'INTERNAL', message: (error as Error).message } });
    }
  };
  const server = createServer((req, res) => {
    if (req.method !== 'POST') return handle(req, res, '');
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => handle(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  server.keepAliveTimeout = 72_000;
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;
    process.send?.({ type: 'ready', url: `http://127.0.0.1:${port}`, pid: process.pid });
  });
  process.on('message', (message: { type?: string }) => {
    if (message.type === 'rss')
      process.send?.({ type: 'rss', maxRssMb: process.resourceUsage().maxRSS / 1024 });
    // CPU time spent so far: requests per CPU-second do not depend on what else the machine runs.
    if (message.type === 'cpu') process.send?.({ type: 'cpu', ...process.cpuUsage() });
    if (message.type === 'stop') {
      db.close();
      process.exit(0);
    }
  });
}

main();
