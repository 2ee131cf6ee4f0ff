import { DateTime } from 'luxon';
import type { KpiDefinition } from '../../health/domain/engagement-history';
import {
  disruptionsFrom,
  HIGHLIGHT_LIMIT,
  kpiSection,
  openAsks,
  reportHighlight,
  touchpointSections,
  type ReportRow,
  type TouchpointRow,
} from './digest-sections';

const at = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });

function touchpoint(overrides: Partial<TouchpointRow>): TouchpointRow {
  return {
    kind: 'status_report',
    status: 'submitted',
    title: 'Weekly status',
    scheduledAt: at('2027-10-29T09:00:00Z'),
    submittedAt: null,
    adjustmentType: null,
    adjustmentReason: null,
    ...overrides,
  };
}

function report(
  due: string,
  asks: { text: string; answeredAt?: string }[],
  extra: Partial<ReportRow> = {},
): ReportRow {
  return {
    dueAt: at(due),
    submittedAt: at(due),
    kpiValues: {},
    highlights: '',
    asks: asks.map((a) => ({ text: a.text, answeredAt: a.answeredAt ? at(a.answeredAt) : null })),
    submittedBy: 'Maria Santos',
    ...extra,
  };
}

describe('touchpointSections', () => {
  it('lists missed, late and still-overdue reports and missed or cancelled meetings, and nothing that went well', () => {
    const { touchpointIssues } = touchpointSections(
      [
        touchpoint({ status: 'submitted' }),
        touchpoint({ status: 'missed' }),
        touchpoint({ status: 'late', submittedAt: at('2027-10-30T15:00:00Z') }),
        touchpoint({ status: 'late' }),
        touchpoint({ kind: 'meeting', status: 'held', title: 'Weekly sync' }),
        touchpoint({ kind: 'meeting', status: 'missed', title: 'Weekly sync' }),
        touchpoint({ kind: 'meeting', status: 'cancelled', title: 'Weekly sync' }),
      ],
      'America/New_York',
    );
    expect(touchpointIssues).toEqual([
      {
        kind: 'status_report',
        title: 'Weekly status',
        scheduledAt: '2027-10-29T09:00:00Z',
        status: 'missed',
      },
      {
        kind: 'status_report',
        title: 'Weekly status',
        scheduledAt: '2027-10-29T09:00:00Z',
        status: 'late',
        lateByHours: 30,
      },
      {
        kind: 'status_report',
        title: 'Weekly status',
        scheduledAt: '2027-10-29T09:00:00Z',
        status: 'missed',
      },
      { kind: 'meeting', title: 'Weekly sync', scheduledAt: '2027-10-29T09:00:00Z', status: 'missed' },
      { kind: 'meeting', title: 'Weekly sync', scheduledAt: '2027-10-29T09:00:00Z', status: 'cancelled' },
    ]);
  });

  it('shows a holiday skip as a skip with its reason, on the reader’s date, never as a miss', () => {
    const sections = touchpointSections(
      [
        touchpoint({
          status: 'skipped',
          adjustmentType: 'skipped',
          adjustmentReason: 'Diwali (IN)',
          scheduledAt: at('2027-10-29T02:00:00Z'),
        }),
      ],
      'America/New_York',
    );
    expect(sections.touchpointIssues).toEqual([]);
    expect(sections.holidaySkips).toEqual([
      { title: 'Weekly status', date: '2027-10-28', reason: 'Diwali (IN)' },
    ]);
  });
});

describe('kpiSection', () => {
  const closeRate: KpiDefinition = {
    key: 'close_rate',
    label: 'Close rate',
    unit: '%',
    target: 12,
    direction: 'higher_is_better',
  };
  const handleTime: KpiDefinition = {
    key: 'aht',
    label: 'Handle time',
    unit: 's',
    target: 300,
    direction: 'lower_is_better',
  };

  it('judges each KPI by its direction, met at the target', () => {
    const latest = report('2027-10-28T09:00:00Z', [], { kpiValues: { close_rate: 12, aht: 320 } });
    expect(kpiSection([closeRate, handleTime], latest, true).map((k) => [k.key, k.value, k.met])).toEqual([
      ['close_rate', 12, true],
      ['aht', 320, false],
    ]);
  });

  it('says "not reported" (null) when a report was due and none came, and shows nothing when none was due', () => {
    expect(kpiSection([closeRate], null, true)).toEqual([{ ...closeRate, value: null, met: false }]);
    expect(kpiSection([closeRate], null, false)).toEqual([]);
  });
});

