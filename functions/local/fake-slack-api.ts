import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ExtraRoute } from './http-server.ts';

/**
 * A fake Slack Web API for local runs and tests, served by the local server under /_fake-slack:
 * the bot's Web API calls (and response_url posts) are answered as Slack would and recorded in
 * memory. Local-only control endpoints inject failures (429 with Retry-After, 5xx, timeouts,
 * Slack errors) and list the recorded calls, which the chat client prints as channel messages.
 *
 *   POST /_fake-slack/api/<method>        the Web API (chat.postMessage, chat.update, views.open, …)
 *   POST /_fake-slack/response/<id>       a response_url
 *   GET  /_fake-slack/calls?after=&method=&channel=   recorded calls after a sequence number
 *   POST /_fake-slack/control/failures    {"method","channel","count","status","retryAfter","delayMs"}
 *   POST /_fake-slack/control/failures/clear   {"method","channel"}: Slack is back for those calls
 *   POST /_fake-slack/control/members     {"user","channels":[…]} (users.conversations)
 *   POST /_fake-slack/upload/<file id>    the upload_url files.getUploadURLExternal hands out (the bytes)
 *   GET  /_fake-slack/files/<file id>     the uploaded bytes, as received (the chat client saves them)
 */
export const FAKE_SLACK_PATH = '/_fake-slack';

export type FakeSlackCall = {
  readonly seq: number;
  readonly at: string;
  readonly method: string;
  readonly args: Record<string, unknown>;
  readonly status: number;
  readonly response: Record<string, unknown>;
};

export type FakeSlackFailure = {
  /** Only calls of this method (any when omitted). */
  readonly method?: string;
  /** Only calls for this channel (any when omitted). */
  readonly channel?: string;
  /** How many matching calls fail. */
  count: number;
  /** 429 (with Retry-After), an HTTP 5xx, 'timeout' (no answer for delayMs, then 504), or a Slack error code. */
  readonly status: number | string;
  readonly retryAfter?: number;
  readonly delayMs?: number;
};

/** A file uploaded through files.getUploadURLExternal → upload_url → files.completeUploadExternal. */
export type FakeSlackFile = {
  readonly id: string;
  readonly filename: string;
  readonly length: number;
  readonly altText?: string;
  /** The bytes posted to the upload URL (undefined until then). */
  bytes?: Buffer;
  /** Set by files.completeUploadExternal. */
  shared?: { readonly channel: string; readonly threadTs?: string; readonly title?: string };
};

export type FakeSlackApi = {
  readonly route: ExtraRoute;
  calls(): readonly FakeSlackCall[];
  files(): readonly FakeSlackFile[];
};

const MAX_FILES = 100;

const MAX_CALLS = 10_000;
const JSON_FIELDS = new Set(['blocks', 'attachments', 'view', 'metadata']);

const parseArgs = (request: IncomingMessage, body: Buffer): Record<string, unknown> => {
  const text = body.toString('utf8');
  if ((request.headers['content-type'] ?? '').includes('application/json'))
    return text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    args[key] = JSON_FIELDS.has(key) ? JSON.parse(value) : value;
  }
  return args;
};

