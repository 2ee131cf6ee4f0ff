import { HistoryFactory } from '../../../../test/health/history.factory';
import { recurringBlockersRule } from './recurring-blockers.rule';

describe('recurringBlockersRule', () => {
  it('scores 100 when the latest report has no blocker', () => {
    const f = new HistoryFactory().weeks(4);
    const result = recurringBlockersRule(f.build(), f.end());
    expect(result.score).toBe(100);
    expect(result.explanation).toBe('No blocker open in the latest report.');
  });

  it('does not charge a blocker in its first week: reporting problems is what reports are for', () => {
    const f = new HistoryFactory().weeks(3).week({ blockers: ['Dialer outage'] });
    const result = recurringBlockersRule(f.build(), f.end());
    expect(result.score).toBe(100);
    expect(result.explanation).toBe('Blockers: 1 new blocker.');
  });

  it('charges 10 points for every further week a blocker stays open', () => {
    const f = new HistoryFactory({ firstWeek: '2027-02-01' }).weeks(2).weeks(4, { blockers: ['CRM access'] });
    const result = recurringBlockersRule(f.build(), f.end());
    expect(result.score).toBe(70);
    expect(result.evidence.open[0]).toMatchObject({ text: 'CRM access', weeksOpen: 4, cameBack: false });
    expect(result.evidence.open[0].since.toISODate()).toBe('2027-02-19');
    expect(result.explanation).toBe("Blockers: 'CRM access' open for 4 weeks.");
  });

  it('recognises the same blocker however its wording drifts', () => {
    const f = new HistoryFactory()
      .week({ blockers: ['CRM access'] })
      .week({ blockers: ['Still no CRM access!'] })
      .week({ blockers: ['crm access for the Manila team'] });
    const { evidence } = recurringBlockersRule(f.build(), f.end());
    expect(evidence.open).toHaveLength(1);
    expect(evidence.open[0].weeksOpen).toBe(3);
  });

  it('keeps different blockers apart even when they share a word', () => {
    const f = new HistoryFactory()
      .week({ blockers: ['CRM access'] })
      .week({ blockers: ['CRM training'] })
      .week({ blockers: ['CRM training'] });
    const { evidence } = recurringBlockersRule(f.build(), f.end());
    expect(evidence.open.map((b) => b.text)).toEqual(['CRM training']);
    expect(evidence.open[0].weeksOpen).toBe(2);
  });

  it('charges extra for a blocker that comes back after being resolved', () => {
    const f = new HistoryFactory()
      .week({ blockers: ['VPN drops calls'] })
      .week({ blockers: [{ text: 'VPN drops calls', resolved: true }] })
      .week()
      .week({ blockers: ['VPN drops calls again'] })
      .week({ blockers: ['VPN drops calls again'] });
    const result = recurringBlockersRule(f.build(), f.end());
    expect(result.evidence.open[0]).toMatchObject({ weeksOpen: 2, cameBack: true });
    expect(result.score).toBe(80);
    expect(result.explanation).toBe("Blockers: 'VPN drops calls again' came back and is open for 2 weeks.");
  });

  it('reports a blocker the latest report resolves, with how long it stood', () => {
    const f = new HistoryFactory()
      .weeks(4, { blockers: ['CRM access'] })
      .week({ blockers: [{ text: 'CRM access', resolved: true }] });
    const result = recurringBlockersRule(f.build(), f.end());
    expect(result.score).toBe(100);
    expect(result.evidence.cleared).toEqual([expect.objectContaining({ text: 'CRM access', weeksOpen: 4 })]);
  });

  it('does not count a Diwali week as a week the blocker stayed open', () => {
    const plain = new HistoryFactory({ firstWeek: '2027-10-04' }).weeks(3, { blockers: ['Payroll file'] });
    const diwali = new HistoryFactory({ firstWeek: '2027-10-04' })
      .weeks(2, { blockers: ['Payroll file'] })
      .holidayWeek('Diwali (IN)')
      .week({ blockers: ['Payroll file'] });
    expect(recurringBlockersRule(diwali.build(), diwali.end()).evidence.open[0].weeksOpen).toBe(
      recurringBlockersRule(plain.build(), plain.end()).evidence.open[0].weeksOpen,
    );
  });

  it('has no score when no report came in during the window', () => {
    const f = new HistoryFactory().weeks(2, { report: 'missed' });
    expect(recurringBlockersRule(f.build(), f.end()).score).toBeNull();
  });
});
