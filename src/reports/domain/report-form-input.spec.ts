import { numberedValues, reportInputFromForm } from './report-form-input';

describe('reportInputFromForm', () => {
  const shape = { kpiKeys: ['close_rate'], previousOpenBlockerIds: ['b-1'] };

  it('reads every field as typed, skipping the spare blank rows', () => {
    const input = reportInputFromForm(
      {
        csrf: 'x',
        status: 'amber',
        'kpis.close_rate': '12,5',
        'kpis.other': '99',
        highlights: ' typed ',
        'carried.b-1': 'resolved',
        'newBlockers.0': 'Dialer',
        'newBlockers.1': '   ',
        'newBlockers.2': 'Export',
        'asks.0': '',
        'asks.1': 'Decide',
        nextWeekPlan: 'plan',
      },
      shape,
    );
    expect(input).toEqual({
      status: 'amber',
      kpis: { close_rate: '12,5' },
      kpiValues: 'typed',
      highlights: ' typed ',
      blockers: [
        {
          fields: { text: 'carried.b-1', status: 'carried.b-1', carriedFrom: 'carried.b-1' },
          text: null,
          status: 'resolved',
          carriedFrom: 'b-1',
        },
        {
          fields: { text: 'newBlockers.0', status: 'newBlockers.0', carriedFrom: 'newBlockers.0' },
          text: 'Dialer',
          status: 'open',
          carriedFrom: null,
        },
        {
          fields: { text: 'newBlockers.2', status: 'newBlockers.2', carriedFrom: 'newBlockers.2' },
          text: 'Export',
          status: 'open',
          carriedFrom: null,
        },
      ],
      asks: [{ field: 'asks.1', text: 'Decide' }],
      nextWeekPlan: 'plan',
    });
  });

  it('treats missing fields as not given, and a repeated name by its first value', () => {
    const input = reportInputFromForm({ status: ['red', 'green'] }, shape);
    expect(input).toMatchObject({
      status: 'red',
      kpis: { close_rate: null },
      highlights: null,
      nextWeekPlan: null,
    });
    expect(input.blockers[0]).toMatchObject({ carriedFrom: 'b-1', status: null });
  });
});

describe('numberedValues', () => {
  it('orders rows by index and ignores other names and absurd indices', () => {
    expect(
      numberedValues(
        { 'asks.10': 'b', 'asks.2': 'a', 'asks.x': 'no', 'asks.100': 'no', askss: 'no' },
        'asks',
      ),
    ).toEqual([
      { index: 2, value: 'a' },
      { index: 10, value: 'b' },
    ]);
  });
});
