import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { startSystemProcess } from '../support/local-system-process.ts';

const childPids = (parent: number): number[] =>
  execFileSync('ps', ['-o', 'pid=', '--ppid', String(parent)], { encoding: 'utf8' })
    .split('\n')
    .map((line) => Number(line.trim()))
    .filter((pid) => pid > 0);

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('stopping the local system', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal} stops the server and DynamoDB Local, leaving no process behind`, async () => {
      const system = await startSystemProcess();
      const pid = system.child.pid ?? 0;
      const children = childPids(pid);
      expect(children.length).toBeGreaterThan(0); // the DynamoDB Local JVM
      expect(await system.stop(signal)).toBe(0);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(children.filter(alive)).toEqual([]);
      await expect(fetch(`${system.baseUrl}/public/graphql`)).rejects.toThrow();
    }, 60_000);
  }
});
