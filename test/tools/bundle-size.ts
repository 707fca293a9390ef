/**
 * Bundle budget: bundles every Lambda entry with the same esbuild options the CDK app uses
 * (infra/lambda-bundling.ts), prints each bundle's minified size and exits non-zero when one is
 * over budget, listing the packages that weigh most in it. Also writes a bundle to disk and runs
 * it in a fresh Node process (the Slack bench and the bundle's end-to-end test use this).
 *
 *   node test/tools/bundle-size.ts
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
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

/** A bundle written to a temporary folder as Lambda receives it (`index.mjs` and its source map). */
export type WrittenBundle = {
  readonly dir: string;
  readonly file: string;
  readonly bytes: number;
  /** The packages (and top-level repository folders) whose code is in the bundle. */
  readonly owners: ReadonlySet<string>;
  remove(): Promise<void>;
};

/**
 * Bundles one entry exactly as deployed and writes it to a fresh temporary folder. The folder
 * links the repository's node_modules, so the modules left external (the AWS SDK, which the
 * Lambda runtime provides) resolve as they do on Lambda.
 */
export const writeBundle = async (id: LambdaId): Promise<WrittenBundle> => {
  const dir = await mkdtemp(join(tmpdir(), `cart-${id}-bundle-`));
  const file = join(dir, 'index.mjs');
  const result = await build({ ...esbuildOptionsFor(id), outfile: file, write: false });
  let bytes = 0;
  for (const output of result.outputFiles) {
    await writeFile(output.path, output.contents);
    if (output.path === file) bytes = output.contents.byteLength;
  }
  if (bytes === 0) throw new Error(`esbuild produced no index.mjs for ${id}`);
  await symlink(join(repositoryRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const owners = new Set(Object.keys(result.metafile?.inputs ?? {}).map(ownerOf));
  return { dir, file, bytes, owners, remove: () => rm(dir, { recursive: true, force: true }) };
};

/** One invocation of a bundled HTTP handler in a fresh process. */
export type BundledReply = {
  /** From the call of `handler(event, context)` to its result. */
  readonly ms: number;
  readonly statusCode: number;
  readonly body: string;
};

export type FreshProcessRun = {
  /** From the start of the `import()` of the bundle until it resolved. */
  readonly importMs: number;
  /** From spawning `node` until the last reply (the process start included). */
  readonly wallMs: number;
  readonly replies: readonly BundledReply[];
};

/**
 * What the fresh process runs: imports the bundle (timed), then calls the exported handler with
 * each event in turn, as the Lambda runtime does, and prints the timings and results as JSON.
 */
const invokerSource = `
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
const events = JSON.parse(readFileSync(process.env.BUNDLE_EVENTS_FILE, 'utf8'));
const context = (name) => {
  const deadline = Date.now() + 6000;
  return { callbackWaitsForEmptyEventLoop: false, functionName: name, functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:local:000000000000:function:' + name, memoryLimitInMB: '1024',
    awsRequestId: crypto.randomUUID(), logGroupName: '/aws/lambda/' + name, logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()) };
};
const importStarted = performance.now();
const { handler } = await import(pathToFileURL(process.env.BUNDLE_FILE).href);
const importMs = performance.now() - importStarted;
const replies = [];
for (const event of events) {
  const started = performance.now();
  const result = await handler(event, context('bundle'));
  replies.push({ ms: performance.now() - started, statusCode: result.statusCode, body: String(result.body ?? '') });
}
process.stdout.write(JSON.stringify({ importMs, replies }), () => process.exit(0));
`;

/**
 * Runs a written bundle in a fresh `node` process with only the given environment (plus PATH) and
 * calls its handler with each event in order: a Lambda cold start followed by warm invocations.
 */
export const invokeInFreshProcess = async (
  bundle: WrittenBundle,
  events: readonly APIGatewayProxyEventV2[],
  env: Readonly<Record<string, string>>,
): Promise<FreshProcessRun> => {
  const invoker = join(bundle.dir, 'invoke.mjs');
  const eventsFile = join(bundle.dir, `events-${process.pid}-${Date.now()}.json`);
  await writeFile(invoker, invokerSource);
  await writeFile(eventsFile, JSON.stringify(events));
  const started = performance.now();
  const child = spawn(process.execPath, [invoker], {
    cwd: bundle.dir,
    env: { PATH: process.env.PATH ?? '', ...env, BUNDLE_FILE: bundle.file, BUNDLE_EVENTS_FILE: eventsFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((done, fail) => {
    child.once('error', fail);
    child.once('exit', (exitCode) => {
      done(exitCode);
    });
  });
  const wallMs = performance.now() - started;
  await rm(eventsFile, { force: true });
  if (code !== 0) throw new Error(`bundled handler exited with ${String(code)}:\n${stderr}${stdout}`);
  const run = JSON.parse(stdout) as Omit<FreshProcessRun, 'wallMs'>;
  return { ...run, wallMs };
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
      `  ${id.padEnd(13)} ${kb(size.bytes).padStart(11)}  ${over ? 'OVER BUDGET' : 'ok'}  (${lambdaEntries[id]})`,
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
