import { HistoryFactory } from '../../../../test/health/history.factory';
import { statusColourRule } from './status-colour.rule';

describe('statusColourRule', () => {
  it('scores 100 when every report is green', () => {
    const f = new HistoryFactory().weeks(8);
    const result = statusColourRule(f.build(), f.end());
    expect(result.score).toBe(100);
    expect(result.explanation).toBe('All 8 reports green.');
  });

  it('scores amber above red: amber is a vendor being candid about risk', () => {
    const amber = new HistoryFactory().weeks(7).week({ colour: 'amber' });
    const red = new HistoryFactory().weeks(7).week({ colour: 'red' });
    expect(statusColourRule(amber.build(), amber.end()).score).toBeGreaterThan(
      statusColourRule(red.build(), red.end()).score!,
    );
  });

  it('hurts more for red weeks in a row than for the same red weeks scattered', () => {
    const streak = new HistoryFactory()
      .weeks(5)
      .week({ colour: 'red' })
      .week({ colour: 'red' })
      .week({ colour: 'red' });
    const scattered = new HistoryFactory()
      .weeks(3)
      .week({ colour: 'red' })
      .week()
      .week({ colour: 'red' })
      .week()
      .week({ colour: 'red' });
    const streaky = statusColourRule(streak.build(), streak.end());
    expect(streaky.score).toBeLessThan(statusColourRule(scattered.build(), scattered.end()).score!);
    expect(streaky.explanation).toBe('Last 8 reports: 5 green and 3 red; red 3 reports running.');
  });

  it('dates each streak from its first report', () => {
    const f = new HistoryFactory({ firstWeek: '2027-04-05' })
      .weeks(2)
      .week({ colour: 'amber' })
      .week({ colour: 'red' })
      .week({ colour: 'red' });
    const { evidence } = statusColourRule(f.build(), f.end());
    expect(evidence.red).toMatchObject({ length: 2 });
    expect(evidence.red.since?.toISODate()).toBe('2027-04-30');
    expect(evidence.notGreen.length).toBe(3);
    expect(evidence.notGreen.since?.toISODate()).toBe('2027-04-23');
    expect(evidence.green.length).toBe(0);
  });

  it('has no score when no report came in during the window', () => {
    const f = new HistoryFactory().weeks(3, { report: 'missed' });
    const result = statusColourRule(f.build(), f.end());
    expect(result.score).toBeNull();
    expect(result.explanation).toBe('No status report came in during the last 8 weeks.');
  });
});
