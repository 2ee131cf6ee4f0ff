import { type MeetingPlan, HistoryFactory } from '../../../../test/health/history.factory';
import { meetingAdherenceRule } from './meeting-adherence.rule';

const lastWeek = (meeting: MeetingPlan): number | null => {
  const f = new HistoryFactory().weeks(7).week({ meeting });
  return meetingAdherenceRule(f.build(), f.end()).score;
};

describe('meetingAdherenceRule', () => {
  it('scores 100 when every meeting was held', () => {
    const f = new HistoryFactory().weeks(9);
    const result = meetingAdherenceRule(f.build(), f.end());
    expect(result.score).toBe(100);
    expect(result.explanation).toBe('All 8 meetings held.');
  });

  it('ranks a missed meeting below a cancelled one, and both below one not marked held', () => {
    expect(lastWeek('missed')).toBeLessThan(lastWeek('cancelled')!);
    expect(lastWeek('cancelled')).toBeLessThan(lastWeek('unconfirmed')!);
    expect(lastWeek('unconfirmed')).toBeLessThan(lastWeek('held')!);
  });

  it('charges manual reschedule churn even when the meeting is held in the end', () => {
    expect(lastWeek({ status: 'held', reschedules: 3 })).toBeLessThan(
      lastWeek({ status: 'held', reschedules: 1 })!,
    );
    expect(lastWeek({ status: 'held', reschedules: 1 })).toBeLessThan(100);
  });

  it('names what happened to the meetings that were not held, and the churn', () => {
    const f = new HistoryFactory()
      .weeks(4)
      .week({ meeting: 'missed' })
      .week({ meeting: 'cancelled' })
      .week({ meeting: { status: 'held', reschedules: 2 } })
      .week({ meeting: 'unconfirmed' });
    expect(meetingAdherenceRule(f.build(), f.end()).explanation).toBe(
      '5 of the last 8 meetings held; 1 missed, 1 cancelled and 1 not marked held; 2 manual reschedules.',
    );
  });

  it('leaves a meeting skipped for Eid out entirely', () => {
    const f = new HistoryFactory({ timeZone: 'Africa/Cairo', firstWeek: '2027-02-01' })
      .weeks(5)
      .holidayWeek('Eid al-Fitr (EG, tentative)')
      .weeks(2);
    const result = meetingAdherenceRule(f.build(), f.end());
    expect(result.score).toBe(100);
    expect(result.explanation).toBe(
      'All 7 meetings held; 1 skipped for Eid al-Fitr (EG, tentative) not counted.',
    );
  });

  it('waits a day before judging a meeting nobody has marked held', () => {
    const f = new HistoryFactory().weeks(3).week({ meeting: 'unconfirmed', report: 'none' });
    const start = f.monday(3).plus({ days: 1 }).set({ hour: 10 });
    expect(meetingAdherenceRule(f.build(), start.plus({ hours: 3 })).evidence.awaiting).toBe(1);
    expect(meetingAdherenceRule(f.build(), start.plus({ hours: 30 })).evidence.recent[0].outcome.kind).toBe(
      'unconfirmed',
    );
  });

  it('has no score without meetings', () => {
    const f = new HistoryFactory().weeks(3, { meeting: 'none' });
    expect(meetingAdherenceRule(f.build(), f.end()).score).toBeNull();
  });

  it('tracks the streak of meetings held and when the current run of misses began', () => {
    const f = new HistoryFactory({ firstWeek: '2027-05-03' })
      .weeks(2)
      .week({ meeting: 'missed' })
      .week()
      .week({ meeting: 'cancelled' });
    const { evidence } = meetingAdherenceRule(f.build(), f.end());
    expect(evidence.heldStreak).toBe(0);
    expect(evidence.missSince?.toISODate()).toBe('2027-05-18');

    const g = new HistoryFactory().week({ meeting: 'missed' }).weeks(5);
    expect(meetingAdherenceRule(g.build(), g.end()).evidence.heldStreak).toBe(5);
  });
});
