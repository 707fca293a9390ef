/**
 * The one test that bundles for real: CDK runs the local esbuild for every function (no Docker),
 * and the bundle-size script, using the same shared options, measures the very same bytes.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Asset } from 'aws-cdk-lib/aws-s3-assets';
import { describe, expect, it } from 'vitest';
import { lambdaBundling } from '../../infra/lambda-bundling.ts';
import { measureBundle } from '../tools/bundle-size.ts';
import { synthStage } from './support/cart-app.ts';

describe('Lambda bundles', () => {
  it('are minified ESM with source maps, built by local esbuild exactly as the bundle-size script builds them', async () => {
    const { app, stack } = synthStage('dev', { bundle: true });
    const functions = [
      stack.graphql.handler,
      stack.slack.handler,
      stack.alerts.consumer,
      stack.alerts.sweeper,
    ];
    for (const fn of functions) {
      const asset = fn.function.node.findChild('Code');
      if (!(asset instanceof Asset)) throw new Error(`${fn.lambdaId}: no code asset`);
      const directory = join(app.outdir, asset.assetPath);
      expect(readdirSync(directory).sort()).toEqual(['index.mjs', 'index.mjs.map']);
      const code = readFileSync(join(directory, 'index.mjs'), 'utf8');
      expect(code.startsWith(lambdaBundling.banner), `${fn.lambdaId}: require shim banner first`).toBe(true);
      expect(code, `${fn.lambdaId}: ESM export of handler`).toMatch(/export\s*\{[^}]*\bas handler\s*\}/);
      expect(code).toMatch(/\/\/# sourceMappingURL=index\.mjs\.map\s*$/);
      // Minified: a few long lines, not one statement per line.
      expect(code.split('\n').length, `${fn.lambdaId}: minified`).toBeLessThan(code.length / 500 + 50);
      const measured = await measureBundle(fn.lambdaId);
      expect(measured.bytes, `${fn.lambdaId}: bundle-size script measures the deployed bundle`).toBe(
        statSync(join(directory, 'index.mjs')).size,
      );
    }
  });
});
