import type { MeetingPlan, Place, ReportPlan, Scenario } from '../scenario.types';
import { PERFECT, steady } from './conducts';
import { engagement, KPI_SETS } from './engagement-builder';
import { PLACES } from './places';

interface HolidayVendor {
  manager: Place;
  vendor: Place;
  kpis: keyof typeof KPI_SETS;
  meeting: MeetingPlan;
  report: ReportPlan;
}

/*
 * Flawless vendors whose only gaps are their own public holidays. Most
 * cadences use the skip policy, so the holiday really removes touchpoints
 * (the case the health rules must not hold against anyone); one per holiday
 * shifts instead, which must not cost anything either. Nothing here names a
 * holiday date: the skips come from Cadence's calendars for the vendor's
 * country, and the benchmark checks that each engagement did meet one.
 */
function holidayScenario(options: {
  name: string;
  description: string;
  start: string;
  holidays: readonly string[];
  vendors: readonly HolidayVendor[];
}): Scenario {
  return {
    name: options.name,
    description: options.description,
    start: options.start,
    weeks: 12,
    engagements: options.vendors.map((v, index) =>
      engagement({
        scenario: options.name,
        template: options.name,
        index: index + 1,
        clientName: ['Acme Corp', 'Globex', 'Initech'][index % 3],
        vendorName: `${v.vendor.city} Services`,
        manager: v.manager,
        vendor: v.vendor,
        kpis: KPI_SETS[v.kpis],
        meeting: v.meeting,
        report: v.report,
        conduct: steady(PERFECT),
        kpiNoise: 0.02,
        truth: { kind: 'holidayOnly', holidays: options.holidays },
      }),
    ),
  };
}

const meetingOn = (days: string[], holidayPolicy: 'shift' | 'skip'): MeetingPlan => ({
  frequency: 'weekly',
  durationMinutes: 45,
  preferredWeekdays: days,
  holidayPolicy,
});
const reportOn = (weekday: string, holidayPolicy: 'shift' | 'skip'): ReportPlan => ({
  due: { weekday, time: '17:00' },
  holidayPolicy,
});

export const HOLY_WEEK_SCENARIO = holidayScenario({
  name: 'holy-week',
  description:
    'Philippine vendors over Holy Week 2027 (Maundy Thursday 25 March, Good Friday 26 March), Eid al-Fitr and Araw ng Kagitingan',
  start: '2027-02-15',
  holidays: ['Maundy Thursday (PH)', 'Good Friday (PH)'],
  vendors: [
    {
      manager: PLACES.london,
      vendor: PLACES.manila,
      kpis: 'callCentre',
      meeting: meetingOn(['thu'], 'skip'),
      report: reportOn('fri', 'skip'),
    },
    {
      manager: PLACES.newYork,
      vendor: PLACES.manilaNightShift,
      kpis: 'telesales',
      meeting: meetingOn(['wed', 'thu'], 'skip'),
      report: reportOn('fri', 'skip'),
    },
    {
      manager: PLACES.chicago,
      vendor: PLACES.manilaNightShift,
      kpis: 'callCentre',
      meeting: meetingOn(['thu'], 'shift'),
      report: reportOn('thu', 'shift'),
    },
  ],
});

export const DIWALI_SCENARIO = holidayScenario({
  name: 'diwali',
  description:
    'Indian vendors over Diwali 2027 (Friday 29 October) and the EU and US clock changes that follow it',
  start: '2027-09-20',
  holidays: ['Diwali (IN, tentative)'],
  vendors: [
    {
      manager: PLACES.london,
      vendor: PLACES.pune,
      kpis: 'leadQualification',
      meeting: meetingOn(['fri'], 'skip'),
      report: reportOn('fri', 'skip'),
    },
    {
      manager: PLACES.newYork,
      vendor: PLACES.puneLateShift,
      kpis: 'telesales',
      meeting: meetingOn(['thu', 'fri'], 'skip'),
      report: reportOn('fri', 'skip'),
    },
    {
      manager: PLACES.chicago,
      vendor: PLACES.puneLateShift,
      kpis: 'adOperations',
      meeting: meetingOn(['tue', 'wed'], 'shift'),
      report: reportOn('fri', 'shift'),
    },
  ],
});

export const EID_SCENARIO = holidayScenario({
  name: 'eid',
  description:
    'Egyptian and Saudi vendors (Sunday–Thursday weeks) through Ramadan and Eid al-Fitr 2027 (from 9 March)',
  start: '2027-02-01',
  holidays: ['Eid al-Fitr (EG, tentative)', 'Eid al-Fitr (SA, tentative)'],
  vendors: [
    {
      manager: PLACES.london,
      vendor: PLACES.cairo,
      kpis: 'callCentre',
      meeting: meetingOn(['tue', 'wed'], 'skip'),
      report: reportOn('thu', 'skip'),
    },
    {
      manager: PLACES.london,
      vendor: PLACES.riyadh,
      kpis: 'leadQualification',
      meeting: meetingOn(['tue', 'wed'], 'skip'),
      report: reportOn('thu', 'skip'),
    },
    {
      manager: PLACES.newYork,
      vendor: PLACES.cairo,
      kpis: 'telesales',
      meeting: meetingOn(['wed'], 'shift'),
      report: reportOn('thu', 'shift'),
    },
  ],
});

export const LUNAR_NEW_YEAR_SCENARIO = holidayScenario({
  name: 'lunar-new-year',
  description:
    'Vietnamese and Chinese vendors over Lunar New Year 2027 (Tết and Spring Festival from 5 February)',
  start: '2027-01-04',
  holidays: ['Vietnamese New Year Holidays (VN)', 'Spring Festival (CN)'],
  vendors: [
    {
      manager: PLACES.london,
      vendor: PLACES.hoChiMinh,
      kpis: 'adOperations',
      meeting: meetingOn(['mon', 'tue'], 'skip'),
      report: reportOn('fri', 'skip'),
    },
    {
      manager: PLACES.london,
      vendor: PLACES.dalian,
      kpis: 'callCentre',
      meeting: meetingOn(['mon'], 'skip'),
      report: reportOn('fri', 'skip'),
    },
    {
      manager: PLACES.berlin,
      vendor: PLACES.hoChiMinh,
      kpis: 'leadQualification',
      meeting: meetingOn(['tue'], 'shift'),
      report: reportOn('fri', 'shift'),
    },
  ],
});
