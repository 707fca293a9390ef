import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { documentCommands, type DocumentClient } from './dynamodb-client.ts';
import { DEFAULT_RETRY_POLICY, withRetries, type RetryPolicy } from './retry.ts';
import type { TeamSettings, TeamSettingsStore } from './team-settings.ts';

/**
 * Team settings in the episodes table, two items written together in one transaction:
 * `TEAM#<team> / SETTINGS` (for alert delivery: team → channel) and `SLACKCHANNEL#<channel> / TEAM`
 * (for every Slack request: channel → team, language, role), each a full copy so either read is
 * one GetItem. Neither carries index keys, so they never appear in the team index or the queues.
 */
export const teamSettingsKey = (team: string) => ({ PK: `TEAM#${team}`, SK: 'SETTINGS' }) as const;
/** HANDOFF-1: teams with handoff times, on the second index (one Query lists the digest's schedule). */
export const HANDOFF_SCHEDULE_PK = 'HANDOFF#SCHEDULE';
const scheduleKeys = (settings: TeamSettings) =>
  settings.handoffTimes && settings.handoffTimes.length > 0
    ? { GSI2PK: HANDOFF_SCHEDULE_PK, GSI2SK: settings.team }
    : {};

export const channelMappingKey = (channelId: string) =>
  ({ PK: `SLACKCHANNEL#${channelId}`, SK: 'TEAM' }) as const;

type StoredSettings = TeamSettings & {
  readonly PK: string;
  readonly SK: string;
  readonly kind: 'TEAM_SETTINGS' | 'SLACK_CHANNEL';
};

const settingsOf = (item: Record<string, unknown> | undefined): TeamSettings | undefined => {
  if (!item) return undefined;
  const {
    PK: _pk,
    SK: _sk,
    kind: _kind,
    GSI2PK: _gsi2pk,
    GSI2SK: _gsi2sk,
    ...settings
  } = item as StoredSettings & { GSI2PK?: string; GSI2SK?: string };
  return settings;
};

const isConditionFailure = (error: unknown): boolean => {
  const e = error as { name?: string; CancellationReasons?: { Code?: string }[] };
  return (
    e.name === 'TransactionCanceledException' &&
    (e.CancellationReasons ?? []).some(
      (reason) => reason.Code === 'ConditionalCheckFailed' || reason.Code === 'TransactionConflict',
    )
  );
};

export class TeamSettingsRepository implements TeamSettingsStore {
  readonly #client: DocumentClient;
  readonly #table: string;
  readonly #retry: RetryPolicy;

  constructor(client: DocumentClient, tableName: string, retry: RetryPolicy = DEFAULT_RETRY_POLICY) {
    this.#client = client;
    this.#table = tableName;
    this.#retry = retry;
  }

  async byChannel(channelId: string): Promise<TeamSettings | undefined> {
    const { GetCommand } = await documentCommands();
    const result = await withRetries(
      (options) =>
        this.#client.send(
          new GetCommand({ TableName: this.#table, Key: channelMappingKey(channelId) }),
          options,
        ),
      this.#retry,
    );
    return settingsOf(result.Item);
  }

  async byTeam(team: string): Promise<TeamSettings | undefined> {
    const { GetCommand } = await documentCommands();
    const result = await withRetries(
      (options) =>
        this.#client.send(new GetCommand({ TableName: this.#table, Key: teamSettingsKey(team) }), options),
      this.#retry,
    );
    return settingsOf(result.Item);
  }

  async byChannels(channelIds: readonly string[]): Promise<readonly TeamSettings[]> {
    const { BatchGetCommand } = await documentCommands();
    const found: TeamSettings[] = [];
    for (let start = 0; start < channelIds.length; start += 100) {
      let keys: Record<string, unknown>[] | undefined = channelIds
        .slice(start, start + 100)
        .map((id) => channelMappingKey(id));
      for (let round = 0; keys && keys.length > 0 && round < 5; round += 1) {
        const request: Record<string, { Keys: Record<string, unknown>[] }> = {
          [this.#table]: { Keys: keys },
        };
        const result = await withRetries(
          (options) => this.#client.send(new BatchGetCommand({ RequestItems: request }), options),
          this.#retry,
        );
        for (const item of result.Responses?.[this.#table] ?? []) {
          const settings = settingsOf(item);
          if (settings) found.push(settings);
        }
        keys = result.UnprocessedKeys?.[this.#table]?.Keys;
      }
    }
    return found;
  }

  async withHandoffTimes(): Promise<readonly TeamSettings[]> {
    const { QueryCommand } = await documentCommands();
    const found: TeamSettings[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const exclusiveStartKey = startKey;
      const page = await withRetries(
        (options) =>
          this.#client.send(
            new QueryCommand({
              TableName: this.#table,
              IndexName: 'GSI2',
              KeyConditionExpression: 'GSI2PK = :pk',
              ExpressionAttributeValues: { ':pk': HANDOFF_SCHEDULE_PK },
              ...(exclusiveStartKey ? { ExclusiveStartKey: exclusiveStartKey } : {}),
            }),
            options,
          ),
        this.#retry,
      );
      for (const item of page.Items ?? []) {
        const settings = settingsOf(item);
        if (settings) found.push(settings);
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return found;
  }

  async save(next: TeamSettings, previous: TeamSettings | undefined): Promise<boolean> {
    const { TransactWriteCommand } = await documentCommands();
    const versionCondition = previous
      ? {
          ConditionExpression: '#version = :expected',
          ExpressionAttributeValues: { ':expected': previous.version },
        }
      : { ConditionExpression: 'attribute_not_exists(PK)' };
    const items: NonNullable<TransactWriteCommandInput['TransactItems']> = [
      {
        Put: {
          TableName: this.#table,
          Item: { ...teamSettingsKey(next.team), kind: 'TEAM_SETTINGS', ...next, ...scheduleKeys(next) },
          ...versionCondition,
          ...(previous ? { ExpressionAttributeNames: { '#version': 'version' } } : {}),
        },
      },
      {
        // The channel is free or already this team's (the service refuses another team's channel).
        Put: {
          TableName: this.#table,
          Item: { ...channelMappingKey(next.channelId), kind: 'SLACK_CHANNEL', ...next },
          ConditionExpression: 'attribute_not_exists(PK) OR #team = :team',
          ExpressionAttributeNames: { '#team': 'team' },
          ExpressionAttributeValues: { ':team': next.team },
        },
      },
    ];
    if (previous && previous.channelId !== next.channelId) {
      items.push({
        Delete: {
          TableName: this.#table,
          Key: channelMappingKey(previous.channelId),
          ConditionExpression: 'attribute_not_exists(PK) OR #team = :team',
          ExpressionAttributeNames: { '#team': 'team' },
          ExpressionAttributeValues: { ':team': next.team },
        },
      });
    }
    try {
      await withRetries(
        (options) => this.#client.send(new TransactWriteCommand({ TransactItems: items }), options),
        this.#retry,
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }
}
