/**
 * The one test that bundles for real: CDK runs the local esbuild for every function (no Docker),
 * and the bundle-size script, using the same shared options, measures the very same bytes; then
 * every bundle against its budget, and what must stay out of them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Asset } from 'aws-cdk-lib/aws-s3-assets';
import { describe, expect, it } from 'vitest';
import { CHART_ASSET_FILES } from '../../functions/charts/assets.ts';
import {
  bundleBudgetBytes,
  bundledFiles,
  lambdaBundling,
  lambdaIds,
  unusedModules,
} from '../../infra/lambda-bundling.ts';
import { measureBundle, type BundleSize } from '../tools/bundle-size.ts';
import { synthStage } from './support/cart-app.ts';

const repositoryRoot = resolve(import.meta.dirname, '..', '..');

describe('Lambda bundles', () => {
  it('are minified ESM with source maps, built by local esbuild exactly as the bundle-size script builds them', async () => {
    const { app, stack } = synthStage('dev', { bundle: true });
    const functions = [
      stack.graphql.handler,
      stack.graphql.publicHandler,
      stack.slack.handler,
      stack.alerts.consumer,
      stack.alerts.sweeper,
      stack.charts.handler,
    ];
    for (const fn of functions) {
      const asset = fn.function.node.findChild('Code');
      if (!(asset instanceof Asset)) throw new Error(`${fn.lambdaId}: no code asset`);
      const directory = join(app.outdir, asset.assetPath);
      const copied = (bundledFiles[fn.lambdaId] ?? []).map((file) => file.to);
      expect(readdirSync(directory).sort()).toEqual(['index.mjs', 'index.mjs.map', ...copied].sort());
      // Copied byte for byte (the font and the WebAssembly renderer).
      for (const file of bundledFiles[fn.lambdaId] ?? [])
        expect(statSync(join(directory, file.to)).size).toBe(statSync(join(repositoryRoot, file.from)).size);
      const code = readFileSync(join(directory, 'index.mjs'), 'utf8');
      expect(code.startsWith(lambdaBundling.banner), `${fn.lambdaId}: require shim banner first`).toBe(true);
      expect(code, `${fn.lambdaId}: ESM export of handler`).toMatch(/export\s*\{[^}]*\bas handler\s*\}/);
      expect(code).toMatch(/\/\/# sourceMappingURL=index\.mjs\.map\s*$/);
      // Minified: a few long lines, not one statement per line.
      expect(code.split('\n').length, `${fn.lambdaId}: minified`).toBeLessThan(code.length / 500 + 50);
      // The Chinese messages as UTF-8, not as \u escapes.
      expect(code, `${fn.lambdaId}: UTF-8`).not.toMatch(/\\u[4-9][0-9a-f]{3}/);
      const measured = await measureBundle(fn.lambdaId);
      expect(measured.bytes, `${fn.lambdaId}: bundle-size script measures the deployed bundle`).toBe(
        statSync(join(directory, 'index.mjs')).size,
      );
    }
  });
});

describe('Lambda bundle budgets', () => {
  const sizes = new Map<string, Promise<BundleSize>>();
  const sizeOf = (id: (typeof lambdaIds)[number]): Promise<BundleSize> => {
    const size = sizes.get(id) ?? measureBundle(id);
    sizes.set(id, size);
    return size;
  };

  it.each(lambdaIds)('%s is within its budget', async (id) => {
    const size = await sizeOf(id);
    const heaviest = size.heaviest
      .map(([owner, bytes]) => `${owner} ${(bytes / 1024).toFixed(0)} KB`)
      .join(', ');
    expect(size.bytes, `${id} (heaviest: ${heaviest})`).toBeLessThanOrEqual(bundleBudgetBytes[id]);
  });

  it('the chart function finds beside its bundle exactly the files infra copies there', () => {
    expect(
      Object.values(CHART_ASSET_FILES)
        .map(({ bundled, module }) => ({ from: `node_modules/${module}`, to: bundled }))
        .sort((a, b) => a.to.localeCompare(b.to)),
    ).toEqual([...(bundledFiles.charts ?? [])].sort((a, b) => a.to.localeCompare(b.to)));
  });

  it('ECharts, resvg and the chart code are in the chart bundle only', async () => {
    const charting =
      /^node_modules\/(echarts|zrender|@resvg)\/|^functions\/charts\/(render|chart-option|series|summary)/;
    expect((await sizeOf('charts')).inputs.filter((input) => charting.test(input)).length).toBeGreaterThan(0);
    for (const id of ['graphql', 'slack', 'alerts', 'sweeper'] as const)
      expect(
        (await sizeOf(id)).inputs.filter((input) => charting.test(input)),
        id,
      ).toEqual([]);
  });

  it('the GraphQL bundle holds one graphql-js (its ES modules) and no Fetch ponyfills', async () => {
    const { inputs } = await sizeOf('graphql');
    expect(inputs).toContain('node_modules/graphql/language/parser.mjs');
    expect(inputs.filter((input) => /^node_modules\/graphql\/.*\.js$/.test(input))).toEqual([]);
    const ponyfills =
      /^node_modules\/(@whatwg-node\/node-fetch|urlpattern-polyfill|@fastify\/busboy|tslib)\//;
    expect(inputs.filter((input) => ponyfills.test(input))).toEqual([]);
  });

  it('the GraphQL bundle holds neither the local GraphiQL page and walkthrough nor the lru-cache package', async () => {
    const { inputs } = await sizeOf('graphql');
    expect(inputs).toContain('functions/graphql/yoga.ts');
    expect(inputs.filter((input) => input.startsWith('functions/') && /graphiql/i.test(input))).toEqual([]);
    expect(inputs.filter((input) => input.startsWith('node_modules/lru-cache/'))).toEqual([]);
    expect(inputs).toContain('functions/shared/lru-cache.ts');
  });

  it('the GraphQL bundle loads the AWS SDK only when the episode store (or a chart) is first used (never for a public calculator)', async () => {
    const { externalImports } = await sizeOf('graphql');
    const sdk = externalImports.filter(({ path }) => /^@(aws-sdk|smithy)\//.test(path));
    expect(sdk.map(({ path }) => path).sort()).toEqual([
      '@aws-sdk/client-dynamodb',
      '@aws-sdk/client-lambda',
      '@aws-sdk/lib-dynamodb',
    ]);
    expect(sdk.filter(({ onFirstUse }) => !onFirstUse)).toEqual([]);
  });

  it('the public calculators’ bundle builds the calculators’ types and none of the episodes’', async () => {
    const { inputs } = await sizeOf('publicGraphql');
    expect(inputs).toContain('schema/types/calculator-crs.ts');
    expect(inputs).toContain('schema/public.ts');
    const episodeTypes =
      /^schema\/(index\.ts|types\/(episode|observation(?!-enums)|grading|alert|handoff|viewer|node|subscriptions|mutation))/;
    expect(inputs.filter((input) => episodeTypes.test(input))).toEqual([]);
  });

  // The live-updates authorizer validates a token only (aws-jwt-verify): no zod at all.
  it.each(lambdaIds.filter((id) => id !== 'liveAuthorizer'))(
    "%s holds zod's mini API only (one import of the classic API adds about 50 KB)",
    async (id) => {
      const { inputs } = await sizeOf(id);
      expect(inputs.some((input) => input.startsWith('node_modules/zod/v4/mini/'))).toBe(true);
      expect(inputs.filter((input) => input.startsWith('node_modules/zod/v4/classic/'))).toEqual([]);
    },
  );

  it('the Slack bundle holds Bolt without the modules only its HTTP and Socket Mode receivers use', async () => {
    const { inputs } = await sizeOf('slack');
    expect(inputs.some((input) => input.startsWith('node_modules/@slack/bolt/'))).toBe(true);
    const unused = [...unusedModules, 'jsonwebtoken', 'semver', 'undici', 'iconv-lite'];
    expect(
      inputs.filter((input) => unused.some((name) => input.startsWith(`node_modules/${name}/`))),
    ).toEqual([]);
    // Bolt's own HTTP, Socket Mode and Express receivers (and the HTTP helpers only they use).
    expect(
      inputs.filter((input) => /@slack\/bolt\/dist\/receivers\/(HTTP|SocketMode|Express)/.test(input)),
    ).toEqual([]);
    expect(inputs).toContain('node_modules/@slack/bolt/dist/receivers/AwsLambdaReceiver.js');
  });

  it('rules/ alone is declared free of side effects (package.json), so each function keeps only the rules it uses', () => {
    const { sideEffects } = JSON.parse(readFileSync(join(repositoryRoot, 'package.json'), 'utf8')) as {
      sideEffects: string[];
    };
    const sourceFolders = readdirSync(repositoryRoot, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules')
      .filter((entry) =>
        readdirSync(join(repositoryRoot, entry.name), { recursive: true }).some((file) =>
          String(file).endsWith('.ts'),
        ),
      )
      .map((entry) => entry.name);
    expect(sourceFolders).toContain('rules');
    expect([...sideEffects].sort()).toEqual(
      sourceFolders
        .filter((folder) => folder !== 'rules')
        .map((folder) => `./${folder}/**`)
        .sort(),
    );
  });
});
