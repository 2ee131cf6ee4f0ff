import type { EngagementScript, Place, Scenario } from '../scenario.types';
import { GOOD, NOISY, slideAndRecover } from './conducts';
import { engagement, KPI_SETS } from './engagement-builder';
import { PLACES } from './places';

const NAME = 'recovery';

const PAIRS: readonly (readonly [Place, Place, keyof typeof KPI_SETS])[] = [
  [PLACES.london, PLACES.manila, 'callCentre'],
  [PLACES.newYork, PLACES.puneLateShift, 'telesales'],
  [PLACES.berlin, PLACES.hoChiMinh, 'adOperations'],
];

/*
 * Relationships that slide to strain, stay there two weeks, and recover over
 * three once the account manager steps in. They count as slides for the
 * early-warning share; the benchmark also reports how soon after recovery the
 * alarms clear.
 */
function build(): EngagementScript[] {
  return [GOOD, NOISY].flatMap((base, b) =>
    PAIRS.map(([manager, vendor, kpis], i) => {
      const from = 4 + ((i + b) % 2);
      const strainWeek = from + 5 + (i % 2);
      const { keyframes, recoveredWeek } = slideAndRecover(base, from, strainWeek, 2, 3);
      return engagement({
        scenario: NAME,
        template: base === GOOD ? 'recover-good' : 'recover-noisy',
        index: i + 1,
        clientName: 'Initech',
        vendorName: `${vendor.city} BPO`,
        manager,
        vendor,
        kpis: KPI_SETS[kpis],
        conduct: keyframes,
        kpiNoise: base === GOOD ? 0.03 : 0.05,
        truth: { kind: 'recovery', slideFrom: from, strainWeek, recoveredWeek },
      });
    }),
  );
}

export const RECOVERY_SCENARIO: Scenario = {
  name: NAME,
  description: 'Six relationships that slide to strain and then recover',
  start: '2027-05-03',
  weeks: 24,
  engagements: build(),
};
