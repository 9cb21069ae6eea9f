// Fast pure unit tests beside the code; API tests that boot a real Strapi from the built app
// (one instance per file, run in band by scripts/test.js); the seed checks; browser tests.
// The site's TSX templates use React's automatic runtime, as the plugin's tsconfig does (jsx: react-jsx).
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022', transform: { react: { runtime: 'automatic' } } } }];

module.exports = {
  // API tests boot a real Strapi (and on PostgreSQL create a database) in their hooks.
  testTimeout: 120000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      roots: ['<rootDir>/plugins/chronicle/server/src', '<rootDir>/plugins/chronicle/admin/src', '<rootDir>/scripts'],
      testMatch: ['**/__tests__/**/*.test.ts', '**/__tests__/**/*.test.tsx'],
      transform: { '^.+\\.(t|j)sx?$': swc },
    },
    {
      displayName: 'api',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests/api'],
      testMatch: ['**/*.test.ts'],
      transform: { '^.+\\.(t|j)sx?$': swc },
    },
    {
      // Checks against the seed page (../shared/seeds, or CHRONICLE_SEEDS): `npm run check:seed`.
      // Not part of `npm test`, which needs nothing beyond the repository and `npm ci`.
      displayName: 'seed',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests/seed'],
      testMatch: ['**/*.test.ts'],
      transform: { '^.+\\.(t|j)sx?$': swc },
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests/e2e'],
      testMatch: ['**/*.test.ts'],
      transform: { '^.+\\.(t|j)sx?$': swc },
    },
  ],
};
