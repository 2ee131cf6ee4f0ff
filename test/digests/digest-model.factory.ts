import type { DigestEngagement, DigestModel, DigestReader } from '../../src/digests/domain/digest.model';

/**
 * Digest models for specs: a realistic portfolio of seven engagements for the
 * week of Monday 1 November 2027 (2027-W44), read in New York.
 *
 * Real calendar facts: Diwali fell on Friday 29 October 2027 (config/holidays/in.yaml),
 * Europe left summer time on 31 October and the US does on 7 November, so for
 * one week New York is five hours from Kraków instead of six; All Saints' Day
 * (1 November) closes offices in Poland, Colombia and the Philippines, and
 * Poland's Independence Day is 11 November.
 */

export const DANA: DigestReader = { name: 'Dana Whitfield', zone: 'America/New_York', locale: 'en-US' };

const BASE_URL = 'https://cadence.example.com';

/** A healthy, quiet engagement; override what the spec is about. */
export function digestEngagement(overrides: Partial<DigestEngagement> = {}): DigestEngagement {
  const id = overrides.id ?? 'eng-quiet';
  return {
    id,
    name: 'Acme × Quiet Vendor',
    vendorName: 'Quiet Vendor Ltd',
    accountManagerName: 'Priya Raman',
    url: `${BASE_URL}/engagements/${id}`,
    score: 85,
    band: 'healthy',
    trend: 1,
    history: [84, 84, 85, 84, 85, 85, 84, 85],
    newFlags: [],
    touchpointIssues: [],
    holidaySkips: [],
    kpis: [],
    highlights: [],
    openAsks: [],
    disruptions: [],
    ...overrides,
  };
}

/** A model around the given engagements, for week 44 of 2027. */
export function digestModel(
  engagements: readonly DigestEngagement[],
  overrides: Partial<DigestModel> = {},
): DigestModel {
  return {
    executive: DANA,
    week: { isoWeek: '2027-W44', start: '2027-11-01', end: '2027-11-07' },
    engagements,
    links: {
      webVersion: `${BASE_URL}/api/v1/executives/exec-dana/digest?week=2027-W44`,
      unsubscribe: `${BASE_URL}/u/3q2x7LwZkR0c9vYt`,
    },
    ...overrides,
  };
}

