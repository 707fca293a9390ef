import { createHash } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { DocumentClient } from '../episodes/dynamodb-client.ts';
import { SLACK_TIMESTAMP_TOLERANCE_SECONDS } from '../../slack-bot/request-freshness.ts';
import { withRetries } from '../episodes/retry.ts';
import { episodesTable } from '../episodes/table-definition.ts';

/**
 * A signed Slack request is valid for five minutes either side of its timestamp; within that
 * window a captured copy would carry a valid signature. Each signature is claimed once, by a
 * conditional put of its hash in the episodes table (its own partition, `SLACKSIG#<sha256>`,
 * outside every episode), kept until the window has surely closed and then removed by the
 * table's TTL. A second request with the same signature is a replay: refused, never executed.
 * Slack's own retries are signed anew (new timestamp), so they are not replays.
 */
export const replayItemKey = (signature: string) => ({
  [episodesTable.partitionKey]: `SLACKSIG#${createHash('sha256').update(signature).digest('base64url')}`,
  [episodesTable.sortKey]: 'SEEN',
});

/** How long after the request's own timestamp the claim is kept: the 5-minute window, twice. */
export const REPLAY_CLAIM_SECONDS = 2 * SLACK_TIMESTAMP_TOLERANCE_SECONDS;

export type ReplayGuard = {
  /** True the first time a signature is claimed; false for every later claim of it (a replay). */
  claim(signature: string, timestampSeconds: number): Promise<boolean>;
};

export const createReplayGuard = (client: DocumentClient, tableName: string): ReplayGuard => ({
  claim: async (signature, timestampSeconds) => {
    try {
      // One attempt, within the request's deadline: a retry of a claim that was applied but not
      // confirmed would find its own claim and refuse the request as a replay.
      await withRetries(
        (options) =>
          client.send(
            new PutCommand({
              TableName: tableName,
              Item: {
                ...replayItemKey(signature),
                [episodesTable.timeToLiveAttribute]: timestampSeconds + REPLAY_CLAIM_SECONDS,
              },
              ConditionExpression: 'attribute_not_exists(#pk)',
              ExpressionAttributeNames: { '#pk': episodesTable.partitionKey },
            }),
            options,
          ),
        { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 },
      );
      return true;
    } catch (error) {
      if ((error as { name?: unknown } | null)?.name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  },
});
