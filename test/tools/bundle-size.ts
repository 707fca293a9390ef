/**
 * Bundle budget: bundles every Lambda entry with the same esbuild options the CDK app uses
 * (infra/lambda-bundling.ts), prints each bundle's minified size and exits non-zero when one is
 * over budget, listing the packages that weigh most in it. Also writes a bundle to disk and runs
 * it in a fresh Node process (the Slack bench and the bundle's end-to-end test use this).
 *
 *   node test/tools/bundle-size.ts
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import type { Readable } from 'node:stream';
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

/** Something bundled exactly as a Lambda entry is: a name (the output folder) and an entry file. */
export type BundleEntry = { readonly name: string; readonly entry: string };

const entryOf = (target: LambdaId | BundleEntry): BundleEntry =>
  typeof target === 'string' ? { name: target, entry: lambdaEntries[target] } : target;

/** esbuild options equivalent to what NodejsFunction passes to the esbuild CLI. */
export const esbuildOptionsFor = (target: LambdaId | BundleEntry): BuildOptions => {
  const { name, entry } = entryOf(target);
  return {
    entryPoints: [resolve(repositoryRoot, entry)],
    // Where NodejsFunction runs esbuild: path aliases resolve from here.
    absWorkingDir: repositoryRoot,
    bundle: true,
    write: false,
    metafile: true,
    outfile: resolve(repositoryRoot, 'cdk.out', 'bundle-size', name, 'index.mjs'),
    platform: lambdaBundling.platform,
    format: lambdaBundling.format,
    target: lambdaBundling.target,
    minify: lambdaBundling.minify,
    sourcemap: lambdaBundling.sourceMap,
    sourcesContent: lambdaBundling.sourcesContent,
    charset: lambdaBundling.charset,
    mainFields: [...lambdaBundling.mainFields],
    alias: { ...lambdaBundling.alias },
    banner: { js: lambdaBundling.banner },
    define: { ...lambdaBundling.define },
    external: [...lambdaBundling.externalModules],
    logLevel: 'warning',
  };
};

export type BundleSize = {
  readonly id: LambdaId;
  readonly bytes: number;
  readonly heaviest: readonly [string, number][];
  /** The input files with code in the bundle (node_modules paths from `node_modules/` on). */
  readonly inputs: readonly string[];
  /** The modules left out of the bundle that it imports, each as loaded at start or on first use. */
  readonly externalImports: readonly { readonly path: string; readonly onFirstUse: boolean }[];
};

/** The package an input file belongs to (`node_modules/<pkg>` or `<scope>/<pkg>`), else its top folder. */
const ownerOf = (input: string): string => {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  return match?.[1] ?? input.split('/')[0] ?? input;
};

const outputOf = (metafile: Metafile, outfile: string): Metafile['outputs'][string] | undefined =>
  Object.entries(metafile.outputs).find(([path]) => outfile.endsWith(path))?.[1];

const outputInputs = (metafile: Metafile, outfile: string): Record<string, { bytesInOutput: number }> =>
  outputOf(metafile, outfile)?.inputs ?? {};

