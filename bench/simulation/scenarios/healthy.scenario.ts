import type { EngagementScript, Keyframe, Place, Scenario } from '../scenario.types';
import { GOOD, NOISY, steady } from './conducts';
import { cycle, engagement, KPI_SETS, MIDWEEK_MEETING } from './engagement-builder';
import { PLACES } from './places';

const NAME = 'healthy';

interface Variant {
  template: string;
  conduct: Keyframe[];
  pairs: readonly (readonly [Place, Place, keyof typeof KPI_SETS])[];
  biweekly?: boolean;
}

/*
 * Good vendors over a spring that holds Lunar New Year, Ramadan and Eid, Holi,
 * Holy Week and the US and EU clock changes, so that their ordinary noise
 * meets every calendar disruption of the library. Four of each variant.
 */
const VARIANTS: readonly Variant[] = [
  {
    template: 'steady',
    conduct: steady(GOOD),
    pairs: [
      [PLACES.london, PLACES.pune, 'leadQualification'],
      [PLACES.newYork, PLACES.bogota, 'telesales'],
      [PLACES.london, PLACES.krakow, 'adOperations'],
      [PLACES.chicago, PLACES.manilaNightShift, 'callCentre'],
    ],
  },
  {
    template: 'noisy',
    conduct: steady(NOISY),
    pairs: [
      [PLACES.newYork, PLACES.manilaNightShift, 'callCentre'],
      [PLACES.london, PLACES.cairo, 'callCentre'],
      [PLACES.berlin, PLACES.hoChiMinh, 'adOperations'],
      [PLACES.newYork, PLACES.bogota, 'telesales'],
    ],
  },
  {
    template: 'noisy-biweekly-sync',
    conduct: steady(NOISY),
    biweekly: true,
    pairs: [
      [PLACES.london, PLACES.riyadh, 'leadQualification'],
      [PLACES.london, PLACES.dalian, 'adOperations'],
      [PLACES.newYork, PLACES.puneLateShift, 'telesales'],
      [PLACES.london, PLACES.manila, 'callCentre'],
    ],
  },
];

function build(): EngagementScript[] {
  return VARIANTS.flatMap((variant) =>
    variant.pairs.map(([manager, vendor, kpis], index) =>
      engagement({
        scenario: NAME,
        template: variant.template,
        index: index + 1,
        clientName: cycle(['Acme Corp', 'Globex', 'Initech', 'Umbrella Retail'], index),
        vendorName: `${vendor.city} Partners`,
        manager,
        vendor,
        kpis: KPI_SETS[kpis],
        meeting: variant.biweekly ? { ...MIDWEEK_MEETING, frequency: 'biweekly' } : MIDWEEK_MEETING,
        conduct: variant.conduct,
        kpiNoise: variant.template === 'steady' ? 0.03 : 0.05,
        truth: { kind: 'healthy' },
      }),
    ),
  );
}

export const HEALTHY_SCENARIO: Scenario = {
  name: NAME,
  description:
    'Twelve good vendors with ordinary noise (an occasional late report, a missed meeting a quarter) over a spring full of holidays and clock changes',
  start: '2027-01-25',
  weeks: 16,
  engagements: build(),
};
