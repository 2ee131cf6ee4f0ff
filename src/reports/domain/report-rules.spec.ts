import { validateReport, type BlockerInput, type ReportInput, type ReportRules } from './report-rules';
import type { StoredBlocker } from './report.types';

const KPIS: ReportRules['kpis'] = [
  { key: 'close_rate', label: 'Close rate', unit: '%', target: 12, direction: 'higher_is_better' },
  { key: 'handle_time', label: 'Handle time', unit: 's', target: 240, direction: 'lower_is_better' },
];
const CRM: StoredBlocker = {
  id: 'b-crm',
  text: 'CRM access',
  status: 'open',
  firstSeenAt: '2027-03-19T09:00:00.000Z',
};
const VPN: StoredBlocker = {
  id: 'b-vpn',
  text: 'VPN drops',
  status: 'open',
  firstSeenAt: '2027-03-12T09:00:00.000Z',
};

function input(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    status: 'green',
    kpis: { close_rate: 12.5, handle_time: 230 },
    kpiValues: 'json',
    highlights: 'Good week',
    blockers: [],
    asks: [],
    nextWeekPlan: 'More of the same',
    ...overrides,
  };
}

function blocker(i: number, values: Partial<BlockerInput>): BlockerInput {
  return {
    fields: {
      text: `blockers.${i}.text`,
      status: `blockers.${i}.status`,
      carriedFrom: `blockers.${i}.carriedFrom`,
    },
    text: null,
    status: null,
    carriedFrom: null,
    ...values,
  };
}

const rules: ReportRules = { kpis: KPIS, previousOpenBlockers: [] };

