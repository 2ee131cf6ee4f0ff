import type { KpiBody } from '../cadence-client';
import { seedFrom } from '../rng';
import type {
  EngagementScript,
  GroundTruth,
  Keyframe,
  MeetingPlan,
  Place,
  ReportPlan,
} from '../scenario.types';

/** KPIs of the kinds of work outsourced in the product brief. */
export const KPI_SETS = {
  callCentre: [
    { key: 'aht', label: 'Average handle time', unit: 's', target: 300, direction: 'lower_is_better' },
    { key: 'csat', label: 'Customer satisfaction', unit: '%', target: 85, direction: 'higher_is_better' },
  ],
  telesales: [
    { key: 'close_rate', label: 'Close rate', unit: '%', target: 12, direction: 'higher_is_better' },
  ],
  leadQualification: [
    {
      key: 'qualified_leads',
      label: 'Qualified leads',
      unit: 'leads',
      target: 250,
      direction: 'higher_is_better',
    },
    { key: 'contact_rate', label: 'Contact rate', unit: '%', target: 40, direction: 'higher_is_better' },
  ],
  adOperations: [
    { key: 'qa_pass', label: 'Campaign QA pass rate', unit: '%', target: 96, direction: 'higher_is_better' },
  ],
} as const satisfies Record<string, readonly KpiBody[]>;

/** A weekly meeting on the usual mid-week days, shifted off holidays. */
export const MIDWEEK_MEETING: MeetingPlan = {
  frequency: 'weekly',
  durationMinutes: 45,
  preferredWeekdays: ['tue', 'wed', 'thu'],
  holidayPolicy: 'shift',
};

export const FRIDAY_REPORT: ReportPlan = { due: { weekday: 'fri', time: '17:00' }, holidayPolicy: 'shift' };
/** The same report where the work week runs Sunday to Thursday: due on its last working day. */
const THURSDAY_REPORT: ReportPlan = { due: { weekday: 'thu', time: '17:00' }, holidayPolicy: 'shift' };

/** Vendor countries of the library whose work week runs Sunday to Thursday. */
const SUNDAY_TO_THURSDAY = new Set(['SA', 'EG']);

/** A weekly report due at 17:00 on the vendor's last working day, shifted off holidays. */
function defaultReport(vendor: Place): ReportPlan {
  return SUNDAY_TO_THURSDAY.has(vendor.country) ? THURSDAY_REPORT : FRIDAY_REPORT;
}

export interface EngagementParts {
  scenario: string;
  template: string;
  index: number;
  clientName: string;
  vendorName: string;
  manager: Place;
  vendor: Place;
  kpis: readonly KpiBody[];
  meeting?: MeetingPlan | null;
  /** The vendor's last working day at 17:00, shifted off holidays, unless given (defaultReport). */
  report?: ReportPlan;
  conduct: readonly Keyframe[];
  kpiNoise?: number;
  truth: GroundTruth;
}

/** One engagement script; its random stream is seeded by scenario, template and index. */
export function engagement(parts: EngagementParts): EngagementScript {
  return {
    key: `${parts.template}-${parts.index}`,
    template: parts.template,
    clientName: parts.clientName,
    vendorName: parts.vendorName,
    manager: parts.manager,
    vendor: parts.vendor,
    kpis: [...parts.kpis],
    meeting: parts.meeting === undefined ? MIDWEEK_MEETING : parts.meeting,
    report: parts.report ?? defaultReport(parts.vendor),
    conduct: parts.conduct,
    kpiNoise: parts.kpiNoise ?? 0.03,
    truth: parts.truth,
    seed: seedFrom(parts.scenario, parts.template, parts.index),
  };
}

/** Picks the i-th item, cycling, so seeds of one template spread over places and KPI sets. */
export function cycle<T>(items: readonly T[], index: number): T {
  return items[index % items.length];
}
