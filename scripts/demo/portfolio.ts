import type { KpiBody } from '../../bench/simulation/cadence-client';
import type { EngagementScript, MeetingPlan, Place, Scenario } from '../../bench/simulation/scenario.types';
import { GOOD, NOISY, PERFECT, slide, STRAINED, steady } from '../../bench/simulation/scenarios/conducts';
import { engagement } from '../../bench/simulation/scenarios/engagement-builder';
import { PLACES } from '../../bench/simulation/scenarios/places';

/*
 * The demo portfolio: one US client, Harbor & Pine Insurance, with five
 * vendors, two account managers and one executive. Every zone, work week and
 * holiday is real and comes from Cadence's own calendars; nothing here names a
 * holiday date. The eight weeks from Monday 4 October 2027 hold, among others:
 * Egypt's Armed Forces Day (Wed 6 Oct), Colombia's Monday holidays (18 Oct,
 * 1 and 15 Nov), Diwali in India (Fri 29 Oct), the end of European (31 Oct)
 * and US (7 Nov) summer time, All Saints' Day in Poland and the Philippines
 * (Mon 1 Nov), Polish Independence Day (Thu 11 Nov) and US Thanksgiving
 * (Thu 25 Nov).
 */

export const DEMO_CLIENT = 'Harbor & Pine Insurance';

/** The first Monday of the demo; its weeks run from here. */
export const DEMO_START = '2027-10-04';
export const DEMO_WEEKS = 8;

const AUSTIN: Place = {
  city: 'Austin',
  timeZone: 'America/Chicago',
  country: 'US',
  region: 'TX',
  locale: 'en-US',
};

export interface DemoPerson {
  key: string;
  name: string;
  email: string;
  place: Place;
  slackUserId: string | null;
}

export const ACCOUNT_MANAGERS = {
  newYork: {
    key: 'newYork',
    name: 'Dana Whitfield',
    email: 'dana.whitfield@harborpine.example',
    place: PLACES.newYork,
    slackUserId: 'U0DEMODANA',
  },
  austin: {
    key: 'austin',
    name: 'Marcus Ortiz',
    email: 'marcus.ortiz@harborpine.example',
    place: AUSTIN,
    slackUserId: 'U0DEMOMARC',
  },
} as const satisfies Record<string, DemoPerson>;

export const EXECUTIVE: DemoPerson = {
  key: 'executive',
  name: 'Eleanor Hart',
  email: 'eleanor.hart@harborpine.example',
  place: PLACES.london,
  slackUserId: null,
};

/** KPIs that fit each kind of outsourced work. */
const KPIS = {
  telesales: [
    { key: 'close_rate', label: 'Close rate', unit: '%', target: 12, direction: 'higher_is_better' },
  ],
  leadQualification: [
    {
      key: 'lead_acceptance',
      label: 'Lead acceptance rate',
      unit: '%',
      target: 80,
      direction: 'higher_is_better',
    },
  ],
  customerCare: [
    { key: 'aht', label: 'Average handle time', unit: 's', target: 360, direction: 'lower_is_better' },
    { key: 'csat', label: 'Customer satisfaction', unit: '%', target: 88, direction: 'higher_is_better' },
  ],
} as const satisfies Record<string, readonly KpiBody[]>;

/** The behaviour each vendor was scripted with, in a word, for the tables. */
export type Story = 'exemplary' | 'holiday weeks only' | 'slowly slipping' | 'recovering' | 'ordinary';

export interface DemoEngagement {
  script: EngagementScript;
  story: Story;
  manager: keyof typeof ACCOUNT_MANAGERS;
  vendorContact: { name: string; email: string };
}

const meeting = (days: string[], holidayPolicy: 'shift' | 'skip'): MeetingPlan => ({
  frequency: 'weekly',
  durationMinutes: 45,
  preferredWeekdays: days,
  holidayPolicy,
});

/**
 * The five engagements over `weeks` weeks (eight by default): the slipping
 * vendor is good in week 1, starts to slip in week 2 and is strained by the
 * week before the last; the recovering one starts strained and is back to good
 * two weeks before the end.
 */
