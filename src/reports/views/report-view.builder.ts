import { DateTime } from 'luxon';
import { formatInstant, formatLocalDate, resolveLocale } from '../../notifications/email/format';
import type { Person } from '../../people/person.entity';
import {
  FORM_FIELDS,
  formValue,
  numberedValues,
  type FormBody,
  type FormShape,
} from '../domain/report-form-input';
import { describePeriod } from '../domain/report-period';
import { isLate } from '../domain/report-window';
import type { ReportKpi, StoredBlocker } from '../domain/report.types';
import type { ReportSubject } from '../report-subject.service';
import type { StatusReport } from '../status-report.entity';
import type {
  CarriedBlockerView,
  FormValues,
  KpiFieldView,
  PageNotice,
  ReportHeading,
  ReportSummaryView,
} from './report-view.model';

/** Whose zone and locale a page is written in: the vendor contact the link belongs to. */
export interface Reader {
  zone: string;
  /** A locale this process can format in. */
  locale: string;
}

/** Spare rows for new blockers and asks, so several can be added without JavaScript. */
const SPARE_ROWS = 2;
const MIN_ROWS = 3;

export function readerOf(person: Person | null): Reader {
  return person === null
    ? { zone: 'UTC', locale: 'en' }
    : { zone: person.timeZone, locale: resolveLocale(person.locale) };
}

export function headingFor(subject: ReportSubject, reader: Reader): ReportHeading {
  return {
    title: subject.cadence.title,
    engagementName: subject.engagement.name,
    parties: `${subject.engagement.clientName} × ${subject.engagement.vendorName}`,
    period: describePeriod(subject.touchpoint.periodKey, reader.locale),
    due: formatInstant(subject.dueAt, reader),
  };
}

export function kpiFieldsFor(kpis: readonly ReportKpi[], reader: Reader): KpiFieldView[] {
  return kpis.map((kpi) => ({
    key: kpi.key,
    label: kpi.label,
    unit: kpi.unit,
    target: withUnit(kpi.target, kpi.unit, reader),
    direction: kpi.direction === 'higher_is_better' ? 'higher is better' : 'lower is better',
  }));
}

export function carriedFor(previousOpen: readonly StoredBlocker[], reader: Reader): CarriedBlockerView[] {
  return previousOpen.map((b) => ({
    id: b.id,
    text: b.text,
    since: `Open since the report due ${formatLocalDate(
      DateTime.fromISO(b.firstSeenAt, { zone: 'utc' }).setZone(reader.zone),
      reader,
    )}`,
  }));
}

/** A fresh form: every blocker of the last report starts as "still open". */
export function blankValues(previousOpen: readonly StoredBlocker[]): FormValues {
  return Object.fromEntries(previousOpen.map((b) => [FORM_FIELDS.carried(b.id), 'open']));
}

/** The form filled with what was stored, to change it. */
export function valuesFromReport(report: StatusReport, previousOpen: readonly StoredBlocker[]): FormValues {
  const values: Record<string, string> = {
    [FORM_FIELDS.status]: report.status,
    [FORM_FIELDS.highlights]: report.highlights,
    [FORM_FIELDS.nextWeekPlan]: report.nextWeekPlan,
  };
  for (const [key, value] of Object.entries(report.kpiValues)) values[FORM_FIELDS.kpi(key)] = String(value);
  for (const previous of previousOpen) {
    const carried = report.blockers.find((b) => b.carriedFrom === previous.id);
    values[FORM_FIELDS.carried(previous.id)] = carried?.status ?? 'open';
  }
  report.blockers
    .filter((b) => b.carriedFrom === undefined)
    .forEach((b, i) => (values[FORM_FIELDS.newBlocker(i)] = b.text));
  report.asks.forEach((ask, i) => (values[FORM_FIELDS.ask(i)] = ask.text));
  return values;
}

/** The form as it was sent, to show it again with its errors: nothing typed is lost. */
export function valuesFromBody(body: FormBody, shape: FormShape): FormValues {
  const values: Record<string, string> = {};
  const keep = (name: string): void => {
    const value = formValue(body, name);
    if (value !== null) values[name] = value;
  };
  keep(FORM_FIELDS.status);
  keep(FORM_FIELDS.highlights);
  keep(FORM_FIELDS.nextWeekPlan);
  shape.kpiKeys.forEach((key) => keep(FORM_FIELDS.kpi(key)));
  shape.previousOpenBlockerIds.forEach((id) => keep(FORM_FIELDS.carried(id)));
  for (const row of numberedValues(body, 'newBlockers'))
    values[FORM_FIELDS.newBlocker(row.index)] = row.value;
  for (const row of numberedValues(body, 'asks')) values[FORM_FIELDS.ask(row.index)] = row.value;
  return values;
}

/** Rows to render for a numbered group: every row in use plus spares. */
export function rowsFor(values: FormValues, prefix: 'newBlockers' | 'asks'): number {
  let highest = -1;
  for (const name of Object.keys(values)) {
    const match = /^(\w+)\.(\d+)$/.exec(name);
    if (match !== null && match[1] === prefix && values[name]?.trim() !== '') {
      highest = Math.max(highest, Number(match[2]));
    }
  }
  return Math.max(MIN_ROWS, highest + 1 + SPARE_ROWS);
}

export function formNotices(
  subject: ReportSubject,
  reader: Reader,
  now: DateTime,
  graceMinutes: number,
): PageNotice[] {
  const report = subject.report;
  if (report !== null) {
    return [
      {
        tone: 'info',
        text:
          `You sent this report ${formatInstant(report.submittedAt, reader)}${report.late ? ' (marked late)' : ''}. ` +
          `You can change it until ${formatInstant(subject.editableUntil, reader)}; sending the form again replaces it.`,
      },
    ];
  }
  if (isLate(now, subject.dueAt, graceMinutes)) {
    return [
      {
        tone: 'warn',
        text: 'This report is past its due time. It is still welcome, and will be marked late.',
      },
    ];
  }
  return [];
}

export function summaryFor(
  subject: ReportSubject,
  report: StatusReport,
  reader: Reader,
  page: { basePath: string; edit: { href: string; until: DateTime } | null },
): ReportSummaryView {
  const kpis = subject.engagement.kpis.map((kpi) => {
    const value = Object.hasOwn(report.kpiValues, kpi.key) ? report.kpiValues[kpi.key] : undefined;
    return {
      label: kpi.label,
      value: value === undefined ? 'not reported' : withUnit(value, kpi.unit, reader),
      target: withUnit(kpi.target, kpi.unit, reader),
    };
  });
  return {
    basePath: page.basePath,
    heading: headingFor(subject, reader),
    notices: [],
    status: report.status,
    kpis,
    highlights: report.highlights,
    blockers: report.blockers.map((b) => ({
      text: b.text,
      status: b.status,
      carried: b.carriedFrom !== undefined,
    })),
    asks: report.asks.map((a) => a.text),
    nextWeekPlan: report.nextWeekPlan,
    received: formatInstant(report.submittedAt, reader),
    late: report.late,
    edit: page.edit === null ? null : { href: page.edit.href, until: formatInstant(page.edit.until, reader) },
  };
}

/** "12%" sticks the percent sign to the number; any other unit gets a space ("240 s"). */
function withUnit(value: number, unit: string, reader: Reader): string {
  const number = new Intl.NumberFormat(reader.locale, { maximumFractionDigits: 6 }).format(value);
  if (unit === '') return number;
  return unit === '%' ? `${number}%` : `${number} ${unit}`;
}
