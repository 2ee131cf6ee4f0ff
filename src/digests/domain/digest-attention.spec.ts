import {
  digestEngagement,
  digestModel,
  realisticDigestModel,
} from '../../../test/digests/digest-model.factory';
import { engagementsNeedingAttention, isEmptyWeek, needsAttention } from './digest-attention';

describe('needsAttention', () => {
  it('is false for a healthy engagement with nothing new', () => {
    expect(needsAttention(digestEngagement())).toBe(false);
  });

  it.each(['watch', 'at_risk', 'strained'] as const)('is true for band %s', (band) => {
    expect(needsAttention(digestEngagement({ band, score: 50 }))).toBe(true);
  });

  it('is true for a healthy engagement with a new warning flag or a missed touchpoint', () => {
    expect(
      needsAttention(
        digestEngagement({
          newFlags: [
            { code: 'REPORTS_SLIPPING', severity: 'warning', since: '2027-10-22', message: '2 of 4 late' },
          ],
        }),
      ),
    ).toBe(true);
    expect(
      needsAttention(
        digestEngagement({
          touchpointIssues: [
            { kind: 'meeting', title: 'Weekly sync', scheduledAt: '2027-10-26T13:00:00Z', status: 'missed' },
          ],
        }),
      ),
    ).toBe(true);
  });

  it('is false for an info flag or a holiday skip alone', () => {
    expect(
      needsAttention(
        digestEngagement({
          newFlags: [{ code: 'AMBER_STREAK', severity: 'info', since: '2027-10-15', message: 'amber x3' }],
          holidaySkips: [{ title: 'Weekly status', date: '2027-10-29', reason: 'Diwali (IN)' }],
        }),
      ),
    ).toBe(false);
  });

  it('picks the three of the realistic seven', () => {
    const names = engagementsNeedingAttention(realisticDigestModel().engagements).map((e) => e.name);
    expect(names.sort()).toEqual(['Acme × Bogotá Telesales', 'Acme × Cairo Support', 'Acme × Kraków Ad Ops']);
  });
});

describe('isEmptyWeek', () => {
  it('is true when every engagement is healthy and quiet', () => {
    expect(isEmptyWeek(digestModel([digestEngagement({ id: 'a' }), digestEngagement({ id: 'b' })]))).toBe(
      true,
    );
  });

  it('is true for an empty portfolio', () => {
    expect(isEmptyWeek(digestModel([]))).toBe(true);
  });

  it('stays true when the only news is a holiday skip: a skip is not a miss', () => {
    const skip = { title: 'Weekly status', date: '2027-10-29', reason: 'Diwali (IN)' };
    expect(isEmptyWeek(digestModel([digestEngagement({ holidaySkips: [skip] })]))).toBe(true);
  });

  it.each([
    ['a band below healthy', { band: 'watch', score: 70 }],
    [
      'an info flag',
      { newFlags: [{ code: 'AMBER_STREAK', severity: 'info', since: '2027-10-15', message: 'm' }] },
    ],
    [
      'a KPI off target',
      {
        kpis: [
          {
            key: 'close',
            label: 'Close rate',
            unit: '%',
            target: 12,
            direction: 'higher_is_better',
            value: 10,
            met: false,
          },
        ],
      },
    ],
    ['something to celebrate', { highlights: [{ code: 'ON_TIME_STREAK', message: '8 on time' }] }],
    ['an open ask', { openAsks: [{ text: 'Sign-off', askedAt: '2027-10-20T12:00:00Z', daysWaiting: 5 }] }],
    [
      'a disruption ahead',
      {
        disruptions: [
          { date: '2027-11-11', kind: 'holiday', label: 'Independence Day (PL)', effect: 'moves' },
        ],
      },
    ],
  ] as const)('is false with %s', (_what, overrides) => {
    expect(isEmptyWeek(digestModel([digestEngagement(), digestEngagement(overrides)]))).toBe(false);
  });

  it('is false for the realistic week', () => {
    expect(isEmptyWeek(realisticDigestModel())).toBe(false);
  });
});
