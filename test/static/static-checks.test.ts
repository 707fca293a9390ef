import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

/** The type checker and the linter (with the layout's import boundaries) are part of the test run. */
describe('static checks', () => {
  it('typecheck: tsc --noEmit is clean', async () => {
    const result = await run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json'], {
      maxBuffer: 16 * 1024 * 1024,
    }).catch((error: { stdout?: string; stderr?: string }) => ({
      stdout: error.stdout ?? '',
      stderr: error.stderr ?? 'tsc failed',
    }));
    expect(result.stdout.trim()).toBe('');
  });

  it('lint: eslint . is clean', async () => {
    const result = await run('npx', ['eslint', '.', '--max-warnings', '0'], {
      maxBuffer: 16 * 1024 * 1024,
    }).catch((error: { stdout?: string; stderr?: string }) => ({
      stdout: error.stdout || error.stderr || 'eslint failed',
      stderr: '',
    }));
    expect(result.stdout.trim()).toBe('');
  });
});
