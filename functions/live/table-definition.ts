/**
 * The live-updates table: WebSocket connections and their subscriptions, for as long as a
 * connection can live (API Gateway closes it after 2 hours). The CDK construct reads this
 * definition. Plain data: no SDK imports.
 *
 * | item | PK | SK | topic (index TOPIC) |
 * |---|---|---|---|
 * | connection | `CONN#<connectionId>` | `CONN` | |
 * | subscription | `CONN#<connectionId>` | `SUB#<id>` | `episode:EP-12` / `team:demo` |
 * | notice (sent once) | `NOTICE#<key>` | `NOTICE` | |
 *
 * The stream's fan-out finds every subscriber of an episode or a team with one Query on TOPIC;
 * $disconnect removes a connection with one Query on its partition.
 */
export const liveConnectionsTable = {
  partitionKey: 'PK',
  sortKey: 'SK',
  topicIndex: { indexName: 'TOPIC', partitionKey: 'topic', sortKey: 'PK' },
  /** Epoch seconds. */
  timeToLiveAttribute: 'expiresAt',
  /** API Gateway's longest connection (2 h) plus a margin. */
  itemLifetimeSeconds: 3 * 3600,
} as const;
