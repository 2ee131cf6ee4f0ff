/**
 * Process-level suites (`npm run test:multi`): real Cadence processes built
 * from this checkout (`node dist/src/main.js`) against one database, killed
 * and restarted. One suite at a time: each starts several processes itself.
 */
const base = require('./jest.config');

module.exports = {
  ...base,
  testMatch: ['**/*.multi.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  globalSetup: '<rootDir>/test/operations/support/build.global-setup.ts',
  maxWorkers: 1,
  testTimeout: 300_000,
};
