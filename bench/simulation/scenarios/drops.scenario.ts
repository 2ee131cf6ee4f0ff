import type { EngagementScript, Place, Scenario } from '../scenario.types';
import { drop, GOOD, NOISY } from './conducts';
import { engagement, KPI_SETS } from './engagement-builder';
import { PLACES } from './places';

const NAME = 'sudden-drop';

const PAIRS: readonly (readonly [Place, Place, keyof typeof KPI_SETS])[] = [
  [PLACES.chicago, PLACES.manilaNightShift, 'callCentre'],
  [PLACES.london, PLACES.krakow, 'adOperations'],
  [PLACES.london, PLACES.riyadh, 'leadQualification'],
];

/*
 * Good (or noisy) vendors that fall off a cliff in week 7, 8 or 9: the team
 * lead leaves, a contract dispute. Nothing can flag these ahead of time; the
 * benchmark reports how fast the alarm comes after the drop instead.
 */
function build(): EngagementScript[] {
  return [GOOD, NOISY].flatMap((base, b) =>
    PAIRS.map(([manager, vendor, kpis], i) => {
      const dropWeek = 7 + ((i + b) % 3);
      return engagement({
        scenario: NAME,
        template: base === GOOD ? 'drop-from-good' : 'drop-from-noisy',
        index: i + 1,
        clientName: 'Globex',
        vendorName: `${vendor.city} Contact Centre`,
        manager,
        vendor,
        kpis: KPI_SETS[kpis],
        conduct: drop(base, dropWeek),
        kpiNoise: base === GOOD ? 0.03 : 0.05,
        truth: { kind: 'drop', dropWeek, strainWeek: dropWeek },
      });
    }),
  );
}

export const DROP_SCENARIO: Scenario = {
  name: NAME,
  description: 'Six vendors that suddenly stop reporting, meeting and delivering',
  start: '2027-04-05',
  weeks: 14,
  engagements: build(),
};
