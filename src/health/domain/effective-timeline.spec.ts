import { DateTime } from 'luxon';
import { HistoryFactory } from '../../../test/health/history.factory';
import { effectiveTimeline } from './effective-timeline';

describe('effectiveTimeline', () => {
  // Diwali 2027 is Friday 29 October; the Pune vendor's week of Monday 25 October is skipped.
  const f = new HistoryFactory({ firstWeek: '2027-10-11', timeZone: 'Asia/Kolkata' })
    .weeks(2)
    .holidayWeek('Diwali (IN)')
    .weeks(2);
  const timeline = effectiveTimeline(f.build());
  const at = (iso: string): DateTime => DateTime.fromISO(iso, { zone: 'Asia/Kolkata' });

  it('pauses a local week whose only touchpoints were skipped, with the reasons', () => {
    expect(timeline.pausedWeeks).toHaveLength(1);
    expect(timeline.pausedWeeks[0].start.toISO()).toBe('2027-10-25T00:00:00.000+05:30');
    expect(timeline.pausedWeeks[0].reasons).toEqual(['Diwali (IN)']);
  });

  it('leaves instants before the pause alone and moves later ones back by one local week', () => {
    expect(timeline.millis(at('2027-10-22T17:00'))).toBe(at('2027-10-22T17:00').toMillis());
    expect(timeline.at(at('2027-11-02T10:00')).toISO()).toBe('2027-10-26T10:00:00.000+05:30');
  });

  it('stands still inside the paused week', () => {
    expect(timeline.millis(at('2027-10-29T12:00'))).toBe(at('2027-10-25T00:00').toMillis());
  });

  it('does not pause a week in which a touchpoint took place', () => {
    const history = new HistoryFactory().weeks(3).build();
    const skippedMeeting = history.touchpoints.map((t) =>
      t.id === 'm1'
        ? { ...t, status: 'skipped' as const, adjustment: { type: 'skipped' as const, reason: 'Onam (IN)' } }
        : t,
    );
    expect(effectiveTimeline({ ...history, touchpoints: skippedMeeting }).pausedWeeks).toEqual([]);
  });

  it('cuts exactly one local week across a DST change in the history’s zone', () => {
    // New York springs forward on Sunday 14 March 2027, inside the paused week.
    const ny = new HistoryFactory({ firstWeek: '2027-03-01', timeZone: 'America/New_York' })
      .week()
      .holidayWeek('Company shutdown (client blackout)')
      .week();
    const nyTimeline = effectiveTimeline(ny.build());
    const after = DateTime.fromISO('2027-03-16T10:00', { zone: 'America/New_York' });
    expect(nyTimeline.at(after).toISO()).toBe('2027-03-09T10:00:00.000-05:00');
  });
});
