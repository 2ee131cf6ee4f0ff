// Settings.throwOnInvalid is set at start-up (src/core/time) and in tests, so
// Luxon's types may treat every DateTime, Duration and Interval as valid.
export {};
declare module 'luxon' {
  interface TSSettings {
    throwOnInvalid: true;
  }
}
