/** @type {import('jest').Config} */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2023',
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];
// NestJS 12 and a few of its dependencies ship as ESM only; jest needs them transformed.
const esmOnly = [
  '@nestjs',
  'file-type',
  'strtok3',
  'token-types',
  '@tokenizer',
  'uint8array-extras',
  '@borewit',
  '@standard-schema',
  'cookie',
  'content-disposition',
];

module.exports = {
  testEnvironment: 'node',
  rootDir: '.',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts'],
  // End-to-end specs start the whole app and a database; on a loaded 2-core CI machine 5 s is too tight.
  testTimeout: 30_000,
  // Browser suites need Chromium: `npm run test:browser` (jest.browser.config.js); process-level
  // suites start built Cadence processes: `npm run test:multi` (jest.multi.config.js).
  testPathIgnorePatterns: ['/node_modules/', '\\.browser\\.spec\\.ts$', '\\.multi\\.spec\\.ts$'],
  setupFiles: ['<rootDir>/test/setup/globals.ts'],
  transform: { '^.+\\.(t|j|mj)s$': swc },
  // Also reaches nested copies such as light-my-request/node_modules/cookie.
  transformIgnorePatterns: [
    `/node_modules/(?!(?:(?:@[^/]+/)?[^/]+/node_modules/)?(?:${esmOnly.join('|')})/)`,
  ],
};
