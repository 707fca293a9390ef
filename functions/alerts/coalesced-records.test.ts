import { describe, expect, it } from 'vitest';
import type { DeliverableAlert, DeliveryRecord } from '../episodes/alert-delivery-store.ts';
import { CoalescedRecords } from './coalesced-records.ts';

const alertNumbered = (n: number) => ({ PK: 'EP#EP-1', SK: `ALERT#${String(n)}` }) as DeliverableAlert;
const delivery = { status: 'DELIVERED', attempts: 1 } as DeliveryRecord['delivery'];

/** A store whose recordMany calls wait until released, recording what each call carried. */
const heldStore = (outcome: (entry: DeliveryRecord) => PromiseSettledResult<void>) => {
  const calls: string[][] = [];
  const releases: (() => void)[] = [];
  return {
    calls,
    release: () => releases.shift()?.(),
    store: {
      recordMany: async (entries: readonly DeliveryRecord[]) => {
        calls.push(entries.map((e) => e.alert.SK));
        await new Promise<void>((resolve) => releases.push(resolve));
        return entries.map(outcome);
      },
    },
  };
};

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('CoalescedRecords', () => {
  it('sends the first record at once and the records made meanwhile together in the next write', async () => {
    const held = heldStore(() => ({ status: 'fulfilled', value: undefined }));
    const records = new CoalescedRecords(held.store);
    const first = records.record(alertNumbered(1), delivery);
    const rest = [2, 3, 4].map((n) => records.record(alertNumbered(n), delivery, '2026-03-03T02:25:00.000Z'));
    await flush();
    expect(held.calls).toEqual([['ALERT#1']]);
    held.release();
    await first;
    await flush();
    expect(held.calls).toEqual([['ALERT#1'], ['ALERT#2', 'ALERT#3', 'ALERT#4']]);
    held.release();
    await Promise.all(rest);
  });

  it('answers each caller with its own outcome', async () => {
    const held = heldStore((entry) =>
      entry.alert.SK === 'ALERT#3'
        ? { status: 'rejected', reason: new Error('ALERT#3 was deleted') }
        : { status: 'fulfilled', value: undefined },
    );
    const records = new CoalescedRecords(held.store);
    const answers = [1, 2, 3, 4].map((n) => records.record(alertNumbered(n), delivery).then(() => 'stored'));
    held.release();
    await flush();
    held.release();
    expect(await Promise.allSettled(answers)).toEqual([
      { status: 'fulfilled', value: 'stored' },
      { status: 'fulfilled', value: 'stored' },
      { status: 'rejected', reason: new Error('ALERT#3 was deleted') },
      { status: 'fulfilled', value: 'stored' },
    ]);
  });

  it('a store that throws fails every record of that write, and the next records are still written', async () => {
    let calls = 0;
    const records = new CoalescedRecords({
      recordMany: (entries) => {
        calls += 1;
        return calls === 1
          ? Promise.reject(new Error('throttled'))
          : Promise.resolve(entries.map(() => ({ status: 'fulfilled', value: undefined }) as const));
      },
    });
    await expect(records.record(alertNumbered(1), delivery)).rejects.toThrow('throttled');
    await expect(records.record(alertNumbered(2), delivery)).resolves.toBeUndefined();
    expect(calls).toBe(2);
  });
});