/** Seven engagements: one strained, one at risk, one on watch, four healthy (one recovering, one new). */
export function realisticDigestModel(): DigestModel {
  return digestModel([
    digestEngagement({
      id: 'eng-manila-voice',
      name: 'Acme × Manila Voice',
      vendorName: 'Manila CX Partners',
      accountManagerName: 'Priya Raman',
      score: 88,
      band: 'healthy',
      trend: 3,
      history: [84, 85, 85, 85, 86, 87, 87, 88],
      kpis: [
        kpi('fcr', 'First call resolution', '%', 75, 'higher_is_better', 82),
        kpi('aht', 'Average handle time', 's', 300, 'lower_is_better', 284),
      ],
      highlights: [
        { code: 'ON_TIME_STREAK', message: '12 reports on time in a row', by: 'Maria Santos' },
        { code: 'KPI_ABOVE_TARGET', message: 'First call resolution 82% vs target 75% for 6 weeks' },
      ],
      disruptions: [
        {
          date: '2027-11-01',
          kind: 'holiday',
          label: "All Saints' Day (PH)",
          effect: 'Monday status report is due Tuesday instead',
        },
      ],
    }),
    digestEngagement({
      id: 'eng-cairo',
      name: 'Acme × Cairo Support',
      vendorName: 'Nile Contact Center',
      accountManagerName: 'Tom Becker',
      score: 38,
      band: 'strained',
      trend: -21,
      history: [66, 64, 61, 59, 52, 47, 41, 38],
      newFlags: [
        {
          code: 'MEETINGS_MISSED',
          severity: 'critical',
          since: '2027-10-12',
          message: '3 of the last 4 meetings did not happen: 2 missed and 1 cancelled',
        },
        {
          code: 'CONTACT_GAP',
          severity: 'critical',
          since: '2027-10-14',
          message: 'No two-way contact for 17 days (last: report on 2027-10-14)',
        },
        {
          code: 'ASKS_UNANSWERED',
          severity: 'warning',
          since: '2027-10-14',
          message:
            "Ask of the client 'Refund policy & escalation matrix for the <Premium> tier' unanswered for 13 days",
        },
      ],
      touchpointIssues: [
        {
          kind: 'status_report',
          title: 'Weekly status',
          scheduledAt: '2027-10-28T13:00:00Z',
          status: 'missed',
        },
        { kind: 'meeting', title: 'Weekly sync', scheduledAt: '2027-10-26T13:00:00Z', status: 'missed' },
      ],
      kpis: [
        kpi('fcr', 'First contact resolution', '%', 70, 'higher_is_better', null),
        kpi('csat', 'CSAT', '/ 5', 4.3, 'higher_is_better', null),
      ],
      openAsks: [
        {
          text: 'Refund policy & escalation matrix for the <Premium> tier — agents are improvising "goodwill" credits',
          askedAt: '2027-10-14T09:30:00Z',
          daysWaiting: 13,
          askedBy: 'Mona Farouk',
        },
      ],
      disruptions: [
        {
          date: '2027-11-04',
          kind: 'blackout',
          label: 'Quarterly training day',
          effect: 'Thursday status report is due Wednesday instead',
        },
      ],
    }),
    digestEngagement({
      id: 'eng-pune',
      name: 'Acme × Pune Lead Qualification',
      vendorName: 'Pune Lead Desk',
      accountManagerName: 'Tom Becker',
      score: 82,
      band: 'healthy',
      trend: 0,
      // The Diwali week has no score: health pauses over holidays rather than count them.
      history: [79, 80, 82, 82, 81, 82, null, 82],
      holidaySkips: [{ title: 'Weekly status', date: '2027-10-29', reason: 'Diwali (IN)' }],
      kpis: [
        kpi('leads', 'Qualified leads', 'leads', 120, 'higher_is_better', 148),
        kpi('meet', 'Lead-to-meeting rate', '%', 20, 'higher_is_better', 23),
      ],
      highlights: [
        {
          code: 'KPI_ABOVE_TARGET',
          message: 'Qualified leads 148 vs target 120 for 4 weeks',
          by: 'Anil Kulkarni',
        },
      ],
    }),
    digestEngagement({
      id: 'eng-krakow',
      name: 'Acme × Kraków Ad Ops',
      vendorName: 'Vistula Ad Operations',
      accountManagerName: 'Priya Raman',
      score: 67,
      band: 'watch',
      trend: -9,
      history: [80, 79, 78, 76, 74, 71, 69, 67],
      newFlags: [
        {
          code: 'REPORTS_SLIPPING',
          severity: 'warning',
          since: '2027-10-15',
          message: '2 of the last 4 reports late or missing: 2 late by 26 h on average',
        },
        {
          code: 'AMBER_STREAK',
          severity: 'info',
          since: '2027-10-15',
          message: 'Status amber or red in the last 3 reports',
        },
      ],
      touchpointIssues: [
        {
          kind: 'status_report',
          title: 'Weekly status',
          scheduledAt: '2027-10-29T15:00:00Z',
          status: 'late',
          lateByHours: 22,
        },
      ],
      kpis: [
        kpi('ontime', 'Campaigns launched on time', '%', 95, 'higher_is_better', 91),
        kpi('disapproval', 'Ad disapproval rate', '%', 2, 'lower_is_better', 1.8),
      ],
      disruptions: [
        {
          date: '2027-11-01',
          kind: 'holiday',
          label: "All Saints' Day (PL)",
          effect: 'Monday sync moves to Tuesday',
        },
        {
          date: '2027-11-07',
          kind: 'dst',
          label: 'US clocks go back',
          effect:
            'Tuesday sync at 10:00 AM New York time is 3:00 PM in Kraków this week and 4:00 PM again from Nov 9',
        },
        {
          date: '2027-11-11',
          kind: 'holiday',
          label: 'Independence Day (PL)',
          effect: 'Thursday status report is due Wednesday instead',
        },
      ],
    }),
    digestEngagement({
      id: 'eng-cebu',
      name: 'Acme × Cebu Chat',
      vendorName: 'Manila CX Partners',
      accountManagerName: 'Priya Raman',
      score: 78,
      band: 'healthy',
      trend: 12,
      history: [70, 66, 63, 66, 69, 72, 75, 78],
      kpis: [
        kpi('csat', 'Chat CSAT', '%', 88, 'higher_is_better', 91),
        kpi('frt', 'First response time', 's', 45, 'lower_is_better', 42),
      ],
      highlights: [
        { code: 'HEALTH_IMPROVING', message: 'Health up 12 points in 4 weeks' },
        {
          code: 'BLOCKER_CLEARED',
          message: "Blocker 'CRM access for new hires' cleared after 3 weeks",
          by: 'Ramon Dela Cruz',
        },
      ],
      disruptions: [
        {
          date: '2027-11-01',
          kind: 'holiday',
          label: "All Saints' Day (PH)",
          effect: 'Monday status report is due Tuesday instead',
        },
      ],
    }),
    digestEngagement({
      id: 'eng-bogota',
      name: 'Acme × Bogotá Telesales',
      vendorName: 'Andes Televentas',
      accountManagerName: 'Sofia Lindqvist',
      score: 54,
      band: 'at_risk',
      trend: -8,
      history: [66, 65, 63, 62, 60, 58, 55, 54],
      newFlags: [
        {
          code: 'KPI_BELOW_TARGET',
          severity: 'warning',
          since: '2027-10-08',
          message: 'Close rate below target in the last 3 reports (9.1% vs 12%)',
        },
      ],
      touchpointIssues: [
        {
          kind: 'status_report',
          title: 'Weekly status',
          scheduledAt: '2027-10-29T22:00:00Z',
          status: 'late',
          lateByHours: 30,
        },
      ],
      kpis: [
        kpi('close', 'Close rate', '%', 12, 'higher_is_better', 9.1),
        kpi('dials', 'Dials per agent hour', '', 12, 'higher_is_better', 14.5),
      ],
      openAsks: [
        {
          text: 'Approval to A/B test the shorter opening script',
          askedAt: '2027-10-22T20:00:00Z',
          daysWaiting: 6,
          askedBy: 'Julián Restrepo',
        },
      ],
      disruptions: [
        {
          date: '2027-11-01',
          kind: 'holiday',
          label: "All Saints' Day (CO)",
          effect: 'Monday sync moves to Tuesday',
        },
      ],
    }),
    digestEngagement({
      id: 'eng-riyadh',
      name: 'Acme × Riyadh Collections',
      vendorName: 'Najd Business Services',
      accountManagerName: 'Sofia Lindqvist',
      score: 77,
      band: 'healthy',
      trend: 6,
      // Started five weeks ago: the weeks before it existed are gaps.
      history: [null, null, null, null, null, 71, 74, 77],
      kpis: [kpi('ptp', 'Promise-to-pay rate', '%', 60, 'higher_is_better', 64)],
      highlights: [
        { code: 'MEETINGS_HELD_STREAK', message: '4 meetings held in a row', by: 'Faisal Al-Harbi' },
      ],
      disruptions: [
        {
          date: '2027-11-07',
          kind: 'dst',
          label: 'US clocks go back',
          effect: 'Sunday sync moves to 9:00 AM New York time so it stays at 5:00 PM in Riyadh',
        },
      ],
    }),
  ]);
}

