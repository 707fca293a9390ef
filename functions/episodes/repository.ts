import { randomUUID } from 'node:crypto';
import type {
  BatchGetCommandOutput,
  QueryCommandInput,
  QueryCommandOutput,
  TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { documentCommands, type DocumentClient } from './dynamodb-client.ts';
import {
  EPISODE_COUNTER_KEY,
  HEAD_SK,
  episodePk,
  idempotencyItemKey,
  recordLookupSk,
  sortKeyRange,
} from './keys.ts';
import type {
  AlertDelivery,
  AlertRecord,
  Author,
  EpisodeHead,
  EpisodeRecord,
  IdempotencyRecord,
  RecordLookup,
  StoredItem,
  TimelineSnapshot,
  Tombstone,
} from './records.ts';
import { StoreUnavailableError } from './errors.ts';
import { DEFAULT_RETRY_POLICY, withRetries, type RetryPolicy } from './retry.ts';
import { HANDOFF_HEAD_ATTRIBUTES, type HandoffHead } from './handoff-head.ts';

/** Everything stored for one episode, from one Query of its partition. */
export type EpisodePartition = {
  readonly head: EpisodeHead;
  /** Every record, oldest first within each kind (or, read as a window, the newest of each). */
  readonly records: readonly EpisodeRecord[];
  /** Read as a window: the record families with older items than it holds. */
  readonly truncated?: readonly RecordFamily[];
};

/** The four families of records, by sort key prefix: what a window reads the newest N of. */
export type RecordFamily = 'OBS' | 'DOSE' | 'GRADE' | 'ALERT';
const RECORD_FAMILIES: readonly RecordFamily[] = ['OBS', 'DOSE', 'GRADE', 'ALERT'];

/** Clinical items of one kind's range, in time order: records and the tombstones of superseded ones. */
export type ClinicalRange = {
  readonly records: readonly EpisodeRecord[];
  readonly superseded: ReadonlySet<string>;
};

const RECORD_KINDS: ReadonlySet<string> = new Set([
  'VITALS',
  'NEURO',
  'LAB',
  'DOSE',
  'DEATH',
  'GRADING',
  'ALERT',
]);

/** Whether a stored item is a clinical record, a grading or an alert (not a head, lookup, tombstone, …). */
export const isEpisodeRecord = (item: { readonly kind: string }): item is EpisodeRecord =>
  RECORD_KINDS.has(item.kind);

/** BatchGetItem reads at most this many keys per request. */
const BATCH_GET_LIMIT = 100;

/** A Query's `:low` and `:high` for the sort keys that start with `prefix` (keys.ts sortKeyRange). */
const rangeValues = (prefix: string): { readonly ':low': string; readonly ':high': string } => {
  const { low, high } = sortKeyRange(prefix);
  return { ':low': low, ':high': high };
};
/** Rounds of unprocessed keys asked again before the read is given up (the store is overloaded). */
const BATCH_GET_ROUNDS = 5;

/** One recording: new records and the new head, written together or not at all. */
export type EpisodeWrite = {
  readonly head: EpisodeHead;
  readonly expectedVersion: number;
  readonly records: readonly EpisodeRecord[];
  /** Lookups, tombstones and snapshots written with the records. */
  readonly extra?: readonly (RecordLookup | Tombstone | TimelineSnapshot)[];
  readonly idempotency?: IdempotencyRecord | undefined;
  readonly acknowledge?:
    { readonly alert: AlertRecord; readonly at: string; readonly by: Author } | undefined;
  /** EPI-6: alerts raised again in the same CRS episode (updated, not duplicated). */
  readonly alertRepeats?: readonly AlertRepeat[] | undefined;
};

export type AlertRepeat = {
  readonly alert: AlertRecord;
  readonly at: string;
  readonly basedOn: string;
  readonly text: AlertRecord['text'];
};

/** One write of a group commit: its items, without the head (the group writes the head once). */
export type MemberWrite = Omit<EpisodeWrite, 'head' | 'expectedVersion' | 'acknowledge'>;

/**
 * Writes queued for one episode, committed together: every member's items and one head (the state
 * after the last member), guarded by the version the first member started from.
 */
export type GroupWrite = {
  readonly head: EpisodeHead;
  readonly expectedVersion: number;
  readonly members: readonly MemberWrite[];
};

/**
 * A group commit refused: the head moved on, or members' own conditions failed (their idempotency
 * keys were used). `headMoved` says whether the head's version check failed (then the group starts
 * again from a fresh head).
 */
export class GroupWriteRefusedError extends Error {
  /** The members refused for their own condition (their idempotency keys were used), by index. */
  readonly members: readonly number[];
  readonly headMoved: boolean;
  constructor(members: readonly number[], headMoved: boolean) {
    super(members.length === 0 ? 'VERSION_CONFLICT' : 'IDEMPOTENT_REPLAY');
    this.name = 'GroupWriteRefusedError';
    this.members = members;
    this.headMoved = headMoved;
  }
}

/** Why a write was refused: the head moved on, the idempotency key was used, or the alert was already acknowledged. */
export type WriteRefusal = 'VERSION_CONFLICT' | 'IDEMPOTENT_REPLAY' | 'ALREADY_ACKNOWLEDGED';
export class WriteRefusedError extends Error {
  readonly reason: WriteRefusal;
  constructor(reason: WriteRefusal) {
    super(reason);
    this.name = 'WriteRefusedError';
    this.reason = reason;
  }
}

/**
 * A page of a team's episodes: each with its cursor, and the cursor of the next page (null when
 * this is the last).
 */
export type TeamPage = {
  readonly heads: readonly EpisodeHead[];
  readonly cursors: readonly string[];
  readonly cursor: string | null;
};

const cancellationCodes = (error: unknown): readonly (string | undefined)[] | undefined => {
  if (
    typeof error !== 'object' ||
    error === null ||
    (error as { name?: string }).name !== 'TransactionCanceledException'
  )
    return undefined;
  return ((error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? []).map(
    (reason) => reason.Code,
  );
};

/**
 * DynamoDB access for episodes: reads are one Query per episode (all pages), writes one
 * TransactWriteItems guarded by the head's version, with the idempotency record in the same
 * transaction so a replay writes nothing. Transient failures are retried (retry.ts).
 */
export class EpisodeRepository {
  readonly #client: DocumentClient;
  readonly #table: string;
  readonly #retry: RetryPolicy;

  constructor(client: DocumentClient, tableName: string, retry: RetryPolicy = DEFAULT_RETRY_POLICY) {
    this.#client = client;
    this.#table = tableName;
    this.#retry = retry;
  }

  /** The episode's partition, or undefined when there is no such episode. */
  async loadEpisode(episodeId: string): Promise<EpisodePartition | undefined> {
    const items = await this.#queryPages({
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': episodePk(episodeId) },
      ConsistentRead: true,
    });
    const head = items.find((item): item is EpisodeHead => item.SK === HEAD_SK);
    if (!head) return undefined;
    return {
      head,
      records: items.filter(isEpisodeRecord),
    };
  }

  /**
   * The head and the newest `perKind` records of each kind (observations, doses, gradings, alerts):
   * 1 GetItem and 4 Queries with a Limit, whatever the length of the course.
   */
  async loadRecent(
    episodeId: string,
    perKind: number,
    knownHead?: EpisodeHead,
  ): Promise<EpisodePartition | undefined> {
    const pk = episodePk(episodeId);
    const [head, ...pages] = await Promise.all([
      knownHead ?? this.loadHead(episodeId),
      ...RECORD_FAMILIES.map((family) =>
        this.#queryPages(
          {
            KeyConditionExpression: 'PK = :pk AND SK BETWEEN :low AND :high',
            ExpressionAttributeValues: { ':pk': pk, ...rangeValues(`${family}#`) },
            ScanIndexForward: false,
            ConsistentRead: true,
          },
          { limit: perKind, pageSize: perKind },
        ),
      ),
    ]);
    if (!head) return undefined;
    return {
      head,
      records: pages.flat().reverse().filter(isEpisodeRecord),
      truncated: RECORD_FAMILIES.filter((_family, i) => (pages[i]?.length ?? 0) >= perKind),
    };
  }

  /** The episode's head alone (1 GetItem): what every write starts from. */
  async loadHead(episodeId: string): Promise<EpisodeHead | undefined> {
    return (await this.#get({ PK: episodePk(episodeId), SK: HEAD_SK })) as EpisodeHead | undefined;
  }

  /** One clinical record by its id (its lookup, then the record: 2 GetItems). */
  async loadRecord(episodeId: string, recordId: string): Promise<EpisodeRecord | undefined> {
    const lookup = (await this.#get({ PK: episodePk(episodeId), SK: recordLookupSk(recordId) })) as
      RecordLookup | undefined;
    if (!lookup) return undefined;
    return (await this.#get({ PK: episodePk(episodeId), SK: lookup.recordSk })) as EpisodeRecord | undefined;
  }

  /** One record, grading or alert by its key (1 GetItem); undefined for any other item. */
  async loadRecordAt(episodeId: string, sk: string): Promise<EpisodeRecord | undefined> {
    const item = await this.#get({ PK: episodePk(episodeId), SK: sk });
    return item !== undefined && isEpisodeRecord(item) ? item : undefined;
  }

  /** One item by its key (an alert the head points at). */
  async loadItem(key: { readonly PK: string; readonly SK: string }): Promise<StoredItem | undefined> {
    return this.#get(key);
  }

  /**
   * Items of one episode by their sort keys, as stored now (strongly consistent; one BatchGetItem
   * per 100 keys, unprocessed keys asked again), by sort key; a key with no item is absent.
   */
  async loadItemsAt(episodeId: string, sortKeys: readonly string[]): Promise<Map<string, StoredItem>> {
    const { BatchGetCommand } = await documentCommands();
    const found = new Map<string, StoredItem>();
    const unique = [...new Set(sortKeys)];
    for (let start = 0; start < unique.length; start += BATCH_GET_LIMIT) {
      let keys: Record<string, unknown>[] | undefined = unique
        .slice(start, start + BATCH_GET_LIMIT)
        .map((SK) => ({ PK: episodePk(episodeId), SK }));
      for (let round = 0; keys && keys.length > 0; round += 1) {
        if (round >= BATCH_GET_ROUNDS) throw new StoreUnavailableError(undefined, { outcome: 'NOT_WRITTEN' });
        const request: Record<string, { Keys: Record<string, unknown>[]; ConsistentRead: boolean }> = {
          [this.#table]: { Keys: keys, ConsistentRead: true },
        };
        const result: BatchGetCommandOutput = await withRetries(
          (options) => this.#client.send(new BatchGetCommand({ RequestItems: request }), options),
          this.#retry,
        );
        for (const item of (result.Responses?.[this.#table] ?? []) as StoredItem[]) found.set(item.SK, item);
        keys = result.UnprocessedKeys?.[this.#table]?.Keys;
      }
    }
    return found;
  }

  /** The result stored under an idempotency key, if any and not expired (1 GetItem). */
  async findIdempotent(
    userId: string,
    key: string,
    nowEpochSeconds: number,
  ): Promise<IdempotencyRecord | undefined> {
    const record = (await this.#get(idempotencyItemKey(userId, key))) as IdempotencyRecord | undefined;
    return record && record.expiresAt > nowEpochSeconds ? record : undefined;
  }

  /**
   * The episode's vital signs, neuro, lab, dose and death records clinically at or after `fromIso`
   * (two range Queries, OBS# and DOSE#), with the tombstones that mark superseded ones.
   */
  async clinicalSince(episodeId: string, fromIso: string): Promise<ClinicalRange> {
    const from = new Date(fromIso).toISOString();
    const ranges = await Promise.all(
      ['OBS', 'DOSE'].map((prefix) =>
        this.#queryPages({
          KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
          ExpressionAttributeValues: {
            ':pk': episodePk(episodeId),
            ':from': `${prefix}#${from}`,
            ':to': sortKeyRange(`${prefix}#`).high,
          },
          ConsistentRead: true,
        }),
      ),
    );
    const items = ranges.flat();
    return {
      records: items.filter(isEpisodeRecord),
      superseded: new Set(
        items.filter((item): item is Tombstone => item.kind === 'SUPERSEDED').map((t) => t.corrects),
      ),
    };
  }

  /**
   * The episode's items with sort keys from `low` to `high` (one range Query, all pages),
   * optionally projected: a bounded read of one family over a window of time (keys.ts).
   */
  async loadRange(
    episodeId: string,
    low: string,
    high: string,
    projection: Pick<QueryCommandInput, 'ProjectionExpression' | 'ExpressionAttributeNames'> = {},
  ): Promise<StoredItem[]> {
    return this.#queryPages({
      KeyConditionExpression: 'PK = :pk AND SK BETWEEN :low AND :high',
      ExpressionAttributeValues: { ':pk': episodePk(episodeId), ':low': low, ':high': high },
      ...projection,
    });
  }

  /**
   * The newest `limit` items of one episode with sort keys between `low` and `high` (one Query,
   * newest first, one page): bounded, whatever the length of the course.
   */
  async loadNewest(
    episodeId: string,
    low: string,
    high: string,
    limit: number,
    projection: Pick<QueryCommandInput, 'ProjectionExpression' | 'ExpressionAttributeNames'> = {},
  ): Promise<StoredItem[]> {
    const page = await this.#newestPage(episodeId, low, high, limit, projection);
    return (page.Items ?? []) as StoredItem[];
  }

  /** One page of sort keys between `low` and `high`, newest first (strongly consistent). */
  async #newestPage(
    episodeId: string,
    low: string,
    high: string,
    limit: number,
    more: Pick<QueryCommandInput, 'ProjectionExpression' | 'ExpressionAttributeNames' | 'ExclusiveStartKey'>,
  ): Promise<QueryCommandOutput> {
    const { QueryCommand } = await documentCommands();
    return withRetries(
      (options) =>
        this.#client.send(
          new QueryCommand({
            TableName: this.#table,
            KeyConditionExpression: 'PK = :pk AND SK BETWEEN :low AND :high',
            ExpressionAttributeValues: { ':pk': episodePk(episodeId), ':low': low, ':high': high },
            ScanIndexForward: false,
            ConsistentRead: true,
            Limit: Math.max(1, limit),
            ...more,
          }),
          options,
        ),
      this.#retry,
    );
  }

  /**
   * The latest valid timeline snapshot taken before `beforeIso` (a re-fold starts from it), or
   * undefined to start from the beginning. A snapshot at or after a later re-fold's start is stale.
   */
  async snapshotBefore(
    episodeId: string,
    beforeIso: string,
    refolds: readonly { readonly from: string; readonly version: number }[],
  ): Promise<TimelineSnapshot | undefined> {
    const before = new Date(beforeIso).toISOString();
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.#newestPage(
        episodeId,
        'SNAP#',
        `SNAP#${before}`,
        8,
        startKey ? { ExclusiveStartKey: startKey } : {},
      );
      for (const item of (page.Items ?? []) as TimelineSnapshot[]) {
        const at = item.SK.split('#')[1] ?? '';
        if (at >= before) continue;
        const stale = refolds.some(
          (r) => new Date(r.from).toISOString() <= at && r.version > item.headVersion,
        );
        if (!stale) return item;
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return undefined;
  }

  async #get(key: { readonly PK: string; readonly SK: string }): Promise<StoredItem | undefined> {
    const { GetCommand } = await documentCommands();
    const result = await withRetries(
      (options) =>
        this.#client.send(
          new GetCommand({ TableName: this.#table, Key: key, ConsistentRead: true }),
          options,
        ),
      this.#retry,
    );
    return result.Item as StoredItem | undefined;
  }

  /** Writes a recording atomically, or throws WriteRefusedError / StoreUnavailableError. */
  async commit(write: EpisodeWrite): Promise<void> {
    const items: NonNullable<TransactWriteCommandInput['TransactItems']> = [
      {
        Put: {
          TableName: this.#table,
          Item: write.head,
          ConditionExpression: '#version = :expected',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':expected': write.expectedVersion },
        },
      },
      ...write.records.map((record) => ({
        Put: { TableName: this.#table, Item: record, ConditionExpression: 'attribute_not_exists(PK)' },
      })),
    ];
    if (write.idempotency) items.push(this.#idempotencyPut(write.idempotency));
    for (const item of write.extra ?? [])
      items.push({
        Put: { TableName: this.#table, Item: item, ConditionExpression: 'attribute_not_exists(PK)' },
      });
    if (write.acknowledge) {
      items.push({
        Update: {
          TableName: this.#table,
          Key: { PK: write.acknowledge.alert.PK, SK: write.acknowledge.alert.SK },
          // The alert keeps its place in the ALERT#OPEN queue: delivery takes it out once the
          // acknowledgement is shown in Slack, so an alert acknowledged before it was ever posted
          // (Slack down, no channel yet) is still posted by the sweeper. No alert is lost.
          UpdateExpression: 'SET acknowledgedAt = :at, acknowledgedBy = :by',
          ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(acknowledgedAt)',
          ExpressionAttributeValues: { ':at': write.acknowledge.at, ':by': write.acknowledge.by },
        },
      });
    }
    const refusals: Record<number, WriteRefusal> = { 0: 'VERSION_CONFLICT' };
    if (write.idempotency) refusals[1 + write.records.length] = 'IDEMPOTENT_REPLAY';
    if (write.acknowledge) refusals[items.length - 1] = 'ALREADY_ACKNOWLEDGED';
    for (const repeat of write.alertRepeats ?? []) items.push(this.#repeatUpdate(repeat, 1));
    await this.#transact(items, refusals);
  }

  /** EPI-6: an alert raised again `count` times (its occurrences counted, its last raise kept). */
  #repeatUpdate(repeat: AlertRepeat, count: number) {
    return {
      Update: {
        TableName: this.#table,
        Key: { PK: repeat.alert.PK, SK: repeat.alert.SK },
        UpdateExpression:
          'SET occurrences = if_not_exists(occurrences, :one) + :count, lastRaisedAt = :at, lastBasedOn = :basedOn, #text = :text',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: { '#text': 'text' },
        ExpressionAttributeValues: {
          ':one': 1,
          ':count': count,
          ':at': repeat.at,
          ':basedOn': repeat.basedOn,
          ':text': repeat.text,
        },
      },
    };
  }

  /**
   * Writes a group of recordings atomically (one TransactWriteItems, at most 100 items): one head
   * put guarded by `expectedVersion`, then each member's records, idempotency record and extra
   * items in order. An alert raised again by a later member of the group (EPI-6) is updated in the
   * group's own put of it, or, raised before the group, once with every repeat counted: a
   * transaction touches each item once. Throws GroupWriteRefusedError or StoreUnavailableError.
   */
  async commitGroup(group: GroupWrite): Promise<void> {
    const items: NonNullable<TransactWriteCommandInput['TransactItems']> = [
      {
        Put: {
          TableName: this.#table,
          Item: group.head,
          ConditionExpression: '#version = :expected',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':expected': group.expectedVersion },
        },
      },
    ];
    const owners: (number | undefined)[] = [undefined];
    const alertPuts = new Map<string, { Put: { Item: Record<string, unknown> } }>();
    const repeats = new Map<string, { repeat: AlertRepeat; count: number }>();
    group.members.forEach((member, index) => {
      for (const record of member.records) {
        const put = {
          Put: {
            TableName: this.#table,
            Item: { ...record } as Record<string, unknown>,
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        };
        if (record.kind === 'ALERT') alertPuts.set(`${record.PK}|${record.SK}`, put);
        items.push(put);
        owners.push(undefined);
      }
      if (member.idempotency) {
        items.push(this.#idempotencyPut(member.idempotency));
        owners.push(index);
      }
      for (const item of member.extra ?? []) {
        items.push({
          Put: { TableName: this.#table, Item: item, ConditionExpression: 'attribute_not_exists(PK)' },
        });
        owners.push(undefined);
      }
      for (const repeat of member.alertRepeats ?? []) {
        const key = `${repeat.alert.PK}|${repeat.alert.SK}`;
        const put = alertPuts.get(key);
        if (put) {
          const alert = put.Put.Item;
          put.Put.Item = {
            ...alert,
            occurrences: (typeof alert.occurrences === 'number' ? alert.occurrences : 1) + 1,
            lastRaisedAt: repeat.at,
            lastBasedOn: repeat.basedOn,
            text: repeat.text,
          };
        } else repeats.set(key, { repeat, count: (repeats.get(key)?.count ?? 0) + 1 });
      }
    });
    for (const { repeat, count } of repeats.values()) {
      items.push(this.#repeatUpdate(repeat, count));
      owners.push(undefined);
    }
    try {
      await this.#send(items);
    } catch (error) {
      const codes = cancellationCodes(error);
      if (codes?.includes('TransactionConflict')) throw new GroupWriteRefusedError([], true);
      if (!codes?.includes('ConditionalCheckFailed')) throw error;
      const headMoved = codes[0] === 'ConditionalCheckFailed';
      const members = [
        ...new Set(
          codes.flatMap((code, index) => {
            const owner = owners[index];
            return code === 'ConditionalCheckFailed' && owner !== undefined ? [owner] : [];
          }),
        ),
      ];
      if (members.length === 0 && !headMoved) throw error;
      throw new GroupWriteRefusedError(members, headMoved);
    }
  }

  /** Writes a new episode: its head, the records its plan led to, and its creation idempotency record. */
  async createEpisode(
    head: EpisodeHead,
    records: readonly EpisodeRecord[],
    creation: IdempotencyRecord | undefined,
  ): Promise<void> {
    const items: NonNullable<TransactWriteCommandInput['TransactItems']> = [
      { Put: { TableName: this.#table, Item: head, ConditionExpression: 'attribute_not_exists(PK)' } },
      ...records.map((record) => ({
        Put: { TableName: this.#table, Item: record, ConditionExpression: 'attribute_not_exists(PK)' },
      })),
    ];
    const refusals: Record<number, WriteRefusal> = { 0: 'VERSION_CONFLICT' };
    if (creation) {
      refusals[items.length] = 'IDEMPOTENT_REPLAY';
      items.push(this.#idempotencyPut(creation));
    }
    await this.#transact(items, refusals);
  }

  /** A new idempotency record; an expired one (TTL deletes lazily) may be replaced. */
  #idempotencyPut(record: IdempotencyRecord) {
    return {
      Put: {
        TableName: this.#table,
        Item: record,
        ConditionExpression: 'attribute_not_exists(PK) OR expiresAt <= :now',
        ExpressionAttributeValues: { ':now': Math.floor(Date.parse(record.createdAt) / 1000) },
      },
    };
  }

  async #transact(
    items: NonNullable<TransactWriteCommandInput['TransactItems']>,
    refusals: Readonly<Record<number, WriteRefusal>>,
  ): Promise<void> {
    try {
      await this.#send(items);
    } catch (error) {
      const codes = cancellationCodes(error);
      // Every transaction here writes the head: a concurrent transaction on it means the head moved on.
      if (codes?.includes('TransactionConflict')) throw new WriteRefusedError('VERSION_CONFLICT');
      const failed = codes?.findIndex((code) => code === 'ConditionalCheckFailed') ?? -1;
      const refusal = refusals[failed];
      if (refusal) {
        // Report the most specific reason: a replay or an acknowledged alert beats a moved head.
        const specific = codes
          ?.map((code, index) => (code === 'ConditionalCheckFailed' ? refusals[index] : undefined))
          .find((reason) => reason && reason !== 'VERSION_CONFLICT');
        throw new WriteRefusedError(specific ?? refusal);
      }
      throw error;
    }
  }

  /** One TransactWriteItems, retried when transient with one token: a retry cannot apply it twice. */
  async #send(items: NonNullable<TransactWriteCommandInput['TransactItems']>): Promise<void> {
    const token = randomUUID();
    const { TransactWriteCommand } = await documentCommands();
    await withRetries(
      (options) =>
        this.#client.send(
          new TransactWriteCommand({ TransactItems: items, ClientRequestToken: token }),
          options,
        ),
      this.#retry,
      true,
    );
  }

  /** The next episode number (EP-<n>): an atomic counter; a failed creation leaves a gap, never a duplicate. */
  async nextEpisodeNumber(): Promise<number> {
    const { UpdateCommand } = await documentCommands();
    const result = await withRetries(
      (options) =>
        this.#client.send(
          new UpdateCommand({
            TableName: this.#table,
            Key: EPISODE_COUNTER_KEY,
            UpdateExpression: 'ADD #n :one',
            ExpressionAttributeNames: { '#n': 'n' },
            ExpressionAttributeValues: { ':one': 1 },
            ReturnValues: 'UPDATED_NEW',
          }),
          options,
        ),
      this.#retry,
    );
    return Number((result.Attributes as { n?: number } | undefined)?.n);
  }

  /**
   * A team's episodes with a status, newest course first, from `startKey` on: one Query on the team
   * index (one item more than the page, so `more` is exact).
   */
  async listTeamEpisodes(
    team: string,
    status: string,
    limit: number,
    startKey: Record<string, string> | undefined,
  ): Promise<{ readonly heads: readonly EpisodeHead[]; readonly more: boolean }> {
    const { QueryCommand } = await documentCommands();
    const result = await withRetries(
      (options) =>
        this.#client.send(
          new QueryCommand({
            TableName: this.#table,
            IndexName: 'GSI1',
            KeyConditionExpression: 'GSI1PK = :team AND GSI1SK BETWEEN :low AND :high',
            ExpressionAttributeValues: { ':team': `TEAM#${team}`, ...rangeValues(`${status}#`) },
            ScanIndexForward: false,
            Limit: limit + 1,
            ExclusiveStartKey: startKey,
          }),
          options,
        ),
      this.#retry,
    );
    const items = (result.Items ?? []) as EpisodeHead[];
    return { heads: items.slice(0, limit), more: items.length > limit };
  }

  /**
   * HANDOFF-1: every ACTIVE episode head of a team, for its shift handoff: one Query on the team
   * index, paged only past DynamoDB's 1 MB page, never one read per episode. Only the attributes the
   * handoff reads are returned (`HANDOFF_HEAD_ATTRIBUTES`); at most `limit` heads.
   */
  async listActiveHeadsForHandoff(team: string, limit: number): Promise<readonly HandoffHead[]> {
    const items = await this.#queryPages(
      {
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :team AND GSI1SK BETWEEN :low AND :high',
        ExpressionAttributeValues: { ':team': `TEAM#${team}`, ...rangeValues('ACTIVE#') },
        ProjectionExpression: HANDOFF_HEAD_ATTRIBUTES.map((_, i) => `#h${i}`).join(', '),
        ExpressionAttributeNames: Object.fromEntries(
          HANDOFF_HEAD_ATTRIBUTES.map((name, i) => [`#h${i}`, name]),
        ),
        ScanIndexForward: false,
      },
      { limit },
    );
    return items as unknown as HandoffHead[];
  }

  /** Delivery bookkeeping on an alert (operational metadata, not clinical data). */
  async recordAlertDelivery(
    alert: Pick<AlertRecord, 'PK' | 'SK'>,
    delivery: AlertDelivery,
    nextNotifyKeys?: { GSI2PK: string; GSI2SK: string },
  ): Promise<void> {
    const { UpdateCommand } = await documentCommands();
    await withRetries(
      (options) =>
        this.#client.send(
          new UpdateCommand({
            TableName: this.#table,
            Key: { PK: alert.PK, SK: alert.SK },
            UpdateExpression: nextNotifyKeys
              ? 'SET delivery = :d, GSI2PK = :g2pk, GSI2SK = :g2sk'
              : 'SET delivery = :d',
            ConditionExpression: 'attribute_exists(PK)',
            ExpressionAttributeValues: {
              ':d': delivery,
              ...(nextNotifyKeys ? { ':g2pk': nextNotifyKeys.GSI2PK, ':g2sk': nextNotifyKeys.GSI2SK } : {}),
            },
          }),
          options,
        ),
      this.#retry,
    );
  }

  /**
   * Items of a sweeper queue on GSI2 due at or before `until`, oldest first, every page up to
   * `limit` items: an item that stays due (a team without a channel) never hides newer ones.
   */
  async dueInQueue(
    queue: 'ALERT#OPEN' | 'WATCH#VITALS',
    until: string,
    limit = 1000,
    pageSize = 100,
  ): Promise<readonly StoredItem[]> {
    return this.#queryPages(
      {
        IndexName: 'GSI2',
        KeyConditionExpression: 'GSI2PK = :queue AND GSI2SK <= :until',
        ExpressionAttributeValues: { ':queue': queue, ':until': `${until}#~` },
      },
      { limit, pageSize },
    );
  }

  /** Every page of a Query (each page retried on its own), up to `limit` items. */
  async #queryPages(
    query: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey' | 'Limit'>,
    {
      limit = Number.POSITIVE_INFINITY,
      pageSize,
    }: { readonly limit?: number; readonly pageSize?: number } = {},
  ): Promise<StoredItem[]> {
    const items: StoredItem[] = [];
    const { QueryCommand } = await documentCommands();
    let startKey: Record<string, unknown> | undefined;
    do {
      const exclusiveStartKey = startKey;
      const pageLimit = Math.min(pageSize ?? Number.POSITIVE_INFINITY, limit - items.length);
      const page: QueryCommandOutput = await withRetries(
        (options) =>
          this.#client.send(
            new QueryCommand({
              ...query,
              TableName: this.#table,
              ...(Number.isFinite(pageLimit) ? { Limit: pageLimit } : {}),
              ...(exclusiveStartKey ? { ExclusiveStartKey: exclusiveStartKey } : {}),
            }),
            options,
          ),
        this.#retry,
      );
      items.push(...((page.Items ?? []) as StoredItem[]));
      startKey = page.LastEvaluatedKey;
    } while (startKey && items.length < limit);
    return items;
  }
}
