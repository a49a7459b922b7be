import { defineConfig } from 'vitest/config';

/**
 * Four suites, all run by `npm test`:
 *  - unit:        pure domain logic, no I/O
 *  - integration: handlers through the real AWS SDK against DynamoDB Local (started per run)
 *  - infra:       CDK assertions and cdk-nag on the synthesized template
 *  - e2e:         Playwright (playwright-core) driving Debian's Chromium against the local runtime
 */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      { test: { name: 'infra', include: ['test/infra/**/*.test.ts'], testTimeout: 180_000, hookTimeout: 180_000 } },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
