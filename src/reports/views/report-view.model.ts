import type { ReportColour } from '../domain/report.types';

/** What every report page shows at the top, formatted for the vendor contact reading it. */
export interface ReportHeading {
  /** The cadence's title ("Weekly status"). */
  title: string;
  engagementName: string;
  /** "Acme Corp × Manila CX Partners". */
  parties: string;
  period: string;
  /** The due time in the reader's zone and locale, zone named. */
  due: string;
}

export interface PageNotice {
  tone: 'info' | 'warn';
  text: string;
}

export interface KpiFieldView {
  key: string;
  label: string;
  unit: string;
  /** "12%" or "240 s", in the reader's number format. */
  target: string;
  /** "higher is better" / "lower is better". */
  direction: string;
}

export interface CarriedBlockerView {
  id: string;
  text: string;
  /** When it first appeared, as a local date ("since Fri, Mar 19, 2027"). */
  since: string;
}

/** Form field name → value as typed (or as stored, when editing). */
export type FormValues = Readonly<Record<string, string>>;

export interface ReportFormView {
  basePath: string;
  heading: ReportHeading;
  notices: PageNotice[];
  kpis: KpiFieldView[];
  carried: CarriedBlockerView[];
  newBlockerSlots: number;
  askSlots: number;
  values: FormValues;
  /** Field name → message; shown next to the field and summarised at the top. */
  errors: Readonly<Record<string, string>>;
  csrf: string;
  submitLabel: string;
}

export interface ReportSummaryView {
  basePath: string;
  heading: ReportHeading;
  notices: PageNotice[];
  status: ReportColour;
  kpis: { label: string; value: string; target: string }[];
  highlights: string;
  blockers: { text: string; status: 'open' | 'resolved'; carried: boolean }[];
  asks: string[];
  nextWeekPlan: string;
  /** "Received Fri, Mar 26, 2027, 4:12 PM GMT+8 (Asia/Manila)". */
  received: string;
  late: boolean;
  /** Where to change it, while it can be changed. */
  edit: { href: string; until: string } | null;
}
