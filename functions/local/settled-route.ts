import type { ExtraRoute } from './http-server.ts';
import type { StreamPoller } from './stream-poller.ts';

export const SETTLED_PATH = '/_local/settled';
const MAX_WAIT_MS = 120_000;

/**
 * `GET /_local/settled?timeoutMs=10000` (local only): answers `{"settled":true}` as soon as the
 * alert pipeline has handled every table change made before the request (and those it made in
 * turn), or `{"settled":false}` after the timeout. The chat client waits on it for the bot's
 * messages instead of sleeping. Without a stream to follow it answers at once.
 */
export const settledRoute =
  (poller: () => StreamPoller | undefined): ExtraRoute =>
  async (request, _body, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (request.method !== 'GET' || url.pathname !== SETTLED_PATH) return false;
    const requested = Number(url.searchParams.get('timeoutMs') ?? 10_000);
    const timeoutMs = Number.isFinite(requested) ? Math.min(Math.max(requested, 0), MAX_WAIT_MS) : 10_000;
    const current = poller();
    const settled = current ? await current.settled(timeoutMs) : true;
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ settled }));
    return true;
  };
