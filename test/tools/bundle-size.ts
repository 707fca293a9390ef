/**
 * Bundle budget: bundles every Lambda entry with the same esbuild options the CDK app uses
 * (infra/lambda-bundling.ts), prints each bundle's minified size and exits non-zero when one is
 * over budget, listing the packages that weigh most in it.
 *
 *   node test/tools/bundle-size.ts
 */
import { resolve } from 'node:path';
import { type BuildOptions, build, type Metafile } from 'esbuild';
import {
  bundleBudgetBytes,
  type LambdaId,
  lambdaBundling,
  lambdaEntries,
  lambdaIds,
} from '../../infra/lambda-bundling.ts';

const repositoryRoot = resolve(import.meta.dirname, '..', '..');

/** esbuild options equivalent to what NodejsFunction passes to the esbuild CLI. */
export const esbuildOptionsFor = (id: LambdaId): BuildOptions => ({
  entryPoints: [resolve(repositoryRoot, lambdaEntries[id])],
  bundle: true,
  write: false,
  metafile: true,
  outfile: resolve(repositoryRoot, 'cdk.out', 'bundle-size', id, 'index.mjs'),
  platform: lambdaBundling.platform,
  format: lambdaBundling.format,
  target: lambdaBundling.target,
  minify: lambdaBundling.minify,
  sourcemap: lambdaBundling.sourceMap,
  sourcesContent: lambdaBundling.sourcesContent,
  mainFields: [...lambdaBundling.mainFields],
  banner: { js: lambdaBundling.banner },
  define: { ...lambdaBundling.define },
  external: [...lambdaBundling.externalModules],
  logLevel: 'warning',
});

export type BundleSize = {
  readonly id: LambdaId;
  readonly bytes: number;
  readonly heaviest: readonly [string, number][];
};

/** The package an input file belongs to (`node_modules/<pkg>` or `<scope>/<pkg>`), else its top folder. */
const ownerOf = (input: string): string => {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  return match?.[1] ?? input.split('/')[0] ?? input;
};

const heaviestOwners = (metafile: Metafile, outfile: string, count: number): [string, number][] => {
  const output = Object.entries(metafile.outputs).find(([path]) => outfile.endsWith(path))?.[1];
  const byOwner = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
    const owner = ownerOf(input);
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + bytesInOutput);
  }
  return [...byOwner.entries()].sort((a, b) => b[1] - a[1]).slice(0, count);
};

export const measureBundle = async (id: LambdaId): Promise<BundleSize> => {
  const options = esbuildOptionsFor(id);
  const result = await build(options);
  const js = result.outputFiles?.find((file) => file.path.endsWith('.mjs'));
  if (!js) throw new Error(`esbuild produced no .mjs for ${id}`);
  return {
    id,
    bytes: js.contents.byteLength,
    heaviest: heaviestOwners(result.metafile ?? { inputs: {}, outputs: {} }, js.path, 8),
  };
};

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

const main = async (): Promise<number> => {
  let overBudget = 0;
  console.log(`Lambda bundles (minified ESM, budget ${kb(bundleBudgetBytes)} each):`);
  for (const id of lambdaIds) {
    const size = await measureBundle(id);
    const over = size.bytes > bundleBudgetBytes;
    if (over) overBudget += 1;
    console.log(
      `  ${id.padEnd(8)} ${kb(size.bytes).padStart(11)}  ${over ? 'OVER BUDGET' : 'ok'}  (${lambdaEntries[id]})`,
    );
    if (over) {
      for (const [owner, bytes] of size.heaviest)
        console.log(`             ${kb(bytes).padStart(11)}  ${owner}`);
    }
  }
  if (overBudget > 0) console.error(`${overBudget} bundle(s) over the ${kb(bundleBudgetBytes)} budget`);
  return overBudget > 0 ? 1 : 0;
};

if (import.meta.main) {
  process.exitCode = await main();
}
