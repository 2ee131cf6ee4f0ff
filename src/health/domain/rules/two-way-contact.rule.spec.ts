import { HistoryFactory } from '../../../../test/health/history.factory';
import { twoWayContactRule } from './two-way-contact.rule';

describe('twoWayContactRule', () => {
  it('scores 100 while contact comes at least weekly, and names the last one', () => {
    const f = new HistoryFactory({ firstWeek: '2027-01-04' }).weeks(6);
    const result = twoWayContactRule(f.build(), f.end());
    expect(result.score).toBe(100);
    expect(result.explanation).toBe('Last two-way contact 2 days ago (report, 2027-02-12).');
  });

  it('halves a week past the weekly rhythm and reaches 0 three weeks past it', () => {
    const f = new HistoryFactory().weeks(4);
    const history = f.build();
    const lastReport = f.monday(3).plus({ days: 4 }).set({ hour: 15 });
    expect(twoWayContactRule(history, lastReport.plus({ days: 7 })).score).toBe(100);
    expect(twoWayContactRule(history, lastReport.plus({ days: 14 })).score).toBe(50);
    expect(twoWayContactRule(history, lastReport.plus({ days: 21 })).score).toBe(25);
    expect(twoWayContactRule(history, lastReport.plus({ days: 28 })).score).toBe(0);
  });

  it('cuts a Diwali week with no touchpoint out of the gap, and says so', () => {
    const plain = new HistoryFactory({ firstWeek: '2027-10-04' }).weeks(3);
    const withDiwali = new HistoryFactory({ firstWeek: '2027-10-04' }).weeks(3).holidayWeek('Diwali (IN)');
    const before = twoWayContactRule(plain.build(), plain.end());
    const after = twoWayContactRule(withDiwali.build(), withDiwali.end());
    expect(after.score).toBe(before.score);
    expect(after.evidence.gapDays).toBeCloseTo(before.evidence.gapDays, 9);
    expect(after.explanation).toBe(
      'Last two-way contact 9 days ago (report, 2027-10-22); 7 days of Diwali (IN) not counted, leaving 2 days.',
    );
  });

  it('does not cut a week whose meeting was skipped but whose report came in', () => {
    const f = new HistoryFactory().weeks(3);
    const history = f.build();
    const skippedMeeting = history.touchpoints.map((t) =>
      t.id === 'm2'
        ? { ...t, status: 'skipped' as const, adjustment: { type: 'skipped' as const, reason: 'Onam (IN)' } }
        : t,
    );
    const result = twoWayContactRule({ ...history, touchpoints: skippedMeeting }, f.end().plus({ days: 10 }));
    expect(result.evidence.pausedDays).toBe(0);
  });

  it('expects contact only fortnightly from a fortnightly cadence', () => {
    const f = new HistoryFactory().week({ report: 'none' }).week({ meeting: 'none', report: 'none' });
    f.week({ report: 'none' }).week({ meeting: 'none', report: 'none' }).week({ report: 'none' });
    const history = f.build();
    const lastMeeting = f.monday(4).plus({ days: 1 }).set({ hour: 10, minute: 45 });
    const result = twoWayContactRule(history, lastMeeting.plus({ days: 12 }));
    expect(result.evidence.expectedDays).toBe(14);
    expect(result.score).toBe(100);
  });

  it('runs the gap from the start of the engagement when there has been no contact', () => {
    const f = new HistoryFactory({ firstWeek: '2027-06-07' }).weeks(2, {
      meeting: 'missed',
      report: 'missed',
    });
    const result = twoWayContactRule(f.build(), f.end());
    expect(result.evidence.lastContact).toBeNull();
    expect(result.explanation).toBe('No two-way contact yet, 17 days after the engagement began.');
    expect(result.score).toBeLessThan(50);
  });
});
