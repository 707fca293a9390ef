import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The caller's deadline for the store, carried with the request (AsyncLocalStorage), so every
 * DynamoDB call made on its behalf, however deep, stops in time: a Slack command must answer
 * within Slack's 3 seconds, a GraphQL request within its own budget. Outside any request (tests,
 * scripts) there is no deadline and the per-attempt timeouts of the client apply alone.
 */
const deadlines = new AsyncLocalStorage<number>();

/** Budgets per caller, in milliseconds from when the request arrived. */
export const STORE_DEADLINES = {
  /** Slack needs the answer within 3 s; the reply itself needs the rest. */
  slack: 2_300,
  /** Well inside API Gateway's 29 s; long enough for a few backed-off retries. */
  graphql: 8_000,
} as const;

/** Runs `work` with the store's deadline at `deadlineEpochMs` (an earlier enclosing one wins). */
export const withStoreDeadline = <T>(deadlineEpochMs: number, work: () => Promise<T>): Promise<T> => {
  const enclosing = deadlines.getStore();
  return deadlines.run(
    enclosing === undefined ? deadlineEpochMs : Math.min(enclosing, deadlineEpochMs),
    work,
  );
};

/** Milliseconds left before the current request's deadline, or undefined without one. */
export const storeTimeLeftMs = (nowEpochMs: number = Date.now()): number | undefined => {
  const deadline = deadlines.getStore();
  return deadline === undefined ? undefined : deadline - nowEpochMs;
};

/** The attempt's result, or an AbortError as soon as the signal fires (whatever the SDK does). */
export const untilAborted = <T>(attempt: Promise<T>, signal: AbortSignal): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const abort = () => {
      reject(Object.assign(new Error("the caller's deadline passed"), { name: 'AbortError' }));
    };
    if (signal.aborted) abort();
    signal.addEventListener('abort', abort, { once: true });
    attempt.then(resolve, reject).finally(() => {
      signal.removeEventListener('abort', abort);
    });
  });

/**
 * Runs `work` with exactly this deadline (undefined: none), whatever the enclosing request's: work
 * done on behalf of several callers at once (a group commit) carries its own deadline.
 */
export const withOwnStoreDeadline = <T>(
  deadlineEpochMs: number | undefined,
  work: () => Promise<T>,
): Promise<T> =>
  deadlineEpochMs === undefined ? deadlines.exit(work) : deadlines.run(deadlineEpochMs, work);
