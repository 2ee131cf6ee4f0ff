import { HistoryFactory } from '../../../../test/health/history.factory';
import { reportTimelinessRule } from './report-timeliness.rule';

describe('reportTimelinessRule', () => {
  it('scores 100 when every report of the last 8 weeks came in on time', () => {
    const f = new HistoryFactory().weeks(10);
    const result = reportTimelinessRule(f.build(), f.end());
    expect(result.key).toBe('report_timeliness');
    expect(result.score).toBe(100);
    expect(result.explanation).toBe('All 8 reports in the last 8 weeks arrived on time.');
    expect(result.evidence.recent).toHaveLength(8);
  });

  it('costs more the later a report is, and most when it is missing', () => {
    const score = (report: 'missed' | { lateHours: number }): number | null => {
      const f = new HistoryFactory().weeks(7).week({ report });
      return reportTimelinessRule(f.build(), f.end()).score;
    };
    expect(score({ lateHours: 3 })).toBeGreaterThan(score({ lateHours: 30 })!);
    expect(score({ lateHours: 30 })).toBeGreaterThan(score({ lateHours: 96 })!);
    expect(score({ lateHours: 96 })).toBeGreaterThan(score('missed')!);
    // One miss among eight weekly reports is a bad week, not a collapse.
    expect(score('missed')).toBeGreaterThanOrEqual(75);
  });

  it('names how many were late, by how much on average, and how many were missed', () => {
    const f = new HistoryFactory()
      .weeks(5)
      .week({ report: { lateHours: 20 } })
      .week({ report: 'missed' })
      .week({ report: { lateHours: 32 } });
    const result = reportTimelinessRule(f.build(), f.end());
    expect(result.explanation).toBe('2 of the last 8 reports were late (avg 26 h) and 1 missed.');
  });

  it('weighs a recent slip more than the same slip seven weeks ago', () => {
    const recent = new HistoryFactory().weeks(7).week({ report: { lateHours: 30 } });
    const old = new HistoryFactory()
      .weeks(2)
      .week({ report: { lateHours: 30 } })
      .weeks(5);
    expect(reportTimelinessRule(recent.build(), recent.end()).score).toBeLessThan(
      reportTimelinessRule(old.build(), old.end()).score!,
    );
  });

  it('leaves a report skipped for a holiday out of numerator and denominator', () => {
    const f = new HistoryFactory().weeks(4).holidayWeek('Diwali (IN)').weeks(3);
    const result = reportTimelinessRule(f.build(), f.end());
    expect(result.score).toBe(100);
    expect(result.evidence.recent).toHaveLength(7);
    expect(result.explanation).toBe(
      'All 7 reports in the last 8 weeks arrived on time; 1 skipped for Diwali (IN) not counted.',
    );
  });

  it('does not judge a report in its first day overdue, then counts it as late while it stays out', () => {
    const f = new HistoryFactory().weeks(5).week({ report: 'pending' });
    const history = f.build();
    const due = f.monday(5).plus({ days: 4 }).set({ hour: 17 });
    const early = reportTimelinessRule(history, due.plus({ hours: 6 }));
    expect(early.score).toBe(100);
    expect(early.evidence.awaiting).toBe(1);
    const later = reportTimelinessRule(history, due.plus({ hours: 40 }));
    expect(later.score).toBeLessThan(100);
    expect(later.explanation).toBe('1 of the last 6 reports was late (avg 40 h, 1 still not in).');
  });

  it('treats a submission after the evaluation instant as not yet made, so history can be replayed', () => {
    const f = new HistoryFactory().weeks(5).week({ report: { lateHours: 60 } });
    const due = f.monday(5).plus({ days: 4 }).set({ hour: 17 });
    const result = reportTimelinessRule(f.build(), due.plus({ hours: 30 }));
    expect(result.evidence.recent[0].outcome).toEqual({ kind: 'late', hoursLate: 30, outstanding: true });
  });

  it('has no score when no report was due in the window', () => {
    const f = new HistoryFactory().weeks(3, { report: 'none' });
    const result = reportTimelinessRule(f.build(), f.end());
    expect(result.score).toBeNull();
    expect(result.explanation).toBe('No status report was due in the last 8 weeks.');
  });

  it('dates the slip from its first late report, and starts afresh after three on-time reports', () => {
    const f = new HistoryFactory({ firstWeek: '2027-03-01' })
      .week({ report: 'missed' })
      .weeks(3)
      .week({ report: { lateHours: 5 } })
      .week()
      .week({ report: 'missed' });
    const { evidence } = reportTimelinessRule(f.build(), f.end());
    expect(evidence.slipSince?.toISODate()).toBe('2027-04-02');
  });

  it('counts the on-time streak across a holiday skip', () => {
    const f = new HistoryFactory().week({ report: 'missed' }).weeks(3).holidayWeek('Holy Week (PH)').weeks(2);
    expect(reportTimelinessRule(f.build(), f.end()).evidence.onTimeStreak).toBe(5);
  });
});
