import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ErrorCode, type WebClient } from '@slack/web-api';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createWebClient,
  currentTokenPoster,
  DEFAULT_SLACK_RETRY_POLICY,
  describeSlackError,
  retryDelayMs,
  webApiPoster,
  withSlackRetries,
  type SlackRetryPolicy,
} from './slack-web-api.ts';

/**
 * A loopback Slack Web API: each request takes the next scripted answer (the last one repeats).
 * Real HTTP through the real WebClient, so the errors are the ones the client really throws.
 */
type Answer =
  | { readonly kind: 'ok'; readonly ts?: string | undefined; readonly channel?: string | undefined }
  | { readonly kind: 'rate-limited'; readonly retryAfter: number }
  | { readonly kind: 'status'; readonly status: number }
  | { readonly kind: 'slack-error'; readonly error: string }
  | { readonly kind: 'hang' }
  | { readonly kind: 'reset' };

type ReceivedCall = {
  readonly method: string;
  readonly body: Record<string, string>;
  readonly at: number;
  readonly authorization: string | undefined;
};

const received: ReceivedCall[] = [];
let script: Answer[] = [];
const hanging: ServerResponse[] = [];

const answer = (req: IncomingMessage, res: ServerResponse, body: string): void => {
  received.push({
    method: (req.url ?? '').replace(/^\/api\//, ''),
    body: Object.fromEntries(new URLSearchParams(body)),
    at: Date.now(),
    authorization: req.headers.authorization,
  });
  const next: Answer = (script.length > 1 ? script.shift() : script[0]) ?? { kind: 'ok' };
  const json = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(payload));
  };
  switch (next.kind) {
    case 'ok':
      json(200, { ok: true, channel: next.channel ?? 'C0ALERTS1', ts: next.ts ?? '1700000000.000100' });
      return;
    case 'rate-limited':
      json(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(next.retryAfter) });
      return;
    case 'status':
      json(next.status, { ok: false });
      return;
    case 'slack-error':
      json(200, { ok: false, error: next.error });
      return;
    case 'hang':
      hanging.push(res);
      return;
    case 'reset':
      req.socket.destroy();
      return;
  }
};

