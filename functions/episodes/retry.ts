import { setTimeout as sleep } from 'node:timers/promises';
import { StoreUnavailableError } from './errors.ts';

/**
 * Bounded retries with exponential backoff and full jitter for transient store failures
 * (throttling, 5xx, timeouts, dropped connections). The SDK's own retries are off so that this
 * one policy, tested with injected faults, is the whole story. Sized for Slack's 3-second budget.
 */
export type RetryPolicy = {
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
};
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 25, maxDelayMs: 400 };

const TRANSIENT_NAMES = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
]);
const TRANSIENT_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN']);

/**
 * A transaction cancelled by throttling is transient too. One cancelled by a concurrent
 * transaction is not retried as is: the repository re-reads, since the head has moved on.
 */
const cancelledTransiently = (error: {
  name?: string;
  CancellationReasons?: readonly { Code?: string }[];
}): boolean => {
  const codes = (error.CancellationReasons ?? []).map((reason) => reason.Code);
  return (
    error.name === 'TransactionCanceledException' &&
    codes.includes('ThrottlingError') &&
    !codes.includes('ConditionalCheckFailed') &&
    !codes.includes('TransactionConflict')
  );
};

export const isTransient = (error: unknown): boolean => {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as {
    name?: string;
    code?: string;
    $metadata?: { httpStatusCode?: number };
    CancellationReasons?: { Code?: string }[];
  };
  return (
    TRANSIENT_NAMES.has(e.name ?? '') ||
    TRANSIENT_CODES.has(e.code ?? '') ||
    (e.$metadata?.httpStatusCode ?? 0) >= 500 ||
    e.name === 'TransactionConflictException' ||
    cancelledTransiently(e)
  );
};

export const withRetries = async <T>(
  operation: () => Promise<T>,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): Promise<T> => {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await operation();
    } catch (error) {
      if (!isTransient(error)) throw error;
      if (attempt >= policy.maxAttempts) throw new StoreUnavailableError(undefined, { cause: error });
      const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
      await sleep(Math.random() * ceiling);
    }
  }
};
