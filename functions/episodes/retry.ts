import { setTimeout as sleep } from 'node:timers/promises';
import { storeTimeLeftMs, untilAborted } from './deadline.ts';
import { StoreUnavailableError, type WriteOutcome } from './errors.ts';

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

/** What each attempt passes to the SDK's `send`: aborted when the caller's deadline passes. */
export type SendOptions = { readonly abortSignal?: AbortSignal };

const sentThenTimedOut = (error: unknown): boolean => {
  const name = (error as { name?: string } | null)?.name ?? '';
  return name === 'AbortError' || name === 'TimeoutError' || name === 'RequestTimeout';
};

/**
 * Runs a store call with bounded retries, inside the caller's deadline (deadline.ts): no attempt
 * starts, and no backoff sleeps, past it; an attempt still running at the deadline is aborted.
 * `write` says whether the call writes (its StoreUnavailableError then says whether it may have
 * been applied).
 */
export const withRetries = async <T>(
  operation: (options: SendOptions) => Promise<T>,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  write = false,
): Promise<T> => {
  let outcome: WriteOutcome = 'NOT_WRITTEN';
  const unavailable = (cause: unknown): StoreUnavailableError =>
    new StoreUnavailableError(undefined, { cause, outcome: write ? outcome : 'NOT_WRITTEN' });
  for (let attempt = 1; ; attempt += 1) {
    const left = storeTimeLeftMs();
    if (left !== undefined && left <= 0) throw unavailable(new Error("the caller's deadline passed"));
    const abortSignal = left === undefined ? undefined : AbortSignal.timeout(left);
    try {
      const attemptResult = operation(abortSignal ? { abortSignal } : {});
      return await (abortSignal ? untilAborted(attemptResult, abortSignal) : attemptResult);
    } catch (error) {
      if (sentThenTimedOut(error) || abortSignal?.aborted === true) {
        outcome = 'UNKNOWN';
        if (abortSignal?.aborted === true) throw unavailable(error);
      } else if (!isTransient(error)) throw error;
      if (attempt >= policy.maxAttempts) throw unavailable(error);
      const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
      const delay = Math.random() * ceiling;
      const stillLeft = storeTimeLeftMs();
      if (stillLeft !== undefined && delay >= stillLeft) throw unavailable(error);
      await sleep(delay);
    }
  }
};