describe('validateReport', () => {
  it('accepts a complete report and keeps every text exactly as sent', () => {
    const typed = '  <b>bold</b>\r\n\ttabbed  ';
    const result = validateReport(
      input({ highlights: typed, nextWeekPlan: typed, asks: [{ field: 'asks.0', text: typed }] }),
      rules,
    );
    expect(result).toEqual({
      ok: true,
      report: {
        status: 'green',
        kpis: { close_rate: 12.5, handle_time: 230 },
        highlights: typed,
        blockers: [],
        asks: [typed],
        nextWeekPlan: typed,
      },
    });
  });

  it('requires a colour and a number for every KPI of the engagement, and refuses other keys', () => {
    const result = validateReport(input({ status: null, kpis: { close_rate: null, extra: 3 } }), rules);
    expect(result).toEqual({
      ok: false,
      errors: {
        status: 'is required: choose green, amber or red',
        'kpis.close_rate': 'is required: enter a number (%)',
        'kpis.handle_time': 'is required: enter a number (s)',
        'kpis.extra': 'is not a KPI of this engagement',
      },
    });
  });

  it('reads numbers typed into the form with a decimal comma or the unit, and refuses ambiguous ones', () => {
    const typed = (close_rate: string) =>
      validateReport(input({ kpiValues: 'typed', kpis: { close_rate, handle_time: '240' } }), rules);
    expect(typed('12,5')).toMatchObject({
      ok: true,
      report: { kpis: { close_rate: 12.5, handle_time: 240 } },
    });
    expect(typed(' 12.5 % ')).toMatchObject({ ok: true, report: { kpis: { close_rate: 12.5 } } });
    expect(typed('-0.5')).toMatchObject({ ok: true, report: { kpis: { close_rate: -0.5 } } });
    expect(typed('1,234')).toMatchObject({
      ok: false,
      errors: { 'kpis.close_rate': 'must be written without thousands separators, e.g. 1234 or 12.5' },
    });
    expect(typed('twelve')).toMatchObject({
      ok: false,
      errors: { 'kpis.close_rate': 'must be a number, e.g. 12.5' },
    });
    expect(typed('1e400')).toMatchObject({
      ok: false,
      errors: { 'kpis.close_rate': 'must be a number, e.g. 12.5' },
    });
    expect(typed('')).toMatchObject({
      ok: false,
      errors: { 'kpis.close_rate': 'is required: enter a number (%)' },
    });
  });

  it('takes only JSON numbers from the API, finite and of sane size', () => {
    const json = (close_rate: unknown) =>
      validateReport(input({ kpis: { close_rate, handle_time: 1 } }), rules);
    expect(json('12.5')).toMatchObject({ ok: false, errors: { 'kpis.close_rate': 'must be a number' } });
    expect(json(true)).toMatchObject({ ok: false, errors: { 'kpis.close_rate': 'must be a number' } });
    expect(json(1e13)).toMatchObject({
      ok: false,
      errors: { 'kpis.close_rate': 'is too large to be a measurement' },
    });
    expect(json(0)).toMatchObject({ ok: true });
  });

  it('refuses control characters and broken Unicode, which no one types and PostgreSQL will not store', () => {
    const result = validateReport(
      input({
        highlights: 'a\u0000b',
        nextWeekPlan: 'half a pair \ud83d',
        asks: [{ field: 'asks.0', text: 'bell\u0007' }],
      }),
      rules,
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        highlights: 'must not contain control characters or broken Unicode',
        nextWeekPlan: 'must not contain control characters or broken Unicode',
        'asks.0': 'must not contain control characters or broken Unicode',
      },
    });
    expect(validateReport(input({ highlights: 'emoji 👍 and tab\tand CRLF\r\n' }), rules).ok).toBe(true);
  });

  it('enforces the length limits with the actual length in the message', () => {
    expect(validateReport(input({ highlights: 'x'.repeat(5001) }), rules)).toEqual({
      ok: false,
      errors: { highlights: 'must be at most 5000 characters (it has 5001)' },
    });
    const many = Array.from({ length: 21 }, (_, i) => ({ field: `asks.${i}`, text: `ask ${i}` }));
    expect(validateReport(input({ asks: many }), rules)).toMatchObject({
      ok: false,
      errors: { asks: 'must list at most 20 asks' },
    });
  });

  describe('blockers', () => {
    const withPrevious: ReportRules = { kpis: KPIS, previousOpenBlockers: [CRM, VPN] };

    it('carries the last report’s open blockers over when they are not mentioned', () => {
      const result = validateReport(input(), withPrevious);
      expect(result).toMatchObject({
        ok: true,
        report: {
          blockers: [
            { text: 'CRM access', status: 'open', carriedFrom: CRM },
            { text: 'VPN drops', status: 'open', carriedFrom: VPN },
          ],
        },
      });
    });

    it('resolves or rewords a carried blocker, and adds new ones', () => {
      const result = validateReport(
        input({
          blockers: [
            blocker(0, { carriedFrom: 'b-vpn', status: 'resolved' }),
            blocker(1, { carriedFrom: 'b-crm', status: 'open', text: 'CRM access (two agents left)' }),
            blocker(2, { text: 'Dialer licences', status: 'open' }),
          ],
        }),
        withPrevious,
      );
      expect(result).toMatchObject({
        ok: true,
        report: {
          blockers: [
            { text: 'VPN drops', status: 'resolved', carriedFrom: VPN },
            { text: 'CRM access (two agents left)', status: 'open', carriedFrom: CRM },
            { text: 'Dialer licences', status: 'open', carriedFrom: null },
          ],
        },
      });
    });

    it('names the field of every bad blocker', () => {
      const result = validateReport(
        input({
          blockers: [
            blocker(0, { carriedFrom: 'b-unknown', status: 'open' }),
            blocker(1, { carriedFrom: 'b-crm', status: null }),
            blocker(2, { carriedFrom: 'b-vpn', status: 'open' }),
            blocker(3, { carriedFrom: 'b-vpn', status: 'resolved' }),
            blocker(4, { text: ' ', status: 'open' }),
            blocker(5, { text: 'x', status: 'blocked' }),
            blocker(6, { text: 'y'.repeat(501), status: 'open' }),
          ],
        }),
        withPrevious,
      );
      expect(result).toEqual({
        ok: false,
        errors: {
          'blockers.0.carriedFrom': 'is not an open blocker of the last report',
          'blockers.1.status': 'is required: choose resolved or still open',
          'blockers.3.carriedFrom': 'names a blocker of the last report twice',
          'blockers.4.text': 'must not be empty',
          'blockers.5.status': 'must be open or resolved',
          'blockers.6.text': 'must be at most 500 characters (it has 501)',
        },
      });
    });

    it('counts carried blockers toward the limit', () => {
      const thirty = Array.from({ length: 29 }, (_, i) =>
        blocker(i, { text: `blocker ${i}`, status: 'open' }),
      );
      expect(
        validateReport(input({ blockers: thirty }), { kpis: KPIS, previousOpenBlockers: [CRM] }).ok,
      ).toBe(true);
      expect(validateReport(input({ blockers: thirty }), withPrevious)).toMatchObject({
        ok: false,
        errors: { blockers: 'must list at most 30 blockers' },
      });
    });
  });
});
