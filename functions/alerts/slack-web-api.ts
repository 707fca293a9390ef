import { setTimeout as sleep } from 'node:timers/promises';
import { ErrorCode, WebClient, type ChatPostMessageArguments } from '@slack/web-api';
import { followCredentials } from '../shared/follow-credentials.ts';
import type { KnownBlock } from '../../slack-bot/views/blocks.ts';

/**
 * Slack's Web API for the alert pipeline: chat.postMessage and chat.update with this module's own
 * retries (the client's are off), so one tested policy is the whole story: 429 waits out Slack's
 * Retry-After, 5xx and timeouts back off with jitter, and nothing is retried past the deadline
 * (what is left of the Lambda invocation). A permanent refusal (channel_not_found, invalid_auth)
 * is not retried. Whatever still fails stays PENDING for the sweeper.
 */
export type SlackRetryPolicy = {
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** A Retry-After longer than this is not waited out inside the invocation. */
  readonly maxRetryAfterMs: number;
};

export const DEFAULT_SLACK_RETRY_POLICY: SlackRetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 250,
  maxDelayMs: 2000,
  maxRetryAfterMs: 10_000,
};

export type SlackMessageArgs = {
  readonly channel: string;
  readonly text: string;
  readonly blocks: readonly KnownBlock[];
};

/** What the alert pipeline needs from Slack. */
export type SlackPoster = {
  post(
    message: SlackMessageArgs & { readonly threadTs?: string; readonly broadcast?: boolean },
    deadline?: number,
  ): Promise<{ readonly channel: string; readonly ts: string }>;
  update(message: SlackMessageArgs & { readonly ts: string }, deadline?: number): Promise<void>;
};

const TRANSIENT_PLATFORM_ERRORS = new Set([
  'ratelimited',
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
]);

/** How long to wait before the next attempt, or undefined when the failure is not worth retrying. */
export const retryDelayMs = (
  error: unknown,
  attempt: number,
  policy: SlackRetryPolicy,
): number | undefined => {
  // Anything may be thrown, even undefined: only Slack's coded errors are retried.
  const e = (error ?? {}) as {
    code?: string;
    retryAfter?: number;
    statusCode?: number;
    data?: { error?: string };
  };
  const backoff = Math.random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  switch (e.code) {
    case ErrorCode.RateLimitedError: {
      const ms = (e.retryAfter ?? 1) * 1000;
      return ms <= policy.maxRetryAfterMs ? ms : undefined;
    }
    case ErrorCode.HTTPError:
      return (e.statusCode ?? 0) >= 500 ? backoff : undefined;
    case ErrorCode.RequestError:
      return backoff;
    case ErrorCode.PlatformError:
      return TRANSIENT_PLATFORM_ERRORS.has(e.data?.error ?? '') ? backoff : undefined;
    default:
      return undefined;
  }
};

export const withSlackRetries = async <T>(
  call: () => Promise<T>,
  policy: SlackRetryPolicy,
  deadline: number = Number.POSITIVE_INFINITY,
  wait: (ms: number) => Promise<unknown> = sleep,
): Promise<T> => {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      const delay = retryDelayMs(error, attempt, policy);
      if (delay === undefined || attempt >= policy.maxAttempts || Date.now() + delay >= deadline) throw error;
      await wait(delay);
    }
  }
};

/** A short description of a Slack failure for the alert's delivery record (no message content). */
export const describeSlackError = (error: unknown): string => {
  const e = (error ?? {}) as {
    code?: string;
    statusCode?: number;
    retryAfter?: number;
    data?: { error?: string };
    message?: string;
  };
  if (e.code === ErrorCode.RateLimitedError) return `rate limited (retry after ${e.retryAfter ?? '?'} s)`;
  if (e.code === ErrorCode.HTTPError) return `HTTP ${e.statusCode ?? '?'}`;
  if (e.code === ErrorCode.PlatformError) return `slack error ${e.data?.error ?? '?'}`;
  if (e.code === ErrorCode.RequestError) return 'request failed (network or timeout)';
  return (e.message ?? String(error)).slice(0, 200);
};

/** Per request: a stuck call is abandoned (and retried) well inside the invocation. */
export const SLACK_REQUEST_TIMEOUT_MS = 3000;

/** A Web API client for the pipeline: no retries of its own, rate limits reported, a request timeout. */
export const createWebClient = (
  token: string,
  slackApiUrl: string | undefined,
  timeoutMs: number = SLACK_REQUEST_TIMEOUT_MS,
): WebClient =>
  new WebClient(token, {
    ...(slackApiUrl ? { slackApiUrl } : {}),
    timeout: timeoutMs,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
  });

export const webApiPoster = (
  client: WebClient,
  policy: SlackRetryPolicy = DEFAULT_SLACK_RETRY_POLICY,
): SlackPoster => ({
  post: async (message, deadline) => {
    const base = {
      channel: message.channel,
      text: message.text,
      blocks: [...message.blocks],
      unfurl_links: false,
    };
    const args: ChatPostMessageArguments = message.threadTs
      ? { ...base, thread_ts: message.threadTs, reply_broadcast: message.broadcast ?? false }
      : base;
    const result = await withSlackRetries(() => client.chat.postMessage(args), policy, deadline);
    if (!result.ts || !result.channel) throw new Error('chat.postMessage answered without channel and ts');
    return { channel: result.channel, ts: result.ts };
  },
  update: async (message, deadline) => {
    await withSlackRetries(
      () =>
        client.chat.update({
          channel: message.channel,
          ts: message.ts,
          text: message.text,
          blocks: [...message.blocks],
        }),
      policy,
      deadline,
    );
  },
});

/**
 * A poster that follows the bot token as stored now: the token is read on every call (Secrets
 * Manager values are cached for 15 minutes) and a new client is made when it changed, so a token
 * stored after the container started (first install, rotation) is used without a redeploy.
 */
export const currentTokenPoster = (
  token: () => Promise<string>,
  slackApiUrl: string | undefined,
  policy: SlackRetryPolicy = DEFAULT_SLACK_RETRY_POLICY,
): SlackPoster => {
  const poster = followCredentials<readonly [string], SlackPoster>(
    async () => [await token()],
    ([value]) => webApiPoster(createWebClient(value, slackApiUrl), policy),
  );
  return {
    post: async (message, deadline) => (await poster()).post(message, deadline),
    update: async (message, deadline) => {
      await (await poster()).update(message, deadline);
    },
  };
};
