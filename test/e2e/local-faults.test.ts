import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { startSystemProcess } from '../support/local-system-process.ts';

/** The processes `npm start` started itself (the DynamoDB Local JVM). */
const childPids = (parent: number): number[] =>
  execFileSync('ps', ['-o', 'pid=', '--ppid', String(parent)], { encoding: 'utf8' })
    .split('\n')
    .map((line) => Number(line.trim()))
    .filter((pid) => pid > 0);

describe('DynamoDB Local exiting under a running local system', () => {
  it('the system says so in one sentence and stops (exit code 1), instead of looping errors', async () => {
    const system = await startSystemProcess();
    const [jvm, ...others] = childPids(system.child.pid ?? 0);
    expect(jvm).toBeDefined();
    expect(others).toEqual([]);
    const before = system.output().length;

    const killedAt = performance.now();
    process.kill(jvm ?? 0, 'SIGKILL');
    const code = await Promise.race([
      system.exited(),
      new Promise<'still running'>((resolve) =>
        setTimeout(() => {
          resolve('still running');
        }, 15_000),
      ),
    ]);
    const stoppedIn = performance.now() - killedAt;
    const after = system.output().slice(before);
    if (code === 'still running') await system.stop();

    console.log(`local-faults: DynamoDB Local killed → system stopped in ${Math.round(stoppedIn)} ms`);
    expect(code).toBe(1);
    expect(after.match(/DynamoDB Local exited \(SIGKILL\) while the local system was running/g)).toHaveLength(
      1,
    );
    expect(after).toContain('so the local system stops (run npm start again).');
    expect(after).not.toMatch(/stream poll|local server error|ECONNREFUSED/);
    expect(stoppedIn).toBeLessThan(10_000);
    await expect(fetch(`${system.baseUrl}/public/graphql`)).rejects.toThrow();
  }, 60_000);
});
