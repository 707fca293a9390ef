import type { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { describe, expect, it } from 'vitest';
import { startStreamPoller } from './stream-poller.ts';

/** A streams client whose every call fails as a stopped DynamoDB Local does. */
const refusingClient = () => {
  let calls = 0;
  const client = {
    send: () => {
      calls += 1;
      return Promise.reject(
        Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8000'), { code: 'ECONNREFUSED' }),
      );
    },
  } as unknown as DynamoDBStreamsClient;
  return { client, calls: () => calls };
};

describe('the local stream poller when DynamoDB stops answering', () => {
  it('backs off, logs at most once, then gives up once with one reason', async () => {
    const { client, calls } = refusingClient();
    const logs: string[] = [];
    const reasons: string[] = [];
    const poller = startStreamPoller({
      client,
      streamArn: 'arn:aws:dynamodb:local:000000000000:table/t/stream/x',
      handler: () => Promise.resolve(undefined),
      pollIntervalMs: 10,
      unreachableAfterMs: 2500,
      log: (line) => logs.push(line),
      onUnreachable: (reason) => reasons.push(reason),
    });
    await new Promise((resolve) => setTimeout(resolve, 3500));
    await poller.stop();

    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatch(/has not answered for 3 s \(Error: connect ECONNREFUSED/);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/^stream poll failing for 2 s/);
    // Backoff: 10 ms doubling to at most 5 s, not one attempt every 10 ms (which would be ~250).
    expect(calls()).toBeLessThan(15);
    const after = calls();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(calls()).toBe(after);
  });
});