/** Text a person typed that tries to be markup. */
export const HOSTILE = {
  script: '<script>window.__pwned = "script"</script>',
  img: '<img src="x" onerror="window.__pwned = \'img\'">',
  amp: 'Q&A sign-off',
  quotes: `"double" and 'single'`,
} as const;

/** The realistic portfolio with people's text turned hostile (in the strained engagement, so it leads everything). */
export function hostileDigestModel(): DigestModel {
  const model = realisticDigestModel();
  const engagements = model.engagements.map((e): DigestEngagement =>
    e.id !== 'eng-cairo'
      ? e
      : {
          ...e,
          name: `Acme & Sons ${HOSTILE.script}`,
          vendorName: `Vendor ${HOSTILE.quotes}`,
          accountManagerName: `AM ${HOSTILE.img}`,
          url: 'javascript:window.__pwned = "href"',
          newFlags: [
            {
              code: 'BLOCKER_RECURRING',
              severity: 'warning',
              since: '2027-10-18',
              message: `Blocker '${HOSTILE.script} ${HOSTILE.img}' open for 3 weeks`,
            },
          ],
          touchpointIssues: [
            {
              kind: 'meeting',
              title: `Sync ${HOSTILE.img}`,
              scheduledAt: '2027-10-26T13:00:00Z',
              status: 'missed',
            },
          ],
          kpis: [
            {
              key: 'k',
              label: `KPI ${HOSTILE.script}`,
              unit: HOSTILE.amp,
              target: 70,
              direction: 'higher_is_better',
              value: 61,
              met: false,
            },
          ],
          openAsks: [
            {
              text: `${HOSTILE.img} ${HOSTILE.amp} ${HOSTILE.quotes}`,
              askedAt: '2027-10-20T12:00:00Z',
              daysWaiting: 8,
              askedBy: HOSTILE.quotes,
            },
          ],
          highlights: [
            { code: 'BLOCKER_CLEARED', message: `${HOSTILE.amp} cleared ${HOSTILE.script}`, by: HOSTILE.img },
          ],
          holidaySkips: [
            { title: `Sync ${HOSTILE.quotes}`, date: '2027-10-29', reason: `Diwali ${HOSTILE.img}` },
          ],
          disruptions: [
            {
              date: '2027-11-02',
              kind: 'holiday',
              label: HOSTILE.script,
              effect: `${HOSTILE.amp} ${HOSTILE.img}`,
            },
          ],
        },
  );
  return { ...model, executive: { ...model.executive, name: `Dana ${HOSTILE.img}` }, engagements };
}

function kpi(
  key: string,
  label: string,
  unit: string,
  target: number,
  direction: 'higher_is_better' | 'lower_is_better',
  value: number | null,
): DigestEngagement['kpis'][number] {
  const met = value !== null && (direction === 'higher_is_better' ? value >= target : value <= target);
  return { key, label, unit, target, direction, value, met };
}
