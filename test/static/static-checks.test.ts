import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

/** Runs a tool from node_modules/.bin; resolves with its output whether it passes or fails. */
const tool = async (name: string, args: readonly string[]): Promise<{ readonly ok: boolean; readonly output: string }> => {
  try {
    const { stdout, stderr } = await run(`node_modules/.bin/${name}`, args, { maxBuffer: 16 * 1024 * 1024 });
    return { ok: true, output: `${stdout}${stderr}` };
  } catch (error: unknown) {
    const failed = error as { stdout?: string; stderr?: string; message: string };
    return { ok: false, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` || failed.message };
  }
};

/** The type checker and the linter (with the layout's import boundaries) are part of the test run. */
describe('static checks', () => {
  it('typecheck: tsc --noEmit is clean', async () => {
    const result = await tool('tsc', ['--noEmit', '-p', 'tsconfig.json']);
    expect(result.output.trim()).toBe('');
    expect(result.ok).toBe(true);
  });

  it('lint: eslint . is clean', async () => {
    const result = await tool('eslint', ['.', '--max-warnings', '0']);
    expect(result.output.trim()).toBe('');
    expect(result.ok).toBe(true);
  });
});
