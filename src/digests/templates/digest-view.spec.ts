import {
  digestEngagement,
  digestModel,
  realisticDigestModel,
} from '../../../test/digests/digest-model.factory';
import { buildDigestView, chartWeeks, trendView } from './digest-view';

describe('trendView', () => {
  it('says which way and by how much, in words as well as an arrow', () => {
    expect(trendView(-9)).toEqual({
      direction: 'down',
      arrow: '▼',
      short: '−9',
      spoken: 'down 9 points in 4 weeks',
    });
    expect(trendView(12)).toEqual({
      direction: 'up',
      arrow: '▲',
      short: '+12',
      spoken: 'up 12 points in 4 weeks',
    });
    expect(trendView(0)).toEqual({
      direction: 'steady',
      arrow: '▶',
      short: '±0',
      spoken: 'steady over 4 weeks',
    });
    expect(trendView(-1)).toEqual({
      direction: 'steady',
      arrow: '▶',
      short: '−1',
      spoken: 'steady (down 1 point in 4 weeks)',
    });
    expect(trendView(null)).toEqual({ direction: 'new', arrow: '–', short: 'new', spoken: 'no trend yet' });
  });
});

describe('chartWeeks', () => {
  it('always gives eight weeks', () => {
    expect(chartWeeks([])).toEqual(Array(8).fill(null));
    expect(chartWeeks([1, 2, 3, 4, 5, 6, 7, 8, 9])).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

describe('buildDigestView', () => {
  const view = buildDigestView(realisticDigestModel());

  it('counts what needs attention and the bands, worst band first', () => {
    expect(view.headline).toBe('3 of 7 engagements need attention');
    expect(view.bandCounts.map((b) => `${b.count} ${b.label}`)).toEqual([
      '1 strained',
      '1 at risk',
      '1 watch',
      '4 healthy',
    ]);
    expect(view.emptyLine).toBeNull();
  });

  it('says briefly why each engagement needs attention', () => {
    const reasons = Object.fromEntries(view.engagements.map((e) => [e.name, e.reasons]));
    expect(reasons['Acme × Cairo Support']).toBe('3 new flags · 2 touchpoints missed · 2 KPIs not reported');
    // The Kraków info flag (amber streak) is shown in its section but is not a reason.
    expect(reasons['Acme × Kraków Ad Ops']).toBe('1 new flag · 1 late report · 1 KPI off target');
    expect(reasons['Acme × Pune Lead Qualification']).toBe('');
  });

  it('words each missed or late touchpoint by kind', () => {
    const cairo = view.touchpoints.find((g) => g.engagement.name === 'Acme × Cairo Support')!;
    expect(cairo.items.map((t) => `${t.title}: ${t.what}, ${t.when}`)).toEqual([
      'Weekly sync: did not happen, Tue, Oct 26, 9:00 AM EDT',
      'Weekly status: not received, due Thu, Oct 28, 9:00 AM EDT',
    ]);
    const cancelled = buildDigestView(
      digestModel([
        digestEngagement({
          touchpointIssues: [
            {
              kind: 'meeting',
              title: 'Weekly sync',
              scheduledAt: '2027-10-27T14:00:00Z',
              status: 'cancelled',
            },
            {
              kind: 'status_report',
              title: 'Weekly status',
              scheduledAt: '2027-10-29T15:00:00Z',
              status: 'late',
            },
          ],
        }),
      ]),
    ).touchpoints[0].items;
    expect(cancelled.map((t) => t.what)).toEqual(['cancelled', 'late']);
  });

  it('splits KPIs into off target (or not reported) and on target, per engagement', () => {
    expect(view.kpiSummary).toBe('9 of 13 KPIs on target last week.');
    expect(
      view.kpisOff.map((g) => [g.engagement.name, g.items.map((k) => `${k.label} ${k.value} ${k.verdict}`)]),
    ).toEqual([
      ['Acme × Cairo Support', ['First contact resolution — not reported', 'CSAT — not reported']],
      ['Acme × Bogotá Telesales', ['Close rate 9.1% off target']],
      ['Acme × Kraków Ad Ops', ['Campaigns launched on time 91% off target']],
    ]);
    const bogota = view.kpisOn.find((g) => g.engagement.name === 'Acme × Bogotá Telesales')!;
    expect(bogota.items.map((k) => `${k.label} ${k.value} (${k.targetShort})`)).toEqual([
      'Dials per agent hour 14.5 (≥ 12)',
    ]);
    const voice = view.kpisOn.find((g) => g.engagement.name === 'Acme × Manila Voice')!;
    expect(voice.items.map((k) => k.targetShort)).toEqual(['≥ 75%', '≤ 300 s']);
  });

  it('credits highlights to the person named, or to the vendor, best engagement first', () => {
    expect(view.highlights.map((h) => h.by)).toEqual([
      'Maria Santos, Manila CX Partners',
      'Manila CX Partners',
      'Anil Kulkarni, Pune Lead Desk',
      'Manila CX Partners',
      'Ramon Dela Cruz, Manila CX Partners',
      'Faisal Al-Harbi, Najd Business Services',
    ]);
  });

  it('orders open asks by how long they have waited', () => {
    expect(view.asks.map((a) => `${a.engagement.name}: ${a.waiting}; ${a.asked}`)).toEqual([
      'Acme × Cairo Support: waiting 13 days; asked by Mona Farouk on Thu, Oct 14',
      'Acme × Bogotá Telesales: waiting 6 days; asked by Julián Restrepo on Fri, Oct 22',
    ]);
  });

  it('merges a holiday shared by two engagements of one vendor into one line naming both', () => {
    const manila = view.disruptions.find((v) => v.vendorName === 'Manila CX Partners')!;
    expect(manila.items).toHaveLength(1);
    expect(manila.items[0].engagementNames).toEqual(['Acme × Cebu Chat', 'Acme × Manila Voice']);
    const krakow = view.disruptions.find((v) => v.vendorName === 'Vistula Ad Operations')!;
    expect(krakow.items.map((d) => `${d.day} ${d.kindLabel}`)).toEqual([
      'Mon, Nov 1 Holiday',
      'Sun, Nov 7 Clock change',
      'Thu, Nov 11 Holiday',
    ]);
    expect(krakow.items[0].engagementNames).toEqual([]);
  });

  it('names last week and the two weeks ahead as date ranges', () => {
    const plain = (s: string): string => s.replace(/[\u2009\u202f]/g, ' ');
    expect(plain(view.lastWeekRange)).toBe('Oct 25 – 31, 2027');
    expect(plain(view.lookAheadRange)).toBe('Nov 1 – 14, 2027');
    expect(view.weekLabel).toBe('Week 44');
  });

  it('keeps an English locale for <html lang> and uses plain English otherwise', () => {
    expect(view.lang).toBe('en-US');
    const german = buildDigestView({
      ...realisticDigestModel(),
      executive: { name: 'Jo', zone: 'Europe/Berlin', locale: 'de-DE' },
    });
    expect(german.lang).toBe('en');
    expect(german.weekRange).toMatch(/Nov/);
  });
});
