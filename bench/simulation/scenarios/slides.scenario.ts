import type { Conduct, EngagementScript, Place, Scenario } from '../scenario.types';
import { GOOD, NOISY, slide } from './conducts';
import { cycle, engagement, KPI_SETS } from './engagement-builder';
import { PLACES } from './places';

const NAME = 'slow-slide';

interface SlideVariant {
  template: string;
  /** Aspects that go first; the rest follow by the strain week. */
  first: readonly (keyof Conduct)[];
}

/*
 * Four ways a relationship slides over six to eight weeks, four engagements
 * each: reports first (later and later, then missing), outcomes first (KPIs
 * drifting under target, amber then red, the same blockers week after week),
 * everything evenly, and a quiet slide (meetings stop happening, asks of the
 * client pile up). Each starts from a good or a noisy vendor.
 */
const VARIANTS: readonly SlideVariant[] = [
  { template: 'slide-reports', first: ['reportOnTime', 'reportMissingShare', 'lateHours'] },
  { template: 'slide-outcomes', first: ['kpiAttainment', 'colour', 'stuckBlockers'] },
  { template: 'slide-even', first: [] },
  { template: 'slide-quiet', first: ['meetingHeld', 'heldRecordedLate', 'asksPerReport'] },
];

const PAIRS: readonly (readonly [Place, Place, keyof typeof KPI_SETS])[] = [
  [PLACES.newYork, PLACES.manilaNightShift, 'callCentre'],
  [PLACES.london, PLACES.pune, 'leadQualification'],
  [PLACES.newYork, PLACES.bogota, 'telesales'],
  [PLACES.london, PLACES.cairo, 'callCentre'],
];

function build(): EngagementScript[] {
  return VARIANTS.flatMap((variant, v) =>
    PAIRS.map(([manager, vendor, kpis], i) => {
      // Start and length vary with the seed: slides of 6, 7 and 8 weeks starting in week 5 or 6.
      const from = 5 + ((i + v) % 2);
      const strainWeek = from + 6 + ((i + v) % 3);
      const base = i % 2 === 0 ? GOOD : NOISY;
      return engagement({
        scenario: NAME,
        template: variant.template,
        index: i + 1,
        clientName: cycle(['Acme Corp', 'Globex', 'Initech', 'Umbrella Retail'], i + v),
        vendorName: `${vendor.city} Outsourcing`,
        manager,
        vendor,
        kpis: KPI_SETS[kpis],
        conduct: slide(base, from, strainWeek, variant.first),
        kpiNoise: base === GOOD ? 0.03 : 0.05,
        truth: { kind: 'slide', slideFrom: from, strainWeek },
      });
    }),
  );
}

export const SLIDE_SCENARIO: Scenario = {
  name: NAME,
  description:
    'Sixteen relationships sliding over six to eight weeks: reports first, outcomes first, evenly, or quietly',
  start: '2027-01-25',
  weeks: 16,
  engagements: build(),
};
