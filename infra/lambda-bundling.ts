/**
 * How every Lambda is bundled, as plain data: the CDK function construct maps it onto
 * NodejsFunction's bundling options and `test/tools/bundle-size.ts` maps it onto esbuild's build
 * options, so the size budget is measured on exactly what is deployed. No CDK imports here.
 */

/** The Lambda functions of the system and the entry file each one bundles (repository-relative). */
export const lambdaEntries = {
  graphql: 'functions/graphql/handler.ts',
  /**
   * The same GraphQL handler for the public calculators (POST /public/graphql), as its own
   * function: its own reserved concurrency, so anonymous traffic can never take the signed-in
   * clinicians' concurrency, and no access to the episodes table at all.
   */
  publicGraphql: 'functions/graphql/handler.ts',
  slack: 'functions/slack/handler.ts',
  alerts: 'functions/alerts/handler.ts',
  sweeper: 'functions/sweeper/handler.ts',
} as const;

export type LambdaId = keyof typeof lambdaEntries;

export const lambdaIds = Object.keys(lambdaEntries) as LambdaId[];

/**
 * Modules that Bolt's App module loads only for its HTTP and Socket Mode receivers, which the
 * Lambda receiver never uses: @slack/socket-mode (with undici, ~520 KB) and raw-body (with
 * iconv-lite, ~480 KB). They are left out of every bundle and `require` answers them with an
 * empty module; the Slack bundle stays under budget and still answers signed requests
 * (test/e2e/slack-bundle.test.ts runs the bundled handler).
 */
export const unusedModules = ['@slack/socket-mode', 'raw-body'] as const;

/**
 * CommonJS dependencies bundled into an ES module still call `require` for Node built-ins;
 * this banner gives them one (which answers the unused modules above with an empty module).
 */
const requireShim =
  "import { createRequire } from 'node:module'; " +
  `const require = ((load, unused) => Object.assign((id) => (unused.includes(id) ? {} : load(id)), load))(createRequire(import.meta.url), ${JSON.stringify(unusedModules)});`;

export const lambdaBundling = {
  /** ES modules load faster than CommonJS on Lambda and allow top-level await. */
  format: 'esm',
  /** Matches the Lambda runtime (Node.js 24). */
  target: 'node24',
  platform: 'node',
  minify: true,
  sourceMap: true,
  /** Stack traces need the mappings only; leaving the sources out keeps the asset small. */
  sourcesContent: false,
  /** Prefer packages' ES module builds so esbuild can tree-shake them. */
  mainFields: ['module', 'main'],
  banner: requireShim,
  /** Libraries (graphql-js among them) skip development-only checks in production builds. */
  define: { 'process.env.NODE_ENV': '"production"' },
  /** The Node.js 24 runtime provides AWS SDK v3 (and its Smithy packages): not bundled; nor are the unused modules. */
  externalModules: ['@aws-sdk/*', '@smithy/*', ...unusedModules],
} as const;

/** Budget for one function's minified bundle (the `.mjs` file, source map excluded). */
export const bundleBudgetBytes = 1024 * 1024;
