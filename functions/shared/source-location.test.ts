import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { originalLocation } from './source-location.ts';

/** The first frame of a stack: location, line and column. */
const firstFrame = (stack: string | undefined): [string, number, number] => {
  const match = /\(?((?:file:\/\/)?[^\s()]+):(\d+):(\d+)\)?$/m.exec(
    stack?.split('\n').find((line) => line.trimStart().startsWith('at ')) ?? '',
  );
  if (!match?.[1]) throw new Error(`no frame in ${String(stack)}`);
  return [match[1], Number(match[2]), Number(match[3])];
};

const SOURCE = [
  'export const checkDose = (mgPerKg: number): number => {',
  '  if (mgPerKg > 8) {',
  "    throw new RangeError('above 8 mg/kg');",
  '  }',
  '  return mgPerKg;',
  '};',
  '',
].join('\n');

let dir: string;
let bundle: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cart-source-location-'));
  await writeFile(join(dir, 'dose-check.ts'), SOURCE);
  bundle = join(dir, 'out', 'index.mjs');
  // As the functions are bundled: minified ESM on one line, the map beside it, no sources in it.
  await build({
    entryPoints: [join(dir, 'dose-check.ts')],
    outfile: bundle,
    bundle: true,
    format: 'esm',
    platform: 'node',
    minify: true,
    sourcemap: true,
    sourcesContent: false,
    logLevel: 'silent',
  });
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('originalLocation: a bundled frame read back through the map beside the bundle', () => {
  it('finds the line of the throw in the TypeScript source', () => {
    // In a fresh node without --enable-source-maps, as the functions run (the test runner maps stacks).
    const stack = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import(${JSON.stringify(pathToFileURL(bundle).href)}).then((m) => { try { m.checkDose(12); } catch (e) { console.log(e.stack); } });`,
      ],
      { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } },
    );
    const [location, line, column] = firstFrame(stack);
    // Minified: everything is on line 1 of the bundle.
    expect(location).toMatch(/index\.mjs$/);
    expect(line).toBe(1);
    expect(originalLocation(location, line, column)).toMatch(/^dose-check\.ts:3:\d+$/);
  });

  it('leaves what is not a bundled location: a TypeScript file, a bundle without a map', async () => {
    expect(originalLocation(join(dir, 'dose-check.ts'), 3, 11)).toBeUndefined();
    const unmapped = join(dir, 'unmapped.mjs');
    await writeFile(unmapped, 'export const x = 1;\n');
    expect(originalLocation(unmapped, 1, 1)).toBeUndefined();
  });
});
