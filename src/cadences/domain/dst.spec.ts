import { DateTime, Interval } from 'luxon';
import { describeDstTransitions, explainOffsetChange, listDstTransitions } from './dst';

const ms = (iso: string): number => DateTime.fromISO(iso, { zone: 'utc' }).toMillis();
const year2027 = Interval.fromDateTimes(
  DateTime.fromISO('2027-01-01T00:00:00Z', { zone: 'utc' }),
  DateTime.fromISO('2028-01-01T00:00:00Z', { zone: 'utc' }),
);
const labels = { 'America/New_York': 'US', 'America/Chicago': 'US', 'Europe/Warsaw': 'EU' };

describe('DST transitions', () => {
  it('lists the clock changes of several zones in time order, with exact instants', () => {
    const found = listDstTransitions(['America/New_York', 'Europe/Warsaw', 'Asia/Manila'], year2027);
    expect(
      found.map((t) => [t.zone, t.at.toISO(), t.localDate, t.offsetBeforeMinutes, t.offsetAfterMinutes]),
    ).toEqual([
      ['America/New_York', '2027-03-14T07:00:00.000Z', '2027-03-14', -300, -240],
      ['Europe/Warsaw', '2027-03-28T01:00:00.000Z', '2027-03-28', 60, 120],
      ['Europe/Warsaw', '2027-10-31T01:00:00.000Z', '2027-10-31', 120, 60],
      ['America/New_York', '2027-11-07T06:00:00.000Z', '2027-11-07', -240, -300],
    ]);
  });

  it('finds the southern hemisphere changing on the first Sundays of April and October', () => {
    expect(listDstTransitions(['Australia/Sydney'], year2027).map((t) => t.localDate)).toEqual([
      '2027-04-04',
      '2027-10-03',
    ]);
  });

  it('says clock changes the way people do, once per label and date', () => {
    const found = listDstTransitions(
      ['America/New_York', 'America/Chicago', 'Europe/Warsaw'],
      year2027,
    ).slice(0, 3);
    expect(describeDstTransitions(found, labels)).toBe('US moved clocks on Mar 14 2027; EU on Mar 28 2027');
    expect(describeDstTransitions(found.slice(0, 1))).toBe('New York moved clocks on Mar 14 2027');
    expect(describeDstTransitions([])).toBe('');
  });

  it('explains a spring gap week by the US change and the European one that ends it', () => {
    const zones = ['America/New_York', 'Europe/Warsaw'];
    const found = explainOffsetChange(zones, ms('2027-01-05T15:00:00Z'), ms('2027-03-16T20:00:00Z'));
    expect(describeDstTransitions(found, labels)).toBe('US moved clocks on Mar 14 2027; EU on Mar 28 2027');
  });

  it('explains an autumn gap week by the European change and the US one that ends it', () => {
    const zones = ['America/New_York', 'Europe/Warsaw'];
    const found = explainOffsetChange(zones, ms('2027-06-01T15:00:00Z'), ms('2027-11-02T20:00:00Z'));
    expect(describeDstTransitions(found, labels)).toBe('EU moved clocks on Oct 31 2027; US on Nov 7 2027');
  });

  it('still names a change months later when the offsets stay apart (AU left DST in April)', () => {
    const zones = ['Australia/Sydney', 'Asia/Kolkata'];
    const found = explainOffsetChange(zones, ms('2027-06-01T05:00:00Z'), ms('2027-12-01T05:00:00Z'));
    expect(describeDstTransitions(found, { 'Australia/Sydney': 'AU' })).toBe('AU moved clocks on Oct 3 2027');
  });

  it('names nothing when no clock moved', () => {
    expect(
      explainOffsetChange(
        ['Asia/Manila', 'Asia/Kolkata'],
        ms('2027-01-01T00:00:00Z'),
        ms('2027-07-01T00:00:00Z'),
      ),
    ).toEqual([]);
  });
});
