/** Suites that drive Debian's Chromium through playwright-core (`npm run test:browser`). */
const base = require('./jest.config');

module.exports = {
  ...base,
  testMatch: ['**/*.browser.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 60_000,
};
