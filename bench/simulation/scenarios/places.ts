import type { Place } from '../scenario.types';

/**
 * Real cities, zones and countries, so every holiday, work week and DST change
 * in a scenario comes from Cadence's own calendars (date-holidays plus
 * config/holidays), never from the simulator.
 */
export const PLACES = {
  newYork: { city: 'New York', timeZone: 'America/New_York', country: 'US', locale: 'en-US' },
  chicago: { city: 'Chicago', timeZone: 'America/Chicago', country: 'US', locale: 'en-US' },
  london: { city: 'London', timeZone: 'Europe/London', country: 'GB', locale: 'en-GB' },
  berlin: { city: 'Berlin', timeZone: 'Europe/Berlin', country: 'DE', locale: 'de-DE' },
  manila: { city: 'Manila', timeZone: 'Asia/Manila', country: 'PH', locale: 'en-PH' },
  // A Manila team on the US night shift, as many call centres serving US clients work.
  manilaNightShift: {
    city: 'Manila (night shift)',
    timeZone: 'Asia/Manila',
    country: 'PH',
    locale: 'en-PH',
    workingHours: { start: '21:00', end: '06:00' },
  },
  pune: { city: 'Pune', timeZone: 'Asia/Kolkata', country: 'IN', locale: 'en-IN' },
  // Indian teams serving the Americas often work a late shift that overlaps the US morning.
  puneLateShift: {
    city: 'Pune (late shift)',
    timeZone: 'Asia/Kolkata',
    country: 'IN',
    locale: 'en-IN',
    workingHours: { start: '14:00', end: '23:00' },
  },
  cairo: { city: 'Cairo', timeZone: 'Africa/Cairo', country: 'EG', locale: 'ar-EG' },
  riyadh: { city: 'Riyadh', timeZone: 'Asia/Riyadh', country: 'SA', locale: 'ar-SA' },
  hoChiMinh: { city: 'Ho Chi Minh City', timeZone: 'Asia/Ho_Chi_Minh', country: 'VN', locale: 'vi-VN' },
  dalian: {
    city: 'Dalian',
    timeZone: 'Asia/Shanghai',
    country: 'CN',
    locale: 'zh-CN',
    workingHours: { start: '09:30', end: '18:30' },
  },
  krakow: { city: 'Kraków', timeZone: 'Europe/Warsaw', country: 'PL', locale: 'pl-PL' },
  bogota: { city: 'Bogotá', timeZone: 'America/Bogota', country: 'CO', locale: 'es-CO' },
} as const satisfies Record<string, Place>;