const server = createServer((req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (chunk: string) => (body += chunk));
  req.on('end', () => {
    answer(req, res, body);
  });
});
let apiUrl = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/api/`;
});
afterEach(() => {
  for (const res of hanging.splice(0)) res.destroy();
  received.length = 0;
  script = [];
  vi.restoreAllMocks();
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const client = (timeoutMs?: number): WebClient => createWebClient('xoxb-test-token', apiUrl, timeoutMs);
const post =
  (c: WebClient = client()) =>
  () =>
    c.chat.postMessage({ channel: 'C0ALERTS1', text: 'alert' });

/** The error the real client throws for this answer. */
const errorFor = async (answerWith: Answer, timeoutMs?: number): Promise<unknown> => {
  script = [answerWith];
  try {
    await post(client(timeoutMs))();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
};

const policy: SlackRetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 250,
  maxDelayMs: 2000,
  maxRetryAfterMs: 10_000,
};

/** Records the waits instead of sleeping (the wait itself is node's timer, not under test here). */
const recordingWait = () => {
  const waits: number[] = [];
  return { waits, wait: (ms: number) => Promise.resolve(waits.push(ms)) };
};

describe('retryDelayMs: which Slack failures are worth retrying, and after how long', () => {
  it('429 waits exactly the Retry-After Slack sent (in seconds)', async () => {
    const error = await errorFor({ kind: 'rate-limited', retryAfter: 2 });
    expect((error as { code?: string }).code).toBe(ErrorCode.RateLimitedError);
    expect(retryDelayMs(error, 1, policy)).toBe(2000);
    expect(retryDelayMs(error, 3, policy)).toBe(2000);
  });

  it('a Retry-After at the longest wait is waited; one second longer is not', async () => {
    expect(retryDelayMs(await errorFor({ kind: 'rate-limited', retryAfter: 10 }), 1, policy)).toBe(10_000);
    expect(retryDelayMs(await errorFor({ kind: 'rate-limited', retryAfter: 11 }), 1, policy)).toBeUndefined();
  });

  it('5xx backs off with full jitter under an exponential ceiling capped at maxDelayMs', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const error = await errorFor({ kind: 'status', status: 503 });
    expect((error as { code?: string }).code).toBe(ErrorCode.HTTPError);
    expect(retryDelayMs(error, 1, policy)).toBe(125); // 0.5 × 250
    expect(retryDelayMs(error, 3, policy)).toBe(500); // 0.5 × 1000
    expect(retryDelayMs(error, 4, policy)).toBe(1000); // 0.5 × 2000 (the cap)
    expect(retryDelayMs(error, 9, policy)).toBe(1000); // still the cap
    expect(retryDelayMs(await errorFor({ kind: 'status', status: 500 }), 1, policy)).toBe(125);
  });

  it('an HTTP 4xx other than 429 is not retried', async () => {
    expect(retryDelayMs(await errorFor({ kind: 'status', status: 400 }), 1, policy)).toBeUndefined();
    expect(retryDelayMs(await errorFor({ kind: 'status', status: 404 }), 1, policy)).toBeUndefined();
  });

  it('network errors and timeouts back off', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const reset = await errorFor({ kind: 'reset' });
    expect((reset as { code?: string }).code).toBe(ErrorCode.RequestError);
    expect(retryDelayMs(reset, 2, policy)).toBe(250);
    const timeout = await errorFor({ kind: 'hang' }, 100);
    expect((timeout as { code?: string }).code).toBe(ErrorCode.RequestError);
    expect(retryDelayMs(timeout, 1, policy)).toBe(125);
  });

  it('permanent refusals (channel_not_found, invalid_auth, not_in_channel) are not retried; transient ones are', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    for (const permanent of ['channel_not_found', 'invalid_auth', 'not_in_channel', 'is_archived']) {
      const error = await errorFor({ kind: 'slack-error', error: permanent });
      expect((error as { code?: string }).code).toBe(ErrorCode.PlatformError);
      expect(retryDelayMs(error, 1, policy), permanent).toBeUndefined();
    }
    for (const transient of ['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']) {
      expect(
        retryDelayMs(await errorFor({ kind: 'slack-error', error: transient }), 1, policy),
        transient,
      ).toBe(125);
    }
  });

  it('an error that is not Slack’s is not retried', () => {
    expect(retryDelayMs(new Error('boom'), 1, policy)).toBeUndefined();
    expect(retryDelayMs(undefined, 1, policy)).toBeUndefined();
    expect(retryDelayMs(null, 1, policy)).toBeUndefined();
  });
});

describe('withSlackRetries over real HTTP', () => {
  it('429 then ok: waits the Retry-After once and returns the posted message', async () => {
    script = [
      { kind: 'rate-limited', retryAfter: 1 },
      { kind: 'ok', ts: '1700000000.000200' },
    ];
    const { waits, wait } = recordingWait();
    const result = await withSlackRetries(post(), policy, undefined, wait);
    expect(result.ts).toBe('1700000000.000200');
    expect(waits).toEqual([1000]);
    expect(received.map((r) => r.method)).toEqual(['chat.postMessage', 'chat.postMessage']);
  });

  it('a Retry-After longer than the longest wait is not waited: thrown after one request', async () => {
    script = [{ kind: 'rate-limited', retryAfter: 30 }, { kind: 'ok' }];
    const { waits, wait } = recordingWait();
    await expect(withSlackRetries(post(), policy, undefined, wait)).rejects.toMatchObject({
      code: ErrorCode.RateLimitedError,
      retryAfter: 30,
    });
    expect(waits).toEqual([]);
    expect(received).toHaveLength(1);
  });

  it('503, 503, ok: backs off twice (each within its ceiling) and succeeds on the third request', async () => {
    script = [{ kind: 'status', status: 503 }, { kind: 'status', status: 503 }, { kind: 'ok' }];
    const { waits, wait } = recordingWait();
    await withSlackRetries(post(), policy, undefined, wait);
    expect(received).toHaveLength(3);
    expect(waits).toHaveLength(2);
    expect(waits[0]).toBeGreaterThanOrEqual(0);
    expect(waits[0]).toBeLessThanOrEqual(250);
    expect(waits[1]).toBeLessThanOrEqual(500);
  });

  it('maxAttempts is the number of requests: on the boundary it succeeds, one more failure and it throws', async () => {
    const three = { ...policy, maxAttempts: 3 };
    script = [{ kind: 'status', status: 503 }, { kind: 'status', status: 503 }, { kind: 'ok' }];
    await expect(withSlackRetries(post(), three, undefined, recordingWait().wait)).resolves.toMatchObject({
      ok: true,
    });
    expect(received).toHaveLength(3);

    received.length = 0;
    script = [{ kind: 'status', status: 503 }];
    await expect(withSlackRetries(post(), three, undefined, recordingWait().wait)).rejects.toMatchObject({
      code: ErrorCode.HTTPError,
      statusCode: 503,
    });
    expect(received).toHaveLength(3);
  });

  it('a network error is retried, then the message goes through', async () => {
    script = [{ kind: 'reset' }, { kind: 'ok' }];
    await withSlackRetries(post(), policy, undefined, recordingWait().wait);
    expect(received).toHaveLength(2);
  });

  it('a request that hangs times out and is retried', async () => {
    script = [{ kind: 'hang' }, { kind: 'ok', ts: '1700000000.000300' }];
    const result = await withSlackRetries(post(client(150)), policy, undefined, recordingWait().wait);
    expect(result.ts).toBe('1700000000.000300');
    expect(received).toHaveLength(2);
  });

  it('channel_not_found is thrown at once: one request, no wait', async () => {
    script = [{ kind: 'slack-error', error: 'channel_not_found' }, { kind: 'ok' }];
    const { waits, wait } = recordingWait();
    await expect(withSlackRetries(post(), policy, undefined, wait)).rejects.toMatchObject({
      code: ErrorCode.PlatformError,
      data: { error: 'channel_not_found' },
    });
    expect(received).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('nothing is retried past the deadline: a wait that would end at or after it is not started', async () => {
    script = [{ kind: 'rate-limited', retryAfter: 1 }, { kind: 'ok' }];
    const { waits, wait } = recordingWait();
    await expect(withSlackRetries(post(), policy, Date.now() + 900, wait)).rejects.toMatchObject({
      code: ErrorCode.RateLimitedError,
    });
    expect(waits).toEqual([]);
    expect(received).toHaveLength(1);

    // The same failure with time left is waited out.
    received.length = 0;
    script = [{ kind: 'rate-limited', retryAfter: 1 }, { kind: 'ok' }];
    await withSlackRetries(post(), policy, Date.now() + 60_000, wait);
    expect(waits).toEqual([1000]);
    expect(received).toHaveLength(2);
  });

  it('a backoff that would pass the deadline is not started either', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5); // 125 ms at the first attempt
    script = [{ kind: 'status', status: 503 }, { kind: 'ok' }];
    const { waits, wait } = recordingWait();
    await expect(withSlackRetries(post(), policy, Date.now() + 100, wait)).rejects.toMatchObject({
      statusCode: 503,
    });
    expect(waits).toEqual([]);
    expect(received).toHaveLength(1);
  });
});

describe('webApiPoster: chat.postMessage and chat.update as the alert pipeline sends them', () => {
  const blocks = [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text: '*CRITICAL*' } }];

  it('posts to the channel with text and blocks, without unfurling, and answers channel and ts', async () => {
    script = [{ kind: 'ok', channel: 'C0HEMA01', ts: '1700000000.000400' }];
    const posted = await webApiPoster(client()).post({
      channel: 'C0HEMA01',
      text: 'CRITICAL ESC-CRS3',
      blocks,
    });
    expect(posted).toEqual({ channel: 'C0HEMA01', ts: '1700000000.000400' });
    expect(received).toHaveLength(1);
    expect(received[0]?.method).toBe('chat.postMessage');
    expect(received[0]?.body).toMatchObject({
      channel: 'C0HEMA01',
      text: 'CRITICAL ESC-CRS3',
      unfurl_links: 'false',
    });
    expect(JSON.parse(received[0]?.body.blocks ?? 'null')).toEqual(blocks);
    expect(received[0]?.body.thread_ts).toBeUndefined();
  });

  it('a reminder goes in the thread and is broadcast to the channel', async () => {
    await webApiPoster(client()).post({
      channel: 'C0HEMA01',
      text: 'still unacknowledged',
      blocks,
      threadTs: '1700000000.000400',
      broadcast: true,
    });
    expect(received[0]?.body).toMatchObject({ thread_ts: '1700000000.000400', reply_broadcast: 'true' });
  });

  it('update edits the message in place (same channel and ts)', async () => {
    await webApiPoster(client()).update({
      channel: 'C0HEMA01',
      ts: '1700000000.000400',
      text: 'acknowledged',
      blocks,
    });
    expect(received).toHaveLength(1);
    expect(received[0]?.method).toBe('chat.update');
    expect(received[0]?.body).toMatchObject({
      channel: 'C0HEMA01',
      ts: '1700000000.000400',
      text: 'acknowledged',
    });
  });

  it('really waits out Slack’s Retry-After between the two requests', async () => {
    script = [{ kind: 'rate-limited', retryAfter: 1 }, { kind: 'ok' }];
    await webApiPoster(client()).post({ channel: 'C0HEMA01', text: 'alert', blocks });
    expect(received).toHaveLength(2);
    expect((received[1]?.at ?? 0) - (received[0]?.at ?? 0)).toBeGreaterThanOrEqual(990);
  });

  it('uses the default policy: four requests at most against a Slack that keeps failing', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0); // no wait between attempts
    script = [{ kind: 'status', status: 502 }];
    await expect(
      webApiPoster(client()).post({ channel: 'C0HEMA01', text: 'alert', blocks }),
    ).rejects.toMatchObject({
      statusCode: 502,
    });
    expect(received).toHaveLength(DEFAULT_SLACK_RETRY_POLICY.maxAttempts);
  });

  it('an answer without channel and ts is a failure, not a delivery', async () => {
    script = [{ kind: 'ok', ts: '', channel: '' }];
    await expect(webApiPoster(client()).post({ channel: 'C0HEMA01', text: 'alert', blocks })).rejects.toThrow(
      /without channel and ts/,
    );
  });
});

describe('describeSlackError: what the delivery record keeps of a failure', () => {
  it('names the kind of failure without message content', async () => {
    expect(describeSlackError(await errorFor({ kind: 'rate-limited', retryAfter: 7 }))).toBe(
      'rate limited (retry after 7 s)',
    );
    expect(describeSlackError(await errorFor({ kind: 'status', status: 503 }))).toBe('HTTP 503');
    expect(describeSlackError(await errorFor({ kind: 'slack-error', error: 'channel_not_found' }))).toBe(
      'slack error channel_not_found',
    );
    expect(describeSlackError(await errorFor({ kind: 'reset' }))).toBe('request failed (network or timeout)');
    expect(describeSlackError(new Error('x'.repeat(300)))).toHaveLength(200);
    expect(describeSlackError(undefined)).toBe('undefined');
    expect(describeSlackError(null)).toBe('null');
  });
});

describe('currentTokenPoster', () => {
  it('uses the bot token as stored now: a token stored after start is used without a restart', async () => {
    script = [{ kind: 'ok' }];
    let stored = 'xoxb-placeholder';
    const poster = currentTokenPoster(() => Promise.resolve(stored), apiUrl);
    const message = { channel: 'C0ALERTS1', text: 'ESC-CRS3', blocks: [] };
    await poster.post(message);
    stored = 'xoxb-installed';
    await poster.post(message);
    await poster.update({ ...message, ts: '1700000000.000100' });
    expect(received.map((call) => [call.method, call.authorization])).toEqual([
      ['chat.postMessage', 'Bearer xoxb-placeholder'],
      ['chat.postMessage', 'Bearer xoxb-installed'],
      ['chat.update', 'Bearer xoxb-installed'],
    ]);
  });
});
