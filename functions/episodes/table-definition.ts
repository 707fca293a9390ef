/**
 * The one definition of the episodes table: keys, indexes, stream and TTL.
 * The CDK table construct (infra/) and the local bootstrap (functions/local/) both read it,
 * so the deployed and the local table cannot drift. Plain data: no SDK imports.
 */
export const episodesTable = {
  /** Logical name; the deployed table name comes from the stack, the local one from TABLE_NAME. */
  defaultName: 'cart-episodes',
  partitionKey: 'PK',
  sortKey: 'SK',
  globalSecondaryIndexes: [
    /** Team index: a team's episodes by status, newest first (`TEAM#<team>` / `<status>#<updatedAt>`). */
    { indexName: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
    /**
     * Work queues for the sweeper (sparse): open critical alerts by next notification time,
     * and episodes with active CRS by time of their last vital signs.
     */
    { indexName: 'GSI2', partitionKey: 'GSI2PK', sortKey: 'GSI2SK' },
  ],
  /** Alert delivery reads new items from the stream. */
  streamView: 'NEW_IMAGE',
  /** Epoch seconds; only idempotency records and delivery bookkeeping expire, never clinical data. */
  timeToLiveAttribute: 'expiresAt',
} as const;

export type EpisodesTableDefinition = typeof episodesTable;
