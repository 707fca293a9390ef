import { createSourceEventStream } from 'graphql';
import {
  CloseCode,
  GRAPHQL_TRANSPORT_WS_PROTOCOL,
  MessageType,
  parseMessage,
  type Message,
} from 'graphql-ws';
import type { Language } from '#rules';
import type { EpisodeService } from '#episodes';
import { schema } from '../../schema/index.ts';
import { topicKey, type EpisodeUpdateEvent, type UpdateTopic } from '../../schema/live-updates.ts';
import { viewerFromClaims, type Claims } from '../graphql/claims.ts';
import type { ConnectionPoster, LiveStore } from './live-store.ts';
import { prepareOperation } from './operation.ts';
import { formattedResult } from './results.ts';
import { subscriptionContext } from './subscription-context.ts';

export type ProtocolDeps = {
  readonly store: LiveStore;
  readonly poster: ConnectionPoster;
  readonly episodes: EpisodeService;
  readonly production: boolean;
  readonly log: (message: string, details: Record<string, unknown>) => void;
};

/** Why a connection is closed (graphql-ws close codes; API Gateway closes without a code). */
const closeFor = async (deps: ProtocolDeps, connectionId: string, code: CloseCode, reason: string) => {
  deps.log('closing live connection', { connectionId, code, reason });
  await deps.poster.close(connectionId, `${code}: ${reason}`);
};

/** The subprotocol answered on $connect, or undefined when the client did not offer graphql-ws's. */
export const acceptedProtocol = (offered: string | undefined): string | undefined =>
  offered
    ?.split(',')
    .map((protocol) => protocol.trim())
    .includes(GRAPHQL_TRANSPORT_WS_PROTOCOL)
    ? GRAPHQL_TRANSPORT_WS_PROTOCOL
    : undefined;

/** $connect, after the authorizer verified the token: the connection and its claims are stored. */
export const connect = async (
  deps: Pick<ProtocolDeps, 'store'>,
  connection: { readonly connectionId: string; readonly claims: Claims; readonly language: Language },
): Promise<void> => {
  await deps.store.putConnection({ ...connection, acknowledged: false });
};

/**
 * Subscribes: the same checks and authorisation as the local graphql-ws server (the schema's
 * subscribe resolver runs, with an update source that only records the topic), then the
 * subscription is stored for the fan-out. A refusal is answered as graphql-ws does: `error` for an
 * invalid operation, `next` with the errors then `complete` for a refused subscription.
 */
const subscribe = async (
  deps: ProtocolDeps,
  connectionId: string,
  message: Extract<Message, { type: MessageType.Subscribe }>,
  connection: { readonly claims: Claims; readonly language: Language },
): Promise<void> => {
  const { id } = message;
  const prepared = prepareOperation(message.payload, { production: deps.production });
  if (!prepared.ok) {
    await deps.poster.post(connectionId, {
      id,
      type: MessageType.Error,
      payload: prepared.errors.map((e) => e.toJSON()),
    });
    return;
  }
  let topic: UpdateTopic | undefined;
  const recorder = {
    subscribe: (recorded: UpdateTopic): AsyncIterable<EpisodeUpdateEvent> => {
      topic = recorded;
      return {
        [Symbol.asyncIterator]: () => ({ next: () => Promise.resolve({ done: true, value: undefined }) }),
      };
    },
  };
  const stream = await createSourceEventStream({
    schema,
    document: prepared.document,
    variableValues: prepared.variables,
    operationName: prepared.operationName,
    contextValue: subscriptionContext({
      viewer: viewerFromClaims(connection.claims),
      language: connection.language,
      requestId: `${connectionId}:${id}`,
      episodes: deps.episodes,
      updates: recorder,
    }),
  });
  if (!(Symbol.asyncIterator in stream) || topic === undefined) {
    const result = Symbol.asyncIterator in stream ? { errors: [] } : stream;
    await deps.poster.post(connectionId, {
      id,
      type: MessageType.Next,
      payload: formattedResult(result, deps.log),
    });
    await deps.poster.post(connectionId, { id, type: MessageType.Complete });
    return;
  }
  const stored = await deps.store.putSubscription({
    connectionId,
    id,
    topic: topicKey(topic),
    query: prepared.query,
    variables: prepared.variables,
    operationName: prepared.operationName,
    claims: connection.claims,
    language: connection.language,
  });
  if (!stored)
    await closeFor(
      deps,
      connectionId,
      CloseCode.SubscriberAlreadyExists,
      `Subscriber for ${id} already exists`,
    );
};

/**
 * One graphql-ws message on $default. Never throws for anything the client sent: a message that is
 * not graphql-ws, or out of order, closes the connection as the protocol says; an invalid or
 * refused operation is answered with graphql-ws error messages.
 */
export const handleMessage = async (deps: ProtocolDeps, connectionId: string, body: string | undefined) => {
  let message: Message;
  try {
    message = parseMessage(body ?? '');
  } catch (error) {
    await closeFor(deps, connectionId, CloseCode.BadRequest, `Invalid message: ${(error as Error).message}`);
    return;
  }
  const connection = await deps.store.getConnection(connectionId);
  if (!connection) {
    await closeFor(deps, connectionId, CloseCode.Unauthorized, 'Unknown connection');
    return;
  }
  switch (message.type) {
    case MessageType.ConnectionInit:
      if (!(await deps.store.acknowledge(connectionId)))
        await closeFor(
          deps,
          connectionId,
          CloseCode.TooManyInitialisationRequests,
          'Too many initialisation requests',
        );
      else await deps.poster.post(connectionId, { type: MessageType.ConnectionAck });
      return;
    case MessageType.Ping:
      await deps.poster.post(connectionId, { type: MessageType.Pong });
      return;
    case MessageType.Pong:
      return;
    case MessageType.Subscribe:
      if (!connection.acknowledged)
        await closeFor(deps, connectionId, CloseCode.Unauthorized, 'Unauthorized');
      else await subscribe(deps, connectionId, message, connection);
      return;
    case MessageType.Complete:
      await deps.store.deleteSubscription(connectionId, message.id);
      return;
    default:
      await closeFor(
        deps,
        connectionId,
        CloseCode.BadRequest,
        `Unexpected message of type ${message.type} received`,
      );
  }
};
