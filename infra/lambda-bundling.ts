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
   * clinicians' concurrency, and no access to the episodes table at all; its schema holds the
   * calculators alone (schema/public.ts).
   */
  publicGraphql: 'functions/graphql/public-handler.ts',
  slack: 'functions/slack/handler.ts',
  alerts: 'functions/alerts/handler.ts',
  sweeper: 'functions/sweeper/handler.ts',
  /** HANDOFF-1: the scheduled shift handoff digests (its own function: the sweeper stays small). */
  handoffDigest: 'functions/handoff-digest/handler.ts',
  /**
   * Episode charts (ECharts to SVG, resvg to PNG): its own function, invoked by the GraphQL, Slack
   * and alert functions, so their bundles carry none of it.
   */
  charts: 'functions/charts/handler.ts',
  /** Live updates: the WebSocket API's $connect authorizer (Cognito JWT in the `token` parameter). */
  liveAuthorizer: 'functions/live/authorizer-handler.ts',
  /** Live updates: graphql-ws messages on the WebSocket API ($connect, $default, $disconnect). */
  liveSocket: 'functions/live/socket-handler.ts',
  /** Live updates: the episodes stream's new gradings and alerts to the WebSocket subscribers. */
  liveFanout: 'functions/live/fanout-handler.ts',
} as const;

/**
 * Files a function reads at run time beside its bundle, copied there after bundling (from the
 * repository root to the bundle's folder): the chart function's WebAssembly renderer and its one
 * font. The same names are what functions/charts/assets.ts looks for (test/infra/bundling.test.ts
 * compares them).
 */
export const bundledFiles: Partial<
  Readonly<Record<LambdaId, readonly { readonly from: string; readonly to: string }[]>>
> = {
  charts: [
    { from: 'node_modules/@resvg/resvg-wasm/index_bg.wasm', to: 'resvg.wasm' },
    {
      from: 'node_modules/@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
      to: 'NotoSans-Regular.ttf',
    },
  ],
};

export type LambdaId = keyof typeof lambdaEntries;

export const lambdaIds = Object.keys(lambdaEntries) as LambdaId[];

/**
 * Modules that Bolt's App module loads only for its HTTP and Socket Mode receivers, which the
 * Lambda receiver never uses: @slack/socket-mode (with undici, ~520 KB), raw-body (with
 * iconv-lite, ~480 KB), @slack/oauth (the OAuth install flow, with jsonwebtoken and semver,
 * ~90 KB) and path-to-regexp (the receivers' custom routes). The receivers need them only in their
 * constructors, which never run. They are left out of every bundle and `require` answers them with
 * an empty module. The receivers themselves go the same way, by the relative path Bolt's App and
 * index modules require them with (`./receivers/HTTPReceiver`, with HTTPModuleFunctions and
 * HTTPResponseAck that only it uses: 18 KB); the Lambda receiver is still bundled. The
 * bundled Slack handler still answers signed requests (test/e2e/slack-bundle.test.ts runs it).
 */
export const unusedModules = [
  '@slack/socket-mode',
  'raw-body',
  '@slack/oauth',
  'path-to-regexp',
  ...['HTTPReceiver', 'SocketModeReceiver', 'ExpressReceiver'].map((name) => `./receivers/${name}`),
] as const;

/**
 * Import paths bundled as another module (esbuild's `alias`):
 * - `@whatwg-node/fetch` is the Fetch API for graphql-yoga and @whatwg-node/server. Its Node entry
 *   loads ponyfills (@whatwg-node/node-fetch with busboy, urlpattern-polyfill, tslib) that Node 24
 *   does not need; its own "global" build hands out the runtime's fetch, Request, Response,
 *   URLPattern… instead. The yoga instance is also given these globals (functions/graphql/yoga.ts),
 *   so the local server and the tests run the same Fetch API as the Lambda.
 * - graphql-armor's max-tokens plugin imports `graphql/language/parser` without an extension,
 *   which resolves to graphql-js's CommonJS file (and with it a second copy of the lexer, the AST
 *   and GraphQLError beside the ES module build everything else imports); pointed at the `.mjs`
 *   twin, the bundle holds one graphql-js.
 * - `lru-cache` (16 KB minified), which graphql-yoga's parse and validation caches use with
 *   `max`, `ttl`, `get` and `set` only: functions/shared/lru-cache.ts does exactly that in under
 *   1 KB. A path is resolved from the repository root, where both esbuild runs start.
 */
export const bundleAliases = {
  '@whatwg-node/fetch': '@whatwg-node/fetch/dist/global-ponyfill.js',
  'graphql/language/parser': 'graphql/language/parser.mjs',
  'lru-cache': './functions/shared/lru-cache.ts',
} as const;

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
  /**
   * A map beside each bundle, read only when an error is described (functions/shared/source-location.ts):
   * the functions run without `--enable-source-maps`, which parses it on every cold start.
   */
  sourceMap: true,
  /** Stack traces need the mappings only; leaving the sources out keeps the asset small. */
  sourcesContent: false,
  /**
   * The Chinese messages as UTF-8 (3 bytes a character) rather than `\uXXXX` escapes (6 bytes):
   * Node reads ES modules as UTF-8.
   */
  charset: 'utf8',
  /** Prefer packages' ES module builds so esbuild can tree-shake them. */
  mainFields: ['module', 'main'],
  alias: bundleAliases,
  banner: requireShim,
  /** Libraries (graphql-js among them) skip development-only checks in production builds. */
  define: { 'process.env.NODE_ENV': '"production"' },
  /** The Node.js 24 runtime provides AWS SDK v3 (and its Smithy packages): not bundled; nor are the unused modules. */
  externalModules: ['@aws-sdk/*', '@smithy/*', ...unusedModules],
} as const;

/**
 * Budget for each function's minified bundle (the `.mjs` file, source map excluded): what the
 * function reads, parses and compiles on every cold start. `npm run bundle:size` and the bundling
 * test (test/infra/bundling.test.ts) fail when a bundle is over its budget. zod's mini API (about
 * 29 KB in each bundle, against 89 KB for the classic one) is what brought alerts within its
 * budget; Slack met its 450 KB once Bolt's unused receivers were left out (unusedModules), the
 * sweeper its 250 KB once the shift handoff digests moved to a function of their own. Targets not yet met, each budget set at its measured size plus about 2 % so growth is
 * caught: GraphQL (target 600 KB) is most of all the product's own code (rules/ with its messages
 * in two languages and the shift handoff, 183 KB; schema/ with its descriptions, Relay nodes,
 * charts and subscriptions, 129 KB), graphql-js (131 KB), Pothos, yoga with envelop and the
 * graphql-tools executor.
 */
export const bundleBudgetBytes: Readonly<Record<LambdaId, number>> = {
  graphql: 800 * 1024,
  /** The calculators' types alone (schema/public.ts); the handler, yoga and the rules as the whole API's. */
  publicGraphql: 720 * 1024,
  slack: 450 * 1024,
  alerts: 250 * 1024,
  sweeper: 250 * 1024,
  /** The episode service, the rules the handoff reads and its Slack view; no HTTP server, no Bolt. */
  handoffDigest: 320 * 1024,
  /** ECharts (line, scatter, six components, the SVG renderer) and resvg's loader; the wasm and font are files beside it. */
  charts: 710 * 1024,
  // Live updates: the authorizer is aws-jwt-verify alone; the socket and fan-out functions hold the
  // schema (to validate, authorise and execute subscriptions) but no HTTP server, yoga or armor.
  liveAuthorizer: 20 * 1024,
  liveSocket: 690 * 1024,
  liveFanout: 650 * 1024,
};
