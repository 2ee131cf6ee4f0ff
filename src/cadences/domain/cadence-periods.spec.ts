import { expandPeriods } from './cadence-periods';
import { fromEpochDay } from './civil-date';

const summary = (periods: ReturnType<typeof expandPeriods>) =>
  periods.map((p) => ({ key: p.key, rule: fromEpochDay(p.ruleDay), days: p.days.map(fromEpochDay) }));

describe('cadence periods', () => {
  it('places a weekly cadence on its weekday from the first one on or after startsOn', () => {
    const periods = expandPeriods('weekly', 'thu', '2027-03-03', { from: '2027-03-01', to: '2027-03-31' });
    expect(periods.map((p) => [p.key, fromEpochDay(p.ruleDay)])).toEqual([
      ['2027-W09', '2027-03-04'],
      ['2027-W10', '2027-03-11'],
      ['2027-W11', '2027-03-18'],
      ['2027-W12', '2027-03-25'],
    ]);
  });

  it('lets an occurrence move within its ISO week but never before startsOn', () => {
    const [first, second] = summary(
      expandPeriods('weekly', 'thu', '2027-03-03', { from: '2027-03-01', to: '2027-03-12' }),
    );
    expect(first.days).toEqual(['2027-03-03', '2027-03-04', '2027-03-05', '2027-03-06', '2027-03-07']);
    expect(second.days).toHaveLength(7);
  });

  it('keeps a biweekly cadence in phase with its first date whatever the range', () => {
    const periods = expandPeriods('biweekly', 'thu', '2027-03-01', { from: '2027-03-10', to: '2027-04-05' });
    expect(periods.map((p) => fromEpochDay(p.ruleDay))).toEqual(['2027-03-18', '2027-04-01']);
  });

  it('keeps a monthly cadence on the n-th weekday of startsOn ("2nd Tuesday")', () => {
    const periods = summary(
      expandPeriods('monthly', 'tue', '2027-03-09', { from: '2027-03-01', to: '2027-05-31' }),
    );
    expect(periods.map((p) => [p.key, p.rule])).toEqual([
      ['2027-03', '2027-03-09'],
      ['2027-04', '2027-04-13'],
      ['2027-05', '2027-05-11'],
    ]);
    expect(periods[0].days).toEqual([
      '2027-03-09',
      '2027-03-10',
      '2027-03-11',
      '2027-03-12',
      '2027-03-13',
      '2027-03-14',
    ]);
  });

  it('keeps a monthly occurrence inside its month when its week straddles two', () => {
    const [april] = summary(
      expandPeriods('monthly', 'thu', '2027-04-01', { from: '2027-04-01', to: '2027-04-30' }),
    );
    expect(april.rule).toBe('2027-04-01');
    expect(april.days).toEqual(['2027-04-01', '2027-04-02', '2027-04-03', '2027-04-04']);
  });

  it('caps the ordinal at 4 so that every month has an occurrence', () => {
    const periods = expandPeriods('monthly', 'mon', '2027-03-29', { from: '2027-03-01', to: '2027-05-31' });
    expect(periods.map((p) => fromEpochDay(p.ruleDay))).toEqual(['2027-04-26', '2027-05-24']);
  });

  it('plans nothing before startsOn or for an empty range', () => {
    expect(expandPeriods('weekly', 'mon', '2027-06-01', { from: '2027-03-01', to: '2027-05-31' })).toEqual(
      [],
    );
    expect(expandPeriods('weekly', 'mon', '2027-01-01', { from: '2027-03-10', to: '2027-03-01' })).toEqual(
      [],
    );
  });
});
