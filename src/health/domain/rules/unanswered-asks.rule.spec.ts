import { HistoryFactory } from '../../../../test/health/history.factory';
import { unansweredAsksRule } from './unanswered-asks.rule';

describe('unansweredAsksRule', () => {
  it('scores 100 when nothing is waiting on the client', () => {
    const f = new HistoryFactory().weeks(4);
    const result = unansweredAsksRule(f.build(), f.end());
    expect(result.score).toBe(100);
    expect(result.explanation).toBe('No ask of the client is waiting for an answer.');
  });

  it('gives the client three days, then charges 4 points a day up to 35 per ask', () => {
    const f = new HistoryFactory({ firstWeek: '2027-06-07' }).week({
      asks: [{ text: 'Approve script v3', answeredAfterDays: null }],
    });
    const history = f.build();
    const askedAt = f.monday(0).plus({ days: 4 }).set({ hour: 15 });
    expect(unansweredAsksRule(history, askedAt.plus({ days: 3 })).score).toBe(100);
    expect(unansweredAsksRule(history, askedAt.plus({ days: 10 })).score).toBe(72);
    expect(unansweredAsksRule(history, askedAt.plus({ days: 60 })).score).toBe(65);
    expect(unansweredAsksRule(history, askedAt.plus({ days: 12 })).explanation).toBe(
      "1 ask of the client unanswered: 'Approve script v3' for 12 days.",
    );
  });

  it('stops counting an ask once it is answered, but not before the answer came', () => {
    const f = new HistoryFactory().week({ asks: [{ text: 'Share Q3 lead list', answeredAfterDays: 9 }] });
    const history = f.build();
    const askedAt = f.monday(0).plus({ days: 4 }).set({ hour: 15 });
    expect(unansweredAsksRule(history, askedAt.plus({ days: 8 })).evidence.open).toHaveLength(1);
    const answered = unansweredAsksRule(history, askedAt.plus({ days: 10 }));
    expect(answered.evidence.open).toHaveLength(0);
    expect(answered.explanation).toBe('Every ask of the client answered (1 recently).');
  });

  it('treats an ask repeated in later reports as one ask, aged from the first time', () => {
    const ask = { text: 'Approve script v3', answeredAfterDays: null };
    const f = new HistoryFactory()
      .week({ asks: [ask] })
      .week({ asks: [{ ...ask, text: 'Please approve script v3!' }] })
      .week({ asks: [ask] });
    const { evidence } = unansweredAsksRule(f.build(), f.end());
    expect(evidence.open).toHaveLength(1);
    expect(Math.floor(evidence.open[0].waitedDays)).toBe(16);
  });

  it('does not age an ask during an Eid week with no touchpoints', () => {
    const ask = [{ text: 'Approve the Arabic IVR prompts', answeredAfterDays: null }];
    const plain = new HistoryFactory({ timeZone: 'Africa/Cairo', firstWeek: '2027-02-22' })
      .week({ asks: ask })
      .week();
    const eid = new HistoryFactory({ timeZone: 'Africa/Cairo', firstWeek: '2027-02-22' })
      .week({ asks: ask })
      .holidayWeek('Eid al-Fitr (EG, tentative)')
      .week();
    expect(unansweredAsksRule(eid.build(), eid.end()).evidence.open[0].waitedDays).toBeCloseTo(
      unansweredAsksRule(plain.build(), plain.end()).evidence.open[0].waitedDays,
      9,
    );
  });
});