export function demoPortfolio(weeks: number = DEMO_WEEKS): DemoEngagement[] {
  const strainWeek = weeks;
  const recoveredWeek = Math.max(3, weeks - 2);
  const script = (
    index: number,
    template: string,
    vendorName: string,
    vendor: Place,
    manager: Place,
    kpis: readonly KpiBody[],
    rest: Pick<EngagementScript, 'conduct' | 'truth' | 'meeting' | 'report'> & { kpiNoise: number },
  ): EngagementScript =>
    engagement({
      scenario: 'demo',
      template,
      index,
      clientName: DEMO_CLIENT,
      vendorName,
      manager,
      vendor,
      kpis,
      ...rest,
    });

  return [
    {
      story: 'exemplary',
      manager: 'newYork',
      vendorContact: { name: 'Maricel Santos', email: 'maricel.santos@luzonconnect.example' },
      script: script(
        1,
        'exemplary',
        'Luzon Connect',
        PLACES.manilaNightShift,
        PLACES.newYork,
        KPIS.telesales,
        {
          conduct: steady(PERFECT),
          truth: { kind: 'healthy' },
          meeting: meeting(['tue', 'wed'], 'shift'),
          report: { due: { weekday: 'fri', time: '05:00' }, holidayPolicy: 'shift' },
          kpiNoise: 0.02,
        },
      ),
    },
    {
      story: 'holiday weeks only',
      manager: 'austin',
      vendorContact: { name: 'Aditi Kulkarni', email: 'aditi.kulkarni@sahyadrileads.example' },
      script: script(
        1,
        'holiday-only',
        'Sahyadri Leads',
        PLACES.puneLateShift,
        ACCOUNT_MANAGERS.austin.place,
        KPIS.leadQualification,
        {
          conduct: steady(PERFECT),
          truth: { kind: 'holidayOnly', holidays: ['Diwali (IN, tentative)'] },
          meeting: meeting(['fri'], 'skip'),
          report: { due: { weekday: 'fri', time: '17:00' }, holidayPolicy: 'skip' },
          kpiNoise: 0.02,
        },
      ),
    },
    // Its random stream (index 4 of the template) was picked because it shows the slip as it
    // usually starts, a late report here, a missed meeting there; with any stream Cadence flags
    // most such slides two weeks or more ahead (`npm run bench:warning`).
    {
      story: 'slowly slipping',
      manager: 'newYork',
      vendorContact: { name: 'Tomasz Nowak', email: 'tomasz.nowak@wawelcare.example' },
      script: script(4, 'slipping', 'Wawel Care', PLACES.krakow, PLACES.newYork, KPIS.customerCare, {
        conduct: slide(GOOD, 2, strainWeek, ['reportOnTime']),
        truth: { kind: 'slide', slideFrom: 2, strainWeek },
        meeting: meeting(['thu'], 'shift'),
        report: { due: { weekday: 'fri', time: '16:00' }, holidayPolicy: 'shift' },
        kpiNoise: 0.03,
      }),
    },
    {
      story: 'recovering',
      manager: 'newYork',
      vendorContact: { name: 'Youssef Hassan', email: 'youssef.hassan@nilecontact.example' },
      script: script(1, 'recovering', 'Nile Contact', PLACES.cairo, PLACES.newYork, KPIS.customerCare, {
        conduct: [
          { week: 1, conduct: STRAINED },
          { week: 2, conduct: STRAINED },
          { week: recoveredWeek, conduct: GOOD },
        ],
        truth: { kind: 'recovery', slideFrom: 1, strainWeek: 1, recoveredWeek },
        meeting: meeting(['tue', 'wed'], 'shift'),
        report: { due: { weekday: 'thu', time: '16:00' }, holidayPolicy: 'shift' },
        kpiNoise: 0.04,
      }),
    },
    {
      story: 'ordinary',
      manager: 'austin',
      vendorContact: { name: 'Camila Restrepo', email: 'camila.restrepo@andessales.example' },
      script: script(
        1,
        'ordinary',
        'Andes Sales',
        PLACES.bogota,
        ACCOUNT_MANAGERS.austin.place,
        KPIS.telesales,
        {
          conduct: steady(NOISY),
          truth: { kind: 'healthy' },
          meeting: meeting(['mon', 'tue'], 'shift'),
          report: { due: { weekday: 'fri', time: '17:00' }, holidayPolicy: 'shift' },
          kpiNoise: 0.05,
        },
      ),
    },
  ];
}

/** The portfolio as a scenario the simulator can play. */
export function demoScenario(weeks: number = DEMO_WEEKS): Scenario {
  return {
    name: 'demo',
    description: `${DEMO_CLIENT} and five vendors`,
    start: DEMO_START,
    weeks,
    engagements: demoPortfolio(weeks).map((e) => e.script),
  };
}
