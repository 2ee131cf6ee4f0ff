import { WITHDRAWN_REASONS } from '../cadences/domain/adjustment-reasons';
import type { HistoryRows, NudgeRow, TouchpointRow } from './engagement-history.mapper';
import { mapHistory } from './engagement-history.mapper';

const ENGAGEMENT = {
  id: 'e1',
  createdAt: '2027-03-01T14:00:00.000Z',
  kpis: JSON.stringify([
    { key: 'close_rate', label: 'Close rate', unit: '%', target: 12, direction: 'higher_is_better' },
  ]),
  timeZone: 'America/New_York',
};

function touchpoint(id: string, overrides: Partial<TouchpointRow> = {}): TouchpointRow {
  return {
    id,
    engagementId: 'e1',
    kind: 'status_report',
    status: 'pending',
    scheduledAt: '2027-03-05T09:00:00.000Z',
    endsAt: null,
    originalAt: '2027-03-05T09:00:00.000Z',
    adjustmentType: null,
    adjustmentReason: null,
    heldAt: null,
    submittedAt: null,
    rescheduleCount: 0,
    ...overrides,
  };
}

function nudge(touchpointId: string, trigger: string, overrides: Partial<NudgeRow> = {}): NudgeRow {
  return {
    engagementId: 'e1',
    touchpointId,
    followUpTrigger: trigger,
    sentAt: '2027-03-05T11:00:00.000Z',
    recipientPersonId: 'p-vendor',
    recipientRole: 'vendor_contact',
    ...overrides,
  };
}

function rows(overrides: Partial<HistoryRows>): HistoryRows {
  return {
    engagement: ENGAGEMENT,
    touchpoints: [],
    reports: [],
    nudges: [],
    acknowledgements: [],
    answers: [],
    ...overrides,
  };
}

const iso = (t: { toUTC(): { toISO(): string | null } } | null | undefined): string | null =>
  t ? t.toUTC().toISO() : null;

