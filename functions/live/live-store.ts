import type { Language } from '#rules';
import type { Claims } from '../graphql/claims.ts';

/** An open WebSocket connection: the verified claims its $connect carried, and its protocol state. */
export type LiveConnection = {
  readonly connectionId: string;
  readonly claims: Claims;
  readonly language: Language;
  /** connection_init answered (graphql-ws: subscribe only after connection_ack). */
  readonly acknowledged: boolean;
};

/** One subscription of a connection, stored for the stream's fan-out. */
export type LiveSubscription = {
  readonly connectionId: string;
  /** The client's operation id (graphql-ws `id`). */
  readonly id: string;
  /** topicKey of what it listens to ("episode:EP-12", "team:demo"). */
  readonly topic: string;
  readonly query: string;
  readonly variables: Readonly<Record<string, unknown>>;
  readonly operationName?: string | undefined;
  readonly claims: Claims;
  readonly language: Language;
};

/** Where connections and subscriptions live between Lambda invocations (a table with TTL). */
export type LiveStore = {
  putConnection(connection: LiveConnection): Promise<void>;
  getConnection(connectionId: string): Promise<LiveConnection | undefined>;
  /** Marks connection_init answered; false when it already was (a second connection_init). */
  acknowledge(connectionId: string): Promise<boolean>;
  /** Stores a subscription; false when the connection already has one with this id. */
  putSubscription(subscription: LiveSubscription): Promise<boolean>;
  deleteSubscription(connectionId: string, id: string): Promise<void>;
  /** The connection and all its subscriptions. */
  deleteConnection(connectionId: string): Promise<void>;
  /** Every subscription to a topic (one Query). */
  subscribersOf(topic: string): Promise<LiveSubscription[]>;
  /** True the first time a key is claimed (an acknowledgement is sent out once). */
  firstNotice(key: string): Promise<boolean>;
};

/** Sends graphql-ws messages to connected clients (API Gateway's management API deployed). */
export type ConnectionPoster = {
  /** 'gone' when the client has disconnected. */
  post(connectionId: string, message: Readonly<Record<string, unknown>>): Promise<'sent' | 'gone'>;
  /** Closes the connection (a protocol violation). */
  close(connectionId: string, reason: string): Promise<void>;
};
