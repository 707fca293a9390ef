import { spawn } from 'node:child_process';

/**
 * `npm run check`: the lint (with the layout's import boundaries), the type check and the format
 * check, side by side. Prints each one's verdict and time, the output of those that failed, and
 * the totals as `checks: N passed, N failed`; exits 1 when any failed.
 */
type Check = { readonly name: string; readonly command: string; readonly args: readonly string[] };

const CHECKS: readonly Check[] = [
  { name: 'lint', command: 'eslint', args: ['.', '--max-warnings', '0'] },
  { name: 'typecheck', command: 'tsc', args: ['--noEmit', '-p', 'tsconfig.json'] },
  { name: 'format', command: 'prettier', args: ['--check', '.', '--log-level', 'warn'] },
];

type Outcome = {
  readonly check: Check;
  readonly ok: boolean;
  readonly output: string;
  readonly seconds: number;
};

const run = (check: Check): Promise<Outcome> =>
  new Promise((resolve) => {
    const started = performance.now();
    let output = '';
    const child = spawn(`node_modules/.bin/${check.command}`, check.args, {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const done = (ok: boolean) => {
      resolve({ check, ok, output, seconds: (performance.now() - started) / 1000 });
    };
    child.on('error', (error) => {
      output += `${error.message}\n`;
      done(false);
    });
    child.on('close', (code) => {
      done(code === 0);
    });
  });

const outcomes = await Promise.all(CHECKS.map(run));
for (const { check, ok, output, seconds } of outcomes) {
  process.stdout.write(`${ok ? '✓' : '✗'} ${check.name} (${seconds.toFixed(1)} s)\n`);
  if (!ok) process.stdout.write(`${output.trim()}\n\n`);
}
const failed = outcomes.filter((outcome) => !outcome.ok).length;
process.stdout.write(`checks: ${outcomes.length - failed} passed, ${failed} failed\n`);
process.exitCode = failed === 0 ? 0 : 1;