describe('mapHistory', () => {
  it('takes the zone from the account manager and the start from the engagement', () => {
    const history = mapHistory(rows({}));
    expect(history).toMatchObject({ engagementId: 'e1', timeZone: 'America/New_York' });
    expect(iso(history.startedAt)).toBe('2027-03-01T14:00:00.000Z');
    expect(history.kpis).toEqual([expect.objectContaining({ key: 'close_rate', target: 12 })]);
  });

  it('keeps holiday skips (they pause their week) but leaves out occurrences the planner withdrew', () => {
    const history = mapHistory(
      rows({
        touchpoints: [
          touchpoint('diwali', {
            status: 'skipped',
            adjustmentType: 'skipped',
            adjustmentReason: 'Diwali (IN, tentative)',
          }),
          touchpoint('stopped', {
            status: 'skipped',
            adjustmentType: 'skipped',
            adjustmentReason: WITHDRAWN_REASONS.stopped,
          }),
          touchpoint('changed', {
            status: 'skipped',
            adjustmentType: 'skipped',
            adjustmentReason: WITHDRAWN_REASONS.changed,
          }),
          touchpoint('withdrawn-meeting', {
            kind: 'meeting',
            status: 'cancelled',
            adjustmentType: 'skipped',
            adjustmentReason: WITHDRAWN_REASONS.stopped,
          }),
        ],
      }),
    );
    expect(history.touchpoints.map((t) => [t.id, t.adjustment])).toEqual([
      ['diwali', { type: 'skipped', reason: 'Diwali (IN, tentative)' }],
    ]);
  });

  it('passes the count of manual reschedules through as churn', () => {
    const [meeting] = mapHistory(
      rows({
        touchpoints: [
          touchpoint('m', {
            kind: 'meeting',
            status: 'held',
            adjustmentType: 'shifted',
            adjustmentReason: 'Rescheduled by hand',
            rescheduleCount: 2,
            endsAt: '2027-03-05T09:45:00.000Z',
            heldAt: '2027-03-06T10:00:00.000Z',
          }),
        ],
      }),
    ).touchpoints;
    expect(meeting).toMatchObject({ kind: 'meeting', status: 'held', rescheduleCount: 2 });
  });

  it('counts a meeting held as two-way contact at its end, or when marked held if that came first', () => {
    const history = mapHistory(
      rows({
        touchpoints: [
          touchpoint('late-mark', {
            kind: 'meeting',
            status: 'held',
            endsAt: '2027-03-05T09:45:00.000Z',
            heldAt: '2027-03-08T10:00:00.000Z',
          }),
          touchpoint('early-mark', {
            kind: 'meeting',
            status: 'held',
            scheduledAt: '2027-03-12T09:00:00.000Z',
            endsAt: '2027-03-12T09:45:00.000Z',
            heldAt: '2027-03-12T09:30:00.000Z',
          }),
          touchpoint('missed', { kind: 'meeting', status: 'missed' }),
        ],
      }),
    );
    expect(history.contacts.map((c) => [c.channel, iso(c.at)])).toEqual([
      ['meeting', '2027-03-05T09:45:00.000Z'],
      ['meeting', '2027-03-12T09:30:00.000Z'],
    ]);
  });

  it('maps a report with its colour, KPIs, carried blockers and asks, due when its touchpoint was', () => {
    const history = mapHistory(
      rows({
        touchpoints: [touchpoint('r', { status: 'late', submittedAt: '2027-03-06T08:00:00.000Z' })],
        reports: [
          {
            touchpointId: 'r',
            engagementId: 'e1',
            status: 'amber',
            kpiValues: JSON.stringify({ close_rate: 11.5 }),
            blockers: JSON.stringify([
              {
                id: 'b2',
                text: 'CRM access',
                status: 'open',
                carriedFrom: 'b1',
                firstSeenAt: '2027-02-26T09:00:00.000Z',
              },
              {
                id: 'b3',
                text: 'Dialer outage',
                status: 'resolved',
                firstSeenAt: '2027-03-05T09:00:00.000Z',
              },
            ]),
            asks: JSON.stringify([{ text: 'Approve script v3' }, { text: 'Two more seats' }]),
            submittedAt: '2027-03-06T08:00:00.000Z',
          },
        ],
        answers: [
          {
            touchpointId: 'r',
            askIndex: 1,
            askText: 'Two more seats',
            answeredAt: '2027-03-08T15:00:00.000Z',
          },
        ],
      }),
    );
    const [report] = history.reports;
    expect(iso(report.dueAt)).toBe('2027-03-05T09:00:00.000Z');
    expect(report).toMatchObject({ status: 'amber', kpiValues: { close_rate: 11.5 } });
    expect(report.blockers.map((b) => [b.text, b.status, b.carriedOver, iso(b.firstSeen)])).toEqual([
      ['CRM access', 'open', true, '2027-02-26T09:00:00.000Z'],
      ['Dialer outage', 'resolved', false, '2027-03-05T09:00:00.000Z'],
    ]);
    expect(report.asks.map((a) => [a.text, iso(a.askedAt), iso(a.answeredAt)])).toEqual([
      ['Approve script v3', '2027-03-06T08:00:00.000Z', null],
      ['Two more seats', '2027-03-06T08:00:00.000Z', '2027-03-08T15:00:00.000Z'],
    ]);
    expect(history.contacts.map((c) => [c.channel, iso(c.at)])).toEqual([
      ['report', '2027-03-06T08:00:00.000Z'],
    ]);
  });

  it('keeps an answer with its ask when the vendor reorders the asks, and drops it when the ask there was rewritten', () => {
    const report = (asks: string[]) => ({
      touchpointId: 'r',
      engagementId: 'e1',
      status: 'green',
      kpiValues: '{}',
      blockers: '[]',
      asks: JSON.stringify(asks.map((text) => ({ text }))),
      submittedAt: '2027-03-05T08:00:00.000Z',
    });
    const answers = [
      {
        touchpointId: 'r',
        askIndex: 0,
        askText: 'Approve script v3',
        answeredAt: '2027-03-06T08:00:00.000Z',
      },
    ];
    const reordered = mapHistory(
      rows({
        touchpoints: [touchpoint('r')],
        reports: [report(['Two more seats', 'Approve script v3'])],
        answers,
      }),
    );
    expect(reordered.reports[0].asks.map((a) => iso(a.answeredAt))).toEqual([
      null,
      '2027-03-06T08:00:00.000Z',
    ]);
    const rewritten = mapHistory(
      rows({ touchpoints: [touchpoint('r')], reports: [report(['Approve script v4'])], answers }),
    );
    expect(rewritten.reports[0].asks.map((a) => a.answeredAt)).toEqual([null]);
  });

  it('reads a nudge about a late report as answered when the report arrived, or when its reader acknowledged it', () => {
    const history = mapHistory(
      rows({
        touchpoints: [
          touchpoint('arrived', { status: 'late', submittedAt: '2027-03-06T02:00:00.000Z' }),
          touchpoint('acked', { status: 'missed' }),
          touchpoint('ignored', { status: 'missed' }),
        ],
        nudges: [
          nudge('arrived', 'report_late'),
          nudge('acked', 'report_missed', { recipientPersonId: 'p-am', recipientRole: 'account_manager' }),
          nudge('ignored', 'report_late'),
        ],
        acknowledgements: [
          { touchpointId: 'acked', personId: 'p-am', acknowledgedAt: '2027-03-05T15:00:00.000Z' },
        ],
      }),
    );
    expect(history.nudges.map((n) => [n.recipientRole, iso(n.sentAt), iso(n.respondedAt)])).toEqual([
      ['vendor_contact', '2027-03-05T11:00:00.000Z', '2027-03-06T02:00:00.000Z'],
      ['account_manager', '2027-03-05T11:00:00.000Z', '2027-03-05T15:00:00.000Z'],
      ['vendor_contact', '2027-03-05T11:00:00.000Z', null],
    ]);
  });

  it('counts only nudges that wait for something: not those about a red report, an ask or the health band', () => {
    const history = mapHistory(
      rows({
        touchpoints: [touchpoint('r', { status: 'submitted', submittedAt: '2027-03-05T08:00:00.000Z' })],
        nudges: [
          nudge('r', 'red_status'),
          nudge('r', 'ask_unanswered'),
          nudge('r', 'health_band_worsened'),
          nudge('r', 'meeting_missed', { recipientPersonId: null, recipientRole: null }),
        ],
      }),
    );
    // A Slack channel post is read on the account manager's side; the report was in before it went out.
    expect(history.nudges.map((n) => [n.recipientRole, iso(n.respondedAt)])).toEqual([
      ['account_manager', '2027-03-05T11:00:00.000Z'],
    ]);
  });
});
