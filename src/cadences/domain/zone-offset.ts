/**
 * UTC offsets of IANA zones and local wall-clock ⇄ UTC conversion, for the cadence domain.
 *
 * The per-zone offset memo lives in the calendars layer (one memo for the whole app); these
 * re-exports keep the cadence modules' imports and names. `offsetMinutes` is calendars'
 * `zoneOffsetMinutes`.
 */
export {
  localDayAt,
  localToUtcMs,
  resolveLocalTime,
  toLocalMs,
  zoneOffsetMinutes as offsetMinutes,
  zoneTransitionsBetween,
  type LocalTimeResolution,
  type ResolvedLocalTime,
  type ZoneTransition,
} from '../../calendars/domain/zone-offsets';
