import { HistoryFactory } from '../../../../test/health/history.factory';
import { nudgeResponseRule } from './nudge-response.rule';

const withNudge = (respondedAfterHours: number | null): HistoryFactory =>
  new HistoryFactory()
    .weeks(3)
    .week({ nudges: [{ to: 'vendor_contact', respondedAfterHours }] })
    .weeks(2);

describe('nudgeResponseRule', () => {
  it('scores 100 when no follow-up was needed', () => {
    const f = new HistoryFactory().weeks(4);
    const result = nudgeResponseRule(f.build(), f.end());
    expect(result.score).toBe(100);
    expect(result.explanation).toBe('No follow-up was needed in the last 8 weeks.');
  });

  it('gives full credit for an answer within a day, 40 at three days and nothing for an ignored nudge', () => {
    const score = (hours: number | null): number | null => {
      const f = withNudge(hours);
      return nudgeResponseRule(f.build(), f.end()).score;
    };
    expect(score(5)).toBe(100);
    expect(score(72)).toBe(40);
    expect(score(null)).toBe(0);
  });

  it('does not judge a nudge in its first day', () => {
    const f = new HistoryFactory().week({ nudges: [{ to: 'account_manager', respondedAfterHours: null }] });
    const sentAt = f.monday(0).plus({ days: 4 }).set({ hour: 19 });
    const result = nudgeResponseRule(f.build(), sentAt.plus({ hours: 5 }));
    expect(result.score).toBe(100);
    expect(result.evidence.awaiting).toBe(1);
    expect(result.explanation).toBe('1 follow-up sent in the last day, not yet due an answer.');
  });

  it('says how quickly nudges were answered and how many were not', () => {
    const f = new HistoryFactory()
      .week({ nudges: [{ to: 'vendor_contact', respondedAfterHours: 10 }] })
      .week({ nudges: [{ to: 'vendor_contact', respondedAfterHours: 30 }] })
      .week({ nudges: [{ to: 'account_manager', respondedAfterHours: null }] })
      .week();
    expect(nudgeResponseRule(f.build(), f.end()).explanation).toBe(
      '2 of 3 follow-ups answered, in 20 h on average; 1 unanswered.',
    );
  });

  it('measures a response across a holiday week in effective hours', () => {
    const f = new HistoryFactory({ firstWeek: '2027-10-18' })
      // Sent Friday 19:00, answered 228 h later on the Monday after Diwali week: 60 h without that week.
      .week({ nudges: [{ to: 'vendor_contact', respondedAfterHours: 228 }] })
      .holidayWeek('Diwali (IN)')
      .week();
    const { evidence } = nudgeResponseRule(f.build(), f.end());
    expect(evidence.judged[0].hours).toBeCloseTo(60, 6);
  });
});