describe('openAsks', () => {
  const asOf = at('2027-11-01T12:00:00Z');
  const days = () => 5;

  it('dates a repeated ask from the first report of the run that carried it', () => {
    const reports = [
      report('2027-10-14T09:00:00Z', [{ text: 'Something else' }]),
      report('2027-10-21T09:00:00Z', [{ text: 'CRM access for the night shift' }]),
      report('2027-10-28T09:00:00Z', [{ text: 'Still waiting on CRM access for the night shift' }]),
    ];
    expect(openAsks(reports, asOf, days)).toEqual([
      {
        text: 'Still waiting on CRM access for the night shift',
        askedAt: '2027-10-21T09:00:00Z',
        daysWaiting: 5,
        askedBy: 'Maria Santos',
      },
    ]);
  });

  it('drops an ask the client answered, in this report or earlier in its run, but not one answered after asOf', () => {
    const answeredEarlier = [
      report('2027-10-21T09:00:00Z', [{ text: 'CRM access', answeredAt: '2027-10-25T10:00:00Z' }]),
      report('2027-10-28T09:00:00Z', [{ text: 'CRM access' }]),
    ];
    expect(openAsks(answeredEarlier, asOf, days)).toEqual([]);
    const answeredLater = [
      report('2027-10-28T09:00:00Z', [{ text: 'CRM access', answeredAt: '2027-11-02T10:00:00Z' }]),
    ];
    expect(openAsks(answeredLater, asOf, days).map((a) => a.text)).toEqual(['CRM access']);
  });

  it('has nothing without a report', () => {
    expect(openAsks([], asOf, days)).toEqual([]);
  });
});

describe('reportHighlight', () => {
  it('credits the vendor’s own words to whoever sent the report', () => {
    const latest = report('2027-10-28T09:00:00Z', [], { highlights: '  Close rate up\n two points  ' });
    expect(reportHighlight(latest)).toEqual([
      { code: 'VENDOR_REPORTED', message: 'Close rate up two points', by: 'Maria Santos' },
    ]);
  });

  it('cuts a long paragraph at a word and says nothing for an empty one', () => {
    const long = 'word '.repeat(100);
    const [cut] = reportHighlight(report('2027-10-28T09:00:00Z', [], { highlights: long }));
    expect(cut.message.length).toBeLessThanOrEqual(HIGHLIGHT_LIMIT + 1);
    expect(cut.message).toMatch(/word…$/);
    expect(reportHighlight(report('2027-10-28T09:00:00Z', [], { highlights: '  ' }))).toEqual([]);
  });
});

describe('disruptionsFrom', () => {
  it('keeps holidays and shutdowns of the look-ahead, and clock changes that move something, with their effect', () => {
    const items = [
      {
        kind: 'holiday',
        date: '2027-11-01',
        label: 'All Saints’ Day (PL)',
        touchpoints: [
          {
            title: 'Weekly sync',
            effect: 'shifted' as const,
            originalAt: '2027-11-01T14:00:00Z',
            scheduledAt: '2027-11-02T14:00:00Z',
          },
        ],
      },
      { kind: 'time_off', date: '2027-11-03', label: 'Maria: time off', touchpoints: [] },
      { kind: 'dst', date: '2027-11-07', label: 'US clocks go back', touchpoints: [] },
      {
        kind: 'dst',
        date: '2027-11-07',
        label: 'US clocks go back (sync moves)',
        touchpoints: [
          {
            title: 'Weekly sync',
            effect: 'skipped' as const,
            originalAt: '2027-11-08T14:00:00Z',
            scheduledAt: '2027-11-08T14:00:00Z',
          },
        ],
      },
      { kind: 'blackout', date: '2027-11-20', label: 'Too late', touchpoints: [] },
    ];
    const day = (iso: string) => DateTime.fromISO(iso).setZone('America/New_York').toFormat('ccc d LLL');
    expect(disruptionsFrom(items, { from: '2027-11-01', to: '2027-11-14' }, day)).toEqual([
      {
        date: '2027-11-01',
        kind: 'holiday',
        label: 'All Saints’ Day (PL)',
        effect: 'Weekly sync moves from Mon 1 Nov to Tue 2 Nov',
      },
      {
        date: '2027-11-07',
        kind: 'dst',
        label: 'US clocks go back (sync moves)',
        effect: 'Weekly sync on Mon 8 Nov is skipped',
      },
    ]);
  });
});
