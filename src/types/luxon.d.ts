// Settings.throwOnInvalid is set at start-up (src/app.factory.ts) and in tests
// (test/setup/globals.ts), so Luxon's types may treat every DateTime, Duration and
// Interval as valid.
export {};
declare module 'luxon' {
  interface TSSettings {
    throwOnInvalid: true;
  }
}
