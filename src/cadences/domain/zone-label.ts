import type { ZoneLabels } from './cadence.types';

/**
 * How a zone is named in messages: the caller's label (usually a country code such as "US"),
 * else the zone's city ("America/New_York" → "New York").
 */
export function zoneLabel(zone: string, labels?: ZoneLabels): string {
  const given = labels?.[zone];
  if (given !== undefined && given.length > 0) return given;
  const city = zone.slice(zone.lastIndexOf('/') + 1);
  return city.replace(/_/g, ' ');
}
