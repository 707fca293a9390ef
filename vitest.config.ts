import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

/**
 * One graphql-js instance: Node loads graphql's CommonJS entry for the packages (Pothos, yoga),
 * while Vite would give the project's own files the ESM entry, and graphql-js rejects objects of
 * the other instance ("Cannot use GraphQLScalarType from another module or realm"). Every
 * project resolves `graphql` to the same file Node does.
 */
const graphqlAsNodeLoadsIt = [
  { find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') },
];

/**
 * Five projects, all run by `npm test` (tests only: the lint, type and format checks are
 * `npm run check`):
 * - unit: pure code beside its source (rules, schema, slack-bot, functions) and test/unit;
 * - infra: CDK assertions and synth with cdk-nag (test/infra);
 * - integration: the episode store on DynamoDB Local (test/integration; one emulator for the run,
 *   one table per test file);
 * - e2e: the started local system over real HTTP and in headless Chromium (test/e2e);
 * - resilience: hostile input against the started local system and the Slack grammar fuzzer
 *   (test/resilience; `npm run test:resilience`), each test printing its measured figure.
 */
export default defineConfig({
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      {
        resolve: { alias: graphqlAsNodeLoadsIt },
        test: {
          name: 'unit',
          // The functions' own log lines are noise here; tests that read them give their logger a level.
          env: { POWERTOOLS_LOG_LEVEL: 'SILENT' },
          include: [
            'rules/**/*.test.ts',
            'schema/**/*.test.ts',
            'slack-bot/**/*.test.ts',
            'functions/**/*.test.ts',
            'test/unit/**/*.test.ts',
          ],
        },
      },
      {
        resolve: { alias: graphqlAsNodeLoadsIt },
        test: {
          name: 'infra',
          include: ['test/infra/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias: graphqlAsNodeLoadsIt },
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['./test/support/dynamodb-local-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias: graphqlAsNodeLoadsIt },
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['./test/support/local-system-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias: graphqlAsNodeLoadsIt },
        test: {
          name: 'resilience',
          include: ['test/resilience/**/*.test.ts'],
          // The schema-aware GraphQL fuzzer (10 000 operations over HTTP, about 10 min on 2 cores)
          // and the Slack outage test (a 40 s outage) run with `npm run test:resilience`.
          exclude: process.env.CART_RESILIENCE_FULL
            ? []
            : ['test/resilience/graphql-fuzz.test.ts', 'test/resilience/slack-outage.test.ts'],
          // One file at a time: each loads or stalls the shared system, and its figures are its own.
          fileParallelism: false,
          globalSetup: ['./test/support/local-system-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