const heaviestOwners = (metafile: Metafile, outfile: string, count: number): [string, number][] => {
  const byOwner = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(outputInputs(metafile, outfile))) {
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
  const metafile = result.metafile ?? { inputs: {}, outputs: {} };
  return {
    id,
    bytes: js.contents.byteLength,
    heaviest: heaviestOwners(metafile, js.path, 8),
    inputs: Object.entries(outputInputs(metafile, js.path))
      .filter(([, { bytesInOutput }]) => bytesInOutput > 0)
      .map(([input]) => input.replace(/^.*?(?=node_modules\/)/, '')),
    externalImports: (outputOf(metafile, js.path)?.imports ?? [])
      .filter((imported) => imported.external)
      .map((imported) => ({ path: imported.path, onFirstUse: imported.kind === 'dynamic-import' })),
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
export const writeBundle = async (target: LambdaId | BundleEntry): Promise<WrittenBundle> => {
  const id = entryOf(target).name;
  const dir = await mkdtemp(join(tmpdir(), `cart-${id}-bundle-`));
  const file = join(dir, 'index.mjs');
  const result = await build({ ...esbuildOptionsFor(target), outfile: file, write: false });
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
  /**
   * CPU time (user and system, all of the process's threads) from the process's start until this
   * result: what the cold start cost the machine, less disturbed than wall time by other load.
   */
  readonly cpuMs: number;
  readonly statusCode: number;
  readonly body: string;
};

export type FreshProcessRun = {
  /** From the process's time origin (its start) until the invoker's first line ran: Node's own boot. */
  readonly bootMs: number;
  /** From the start of the `import()` of the bundle until it resolved. */
  readonly importMs: number;
  /** From spawning `node` until the first reply arrived here: the cold start to first answer. */
  readonly firstReplyMs: number;
  /** From spawning `node` until the process exited (the process start included). */
  readonly wallMs: number;
  readonly replies: readonly BundledReply[];
  /** What the process wrote to stdout and stderr: the function's log. */
  readonly log: string;
};

/**
 * What the fresh process runs: imports the bundle (timed), then calls the exported handler with
 * each event in turn, as the Lambda runtime does, writing each reply as one JSON line as soon as
 * it is there, and the timings last, to file descriptor 3: stdout stays the function's log, as on
 * Lambda.
 */
const invokerSource = `
const bootMs = performance.now();
import { readFileSync, writeSync } from 'node:fs';
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
for (const event of events) {
  const started = performance.now();
  const result = await handler(event, context('bundle'));
  const ms = performance.now() - started;
  const cpu = process.cpuUsage();
  const reply = { ms, cpuMs: (cpu.user + cpu.system) / 1000, statusCode: result.statusCode, body: String(result.body ?? '') };
  writeSync(3, JSON.stringify({ reply }) + '\\n');
}
writeSync(3, JSON.stringify({ bootMs, importMs }) + '\\n');
process.exit(0);
`;

type InvokerLine = { readonly reply?: BundledReply; readonly bootMs?: number; readonly importMs?: number };

export type FreshProcessOptions = {
  /** Options for `node` itself, e.g. `--cpu-prof` (the bundle's folder is the working directory). */
  readonly nodeArgs?: readonly string[];
};

/**
 * Runs a written bundle in a fresh `node` process with only the given environment (plus PATH) and
 * calls its handler with each event in order: a Lambda cold start followed by warm invocations.
 */
export const invokeInFreshProcess = async (
  bundle: WrittenBundle,
  events: readonly APIGatewayProxyEventV2[],
  env: Readonly<Record<string, string>>,
  options: FreshProcessOptions = {},
): Promise<FreshProcessRun> => {
  const invoker = join(bundle.dir, 'invoke.mjs');
  const eventsFile = join(bundle.dir, `events-${process.pid}-${randomUUID()}.json`);
  await writeFile(invoker, invokerSource);
  await writeFile(eventsFile, JSON.stringify(events));
  const started = performance.now();
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), invoker], {
    cwd: bundle.dir,
    env: { PATH: process.env.PATH ?? '', ...env, BUNDLE_FILE: bundle.file, BUNDLE_EVENTS_FILE: eventsFile },
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let results = '';
  let firstReplyMs: number | undefined;
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  (child.stdio[3] as Readable).on('data', (chunk: Buffer) => {
    results += chunk.toString();
    if (firstReplyMs === undefined && results.includes('\n')) firstReplyMs = performance.now() - started;
  });
  const code = await new Promise<number | null>((done, fail) => {
    child.once('error', fail);
    // 'close', not 'exit': the results pipe is read to its end.
    child.once('close', (exitCode) => {
      done(exitCode);
    });
  });
  const wallMs = performance.now() - started;
  await rm(eventsFile, { force: true });
  if (code !== 0) throw new Error(`bundled handler exited with ${String(code)}:\n${stderr}${stdout}`);
  const lines = results
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as InvokerLine);
  const timings = lines.at(-1);
  if (timings?.importMs === undefined || timings.bootMs === undefined)
    throw new Error(`bundled handler printed no timings:\n${stderr}${stdout}`);
  return {
    bootMs: timings.bootMs,
    importMs: timings.importMs,
    firstReplyMs: firstReplyMs ?? wallMs,
    wallMs,
    replies: lines.flatMap((line) => (line.reply ? [line.reply] : [])),
    log: `${stdout}${stderr}`,
  };
};

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

/** Every bundle's size against its budget; the heaviest packages of those over it. */
export const measureAgainstBudgets = async (): Promise<(BundleSize & { readonly budget: number })[]> => {
  const sizes = [];
  for (const id of lambdaIds) sizes.push({ ...(await measureBundle(id)), budget: bundleBudgetBytes[id] });
  return sizes;
};

const main = async (): Promise<number> => {
  const sizes = await measureAgainstBudgets();
  console.log('Lambda bundles (minified ESM) against their budgets:');
  for (const size of sizes) {
    const over = size.bytes > size.budget;
    console.log(
      `  ${size.id.padEnd(13)} ${kb(size.bytes).padStart(10)} of ${kb(size.budget).padStart(9)}  ${over ? 'OVER BUDGET' : 'ok'}  (${lambdaEntries[size.id]})`,
    );
    if (over) {
      for (const [owner, bytes] of size.heaviest)
        console.log(`             ${kb(bytes).padStart(11)}  ${owner}`);
    }
  }
  const overBudget = sizes.filter((size) => size.bytes > size.budget).length;
  if (overBudget > 0) console.error(`${overBudget} bundle(s) over budget`);
  return overBudget > 0 ? 1 : 0;
};

if (import.meta.main) {
  process.exitCode = await main();
}
