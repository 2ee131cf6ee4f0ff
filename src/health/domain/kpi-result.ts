import type { KpiDefinition } from './engagement-history';
import { formatNumber } from './wording';

/** A KPI this far short of target (30 %) earns no credit; credit grows linearly up to the target. */
export const KPI_ZERO_CREDIT_SHORTFALL = 0.3;

/**
 * How far a value falls short of its target, as a fraction of the target,
 * direction-aware: 0.1 means 10 % worse than target, 0 or less means the target
 * is met or beaten (−0.18: 18 % better). A target of 0 has no scale, so the
 * shortfall is then in the KPI's own units.
 */
export function kpiShortfall(kpi: KpiDefinition, value: number): number {
  const scale = kpi.target === 0 ? 1 : Math.abs(kpi.target);
  const worseBy = kpi.direction === 'higher_is_better' ? kpi.target - value : value - kpi.target;
  return worseBy / scale;
}

/** Credit for one reported value, 0–1: 1 at or beyond target, 0 at 30 % short or worse. */
export function kpiPoints(kpi: KpiDefinition, value: number): number {
  const shortfall = kpiShortfall(kpi, value);
  if (shortfall <= 0) return 1;
  return Math.max(0, 1 - shortfall / KPI_ZERO_CREDIT_SHORTFALL);
}

/** A value with its unit as a person writes it: "14.2%", "240 s", "3 calls". */
export function formatKpiValue(kpi: KpiDefinition, value: number): string {
  const number = formatNumber(value, 2);
  if (kpi.unit === '') return number;
  return kpi.unit === '%' ? `${number}%` : `${number} ${kpi.unit}`;
}