const send = (
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void => {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
};

export const createFakeSlackApi = (
  options: {
    readonly defaultChannels?: readonly string[];
    readonly botUserId?: string;
    readonly botId?: string;
  } = {},
): FakeSlackApi => {
  const calls: FakeSlackCall[] = [];
  const failures: FakeSlackFailure[] = [];
  const members = new Map<string, string[]>();
  const messages = new Map<string, Record<string, unknown>>();
  const files = new Map<string, FakeSlackFile>();
  let seq = 0;
  let counter = 0;
  const nextTs = (): string =>
    `${Math.floor(Date.now() / 1000)}.${String((counter += 1) % 1_000_000).padStart(6, '0')}`;

  const record = (
    method: string,
    args: Record<string, unknown>,
    status: number,
    response: Record<string, unknown>,
  ) => {
    seq += 1;
    calls.push({ seq, at: new Date().toISOString(), method, args, status, response });
    if (calls.length > MAX_CALLS) calls.splice(0, calls.length - MAX_CALLS);
  };

  const answer = (
    method: string,
    args: Record<string, unknown>,
    baseUrl: string,
  ): Record<string, unknown> => {
    const channel = typeof args.channel === 'string' ? args.channel : undefined;
    switch (method) {
      case 'files.getUploadURLExternal': {
        const length = Number(args.length);
        if (typeof args.filename !== 'string' || args.filename === '')
          return { ok: false, error: 'invalid_arguments' };
        if (!Number.isInteger(length) || length <= 0) return { ok: false, error: 'invalid_arguments' };
        const id = `F${String((counter += 1)).padStart(10, '0')}`;
        files.set(id, {
          id,
          filename: args.filename,
          length,
          ...(typeof args.alt_text === 'string' ? { altText: args.alt_text } : {}),
        });
        if (files.size > MAX_FILES) files.delete(files.keys().next().value ?? '');
        return { ok: true, upload_url: `${baseUrl}${FAKE_SLACK_PATH}/upload/${id}`, file_id: id };
      }
      case 'files.completeUploadExternal': {
        const list = (typeof args.files === 'string' ? JSON.parse(args.files) : args.files) as
          { id?: string; title?: string }[] | undefined;
        const channelId = typeof args.channel_id === 'string' ? args.channel_id : undefined;
        const shared: Record<string, unknown>[] = [];
        for (const entry of list ?? []) {
          const file = entry.id === undefined ? undefined : files.get(entry.id);
          if (!file?.bytes) return { ok: false, error: 'file_not_found' };
          if (channelId)
            file.shared = {
              channel: channelId,
              ...(typeof args.thread_ts === 'string' ? { threadTs: args.thread_ts } : {}),
              ...(entry.title ? { title: entry.title } : {}),
            };
          shared.push({
            id: file.id,
            name: file.filename,
            title: entry.title ?? file.filename,
            size: file.bytes.length,
          });
        }
        if (shared.length === 0) return { ok: false, error: 'invalid_arguments' };
        return { ok: true, files: shared };
      }
      case 'auth.test':
        return {
          ok: true,
          url: 'http://localhost/',
          team: 'Local',
          user: 'cart',
          team_id: 'T0LOCAL',
          user_id: options.botUserId ?? 'U0LOCALBOT',
          bot_id: options.botId ?? 'B0LOCALBOT',
        };
      case 'chat.postMessage': {
        if (!channel) return { ok: false, error: 'channel_not_found' };
        if (args.text === undefined && args.blocks === undefined) return { ok: false, error: 'no_text' };
        const ts = nextTs();
        const message = {
          type: 'message',
          text: args.text,
          blocks: args.blocks,
          ts,
          bot_id: options.botId ?? 'B0LOCALBOT',
        };
        messages.set(`${channel}:${ts}`, message);
        return { ok: true, channel, ts, message };
      }
      case 'chat.update': {
        const key = `${channel ?? ''}:${String(args.ts)}`;
        const message = messages.get(key);
        if (!message) return { ok: false, error: 'message_not_found' };
        messages.set(key, { ...message, text: args.text, blocks: args.blocks });
        return { ok: true, channel, ts: args.ts, text: args.text };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: nextTs() };
      case 'views.open':
      case 'views.push':
      case 'views.update':
      case 'views.publish':
        return { ok: true, view: { id: `V${String(seq + 1).padStart(9, '0')}`, ...(args.view as object) } };
      case 'users.conversations': {
        const user = typeof args.user === 'string' ? args.user : '';
        const channels = members.get(user) ?? options.defaultChannels ?? [];
        return { ok: true, channels: channels.map((id) => ({ id })), response_metadata: { next_cursor: '' } };
      }
      default:
        return { ok: true };
    }
  };

  const failureFor = (method: string, args: Record<string, unknown>): FakeSlackFailure | undefined => {
    const failure = failures.find(
      (f) =>
        f.count > 0 &&
        (f.method === undefined || f.method === method) &&
        (f.channel === undefined || f.channel === args.channel),
    );
    if (failure) failure.count -= 1;
    return failure;
  };

  const api = async (method: string, request: IncomingMessage, body: Buffer, response: ServerResponse) => {
    const args = parseArgs(request, body);
    const token = (request.headers.authorization ?? '').replace(/^Bearer\s+/i, '') || args.token;
    if (!token) {
      record(method, args, 200, { ok: false, error: 'not_authed' });
      send(response, 200, { ok: false, error: 'not_authed' });
      return;
    }
    const failure = failureFor(method, args);
    if (failure) {
      if (failure.status === 'timeout') {
        await sleep(failure.delayMs ?? 5000);
        record(method, args, 504, { ok: false, error: 'timeout' });
        send(response, 504, { ok: false });
        return;
      }
      if (typeof failure.status === 'number') {
        const headers: Record<string, string> =
          failure.status === 429 ? { 'retry-after': String(failure.retryAfter ?? 1) } : {};
        record(method, args, failure.status, { ok: false, error: `http_${failure.status}` });
        send(
          response,
          failure.status,
          { ok: false, error: failure.status === 429 ? 'ratelimited' : 'internal_error' },
          headers,
        );
        return;
      }
      record(method, args, 200, { ok: false, error: failure.status });
      send(response, 200, { ok: false, error: failure.status });
      return;
    }
    const result = answer(method, args, `http://${request.headers.host ?? 'localhost'}`);
    record(method, args, 200, result);
    send(response, 200, result);
  };

  const route: ExtraRoute = async (request, body, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(`${FAKE_SLACK_PATH}/`)) return false;
    const path = url.pathname.slice(FAKE_SLACK_PATH.length);
    const method = (request.method ?? 'GET').toUpperCase();
    if (method === 'POST' && path.startsWith('/api/')) {
      await api(decodeURIComponent(path.slice('/api/'.length)), request, body, response);
      return true;
    }
    if (method === 'POST' && path.startsWith('/response/')) {
      const args = parseArgs(request, body);
      record('response_url', { ...args, responseId: path.slice('/response/'.length) }, 200, { ok: true });
      send(response, 200, { ok: true });
      return true;
    }
    if (method === 'POST' && path.startsWith('/upload/')) {
      const file = files.get(decodeURIComponent(path.slice('/upload/'.length)));
      if (!file) {
        send(response, 404, { ok: false, error: 'file_not_found' });
        return true;
      }
      file.bytes = Buffer.from(body);
      record('upload', { file_id: file.id, bytes: body.length }, 200, { ok: true });
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end(`OK - ${body.length}`);
      return true;
    }
    if (method === 'GET' && path.startsWith('/files/')) {
      const file = files.get(decodeURIComponent(path.slice('/files/'.length)));
      if (!file?.bytes) {
        send(response, 404, { ok: false, error: 'file_not_found' });
        return true;
      }
      response.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-length': file.bytes.length,
      });
      response.end(file.bytes);
      return true;
    }
    if (method === 'GET' && path === '/calls') {
      const after = Number(url.searchParams.get('after') ?? 0);
      const only = url.searchParams.get('method');
      const channel = url.searchParams.get('channel');
      send(response, 200, {
        seq,
        calls: calls.filter(
          (call) =>
            call.seq > after &&
            (!only || call.method === only) &&
            (!channel || call.args.channel === channel),
        ),
      });
      return true;
    }
    if (method === 'POST' && path === '/control/failures') {
      const failure = parseArgs(request, body) as Omit<FakeSlackFailure, 'count'> & {
        readonly count?: unknown;
      };
      failures.push({ ...failure, count: Number(failure.count) });
      send(response, 200, { ok: true });
      return true;
    }
    if (method === 'POST' && path === '/control/failures/clear') {
      // Only the failures injected for exactly this method and channel: other callers' stay.
      const target = parseArgs(request, body) as { method?: string; channel?: string };
      let cleared = 0;
      for (const failure of failures) {
        if (failure.count > 0 && failure.method === target.method && failure.channel === target.channel) {
          cleared += failure.count;
          failure.count = 0;
        }
      }
      send(response, 200, { ok: true, cleared });
      return true;
    }
    if (method === 'POST' && path === '/control/members') {
      const { user, channels } = parseArgs(request, body) as { user?: string; channels?: string[] };
      if (user && Array.isArray(channels)) members.set(user, channels);
      send(response, 200, { ok: true });
      return true;
    }
    send(response, 404, { ok: false, error: 'unknown_fake_slack_route' });
    return true;
  };

  return { route, calls: () => calls, files: () => [...files.values()] };
};
