import type { SpawnSyncReturns } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { javaMajorFrom, javaProblem, nodeProblem } from './preflight.ts';

const run = (stderr: string, error?: Error) => () =>
  ({ stderr, stdout: '', error }) as unknown as SpawnSyncReturns<string>;

describe('preflight', () => {
  it.each([
    ['openjdk version "17.0.15" 2025-04-15', 17],
    ['openjdk version "21" 2023-09-19', 21],
    ['java version "1.8.0_292"', 8],
    ['something else', undefined],
  ])('reads the Java major from %j', (output, major) => {
    expect(javaMajorFrom(output)).toBe(major);
  });

  it('says in one sentence that Java is missing', () => {
    const problem = javaProblem(
      run('', Object.assign(new Error('spawnSync java ENOENT'), { code: 'ENOENT' })),
    );
    expect(problem).toMatch(
      /^Java 17 or newer is required to run DynamoDB Local.*no `java` command was found/,
    );
    expect(problem?.split('\n')).toHaveLength(1);
  });

  it('rejects Java 16 and accepts Java 17', () => {
    expect(javaProblem(run('openjdk version "16.0.2"'))).toMatch(/reports Java 16/);
    expect(javaProblem(run('openjdk version "17.0.1"'))).toBeUndefined();
  });

  it('accepts Node 24 only', () => {
    expect(nodeProblem('24.21.0')).toBeUndefined();
    expect(nodeProblem('20.20.2')).toMatch(/runs on Node 24 but Node 20\.20\.2 is running/);
    expect(nodeProblem('26.0.0')).toMatch(/Node 26/);
  });
});
