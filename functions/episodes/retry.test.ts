import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { storeTimeLeftMs, withStoreDeadline } from './deadline.ts';
import { StoreUnavailableError } from './errors.ts';
import { withRetries, type RetryPolicy } from './retry.ts';

const throttled = () =>
  Object.assign(new Error('slow down'), { name: 'ProvisionedThroughputExceededException' });
const policy: RetryPolicy = { maxAttempts: 100, baseDelayMs: 40, maxDelayMs: 40 };

/** A store call that never answers (a stalled DynamoDB), counting its attempts and signals. */
const stalled = () => {
  const signals: (AbortSignal | undefined)[] = [];
  return {
    signals,
    call: (options: { abortSignal?: AbortSignal }) => {
      signals.push(options.abortSignal);
      return new Promise<never>(() => undefined);
    },
  };
};

const failure = async (work: Promise<unknown>): Promise<{ error: unknown; ms: number }> => {
  const started = performance.now();
  try {
    await work;
  } catch (error) {
    return { error, ms: performance.now() - started };
  }
  throw new Error('expected a failure');
};

describe('store calls within the caller’s deadline', () => {
  it('a stalled read ends at the deadline as StoreUnavailable, NOT_WRITTEN, the attempt given an abort signal', async () => {
    const store = stalled();
    const { error, ms } = await failure(
      withStoreDeadline(Date.now() + 150, () => withRetries(store.call, policy)),
    );
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as StoreUnavailableError).outcome).toBe('NOT_WRITTEN');
    expect(ms).toBeGreaterThanOrEqual(140);
    expect(ms).toBeLessThan(1_000);
    expect(store.signals).toHaveLength(1);
    expect(store.signals[0]?.aborted).toBe(true);
  });

  it('a stalled write ends at the deadline as UNKNOWN: it may yet be applied, and the message says to resend with the same key', async () => {
    const store = stalled();
    const { error } = await failure(
      withStoreDeadline(Date.now() + 100, () => withRetries(store.call, policy, true)),
    );
    expect((error as StoreUnavailableError).outcome).toBe('UNKNOWN');
    expect((error as Error).message).toMatch(/same idempotency key/);
  });

  it('a write refused by throttling until the deadline is NOT_WRITTEN, and no backoff sleeps past the deadline', async () => {
    let attempts = 0;
    const { error, ms } = await failure(
      withStoreDeadline(Date.now() + 200, () =>
        withRetries(
          () => {
            attempts += 1;
            return Promise.reject(throttled());
          },
          policy,
          true,
        ),
      ),
    );
    expect((error as StoreUnavailableError).outcome).toBe('NOT_WRITTEN');
    expect(attempts).toBeGreaterThan(1);
    expect(ms).toBeLessThan(200 + 300);
  });

  it('no attempt starts once the deadline has passed', async () => {
    let attempts = 0;
    const { error } = await failure(
      withStoreDeadline(Date.now() - 1, () =>
        withRetries(() => {
          attempts += 1;
          return Promise.resolve('read');
        }, policy),
      ),
    );
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(attempts).toBe(0);
  });

  it('an answer inside the deadline is returned as is', async () => {
    const answer = await withStoreDeadline(Date.now() + 500, () =>
      withRetries(async () => {
        await sleep(20);
        return 'item';
      }, policy),
    );
    expect(answer).toBe('item');
  });

  it('an enclosing earlier deadline wins over a later inner one; outside any request there is none', async () => {
    const outer = Date.now() + 100;
    const left = await withStoreDeadline(outer, () =>
      withStoreDeadline(outer + 10_000, () => Promise.resolve(storeTimeLeftMs())),
    );
    expect(left).toBeLessThanOrEqual(100);
    expect(storeTimeLeftMs()).toBeUndefined();
  });

  it('without a deadline, transient failures are retried a bounded number of times', async () => {
    let attempts = 0;
    const { error } = await failure(
      withRetries(
        () => {
          attempts += 1;
          return Promise.reject(throttled());
        },
        { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1 },
      ),
    );
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(attempts).toBe(3);
  });
});
