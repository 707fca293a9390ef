import type { IncomingMessage, Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { handleProtocols } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { languageFromAcceptLanguage } from '#rules';
import type { EpisodeService } from '#episodes';
import { schema } from '../../schema/index.ts';
import type { UpdateSource } from '../../schema/live-updates.ts';
import { viewerFromClaims } from '../graphql/claims.ts';
import { LIVE_TOKEN_PARAMETER, LIVE_UPDATES_PATH } from '../live/connection-url.ts';
import { prepareOperation } from '../live/operation.ts';
import { subscriptionContext } from '../live/subscription-context.ts';

export type LiveSocketOptions = {
  /** The local JWT authorizer (as for HTTP): the claims of a valid bearer token, else undefined. */
  readonly verifyBearer: (authorization: string | undefined) => Promise<Record<string, string> | undefined>;
  readonly episodes: EpisodeService;
  readonly updates: UpdateSource;
};

export type LiveSocket = { close(): Promise<void> };

const refuse = (socket: Duplex, status: string): void => {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
};

/**
 * GraphQL subscriptions on the local server: WebSocket upgrades of /graphql, with the token in the
 * `token` query parameter (browsers cannot set headers on a WebSocket; the deployed WebSocket API's
 * authorizer reads the same parameter), verified before the handshake like an HTTP request's.
 * graphql-ws runs the subscriptions on the same schema and context as queries.
 */
export const attachLiveSocket = (server: Server, options: LiveSocketOptions): LiveSocket => {
  const claimsOf = new WeakMap<IncomingMessage, Record<string, string>>();
  const wss = new WebSocketServer({
    noServer: true,
    handleProtocols: (protocols) => handleProtocols(protocols),
  });
  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== LIVE_UPDATES_PATH) {
      refuse(socket, '404 Not Found');
      return;
    }
    const token = url.searchParams.get(LIVE_TOKEN_PARAMETER);
    void options.verifyBearer(token ? `Bearer ${token}` : undefined).then(
      (claims) => {
        if (!claims) {
          refuse(socket, '401 Unauthorized');
          return;
        }
        claimsOf.set(request, claims);
        wss.handleUpgrade(request, socket, head, (ws) => {
          wss.emit('connection', ws, request);
        });
      },
      () => {
        refuse(socket, '500 Internal Server Error');
      },
    );
  };
  server.on('upgrade', onUpgrade);
  const disposable = useServer(
    {
      schema,
      onSubscribe: (ctx, _id, payload) => {
        const prepared = prepareOperation(payload, { production: false });
        if (!prepared.ok) return [...prepared.errors];
        const { request } = ctx.extra;
        return {
          schema,
          document: prepared.document,
          variableValues: prepared.variables,
          operationName: prepared.operationName,
          contextValue: subscriptionContext({
            viewer: viewerFromClaims(claimsOf.get(request)),
            language: languageFromAcceptLanguage(request.headers['accept-language']),
            requestId: randomUUID(),
            episodes: options.episodes,
            updates: options.updates,
          }),
        };
      },
    },
    wss,
  );
  return {
    close: async () => {
      server.off('upgrade', onUpgrade);
      await disposable.dispose();
      await new Promise<void>((done) => {
        wss.close(() => {
          done();
        });
      });
    },
  };
};
