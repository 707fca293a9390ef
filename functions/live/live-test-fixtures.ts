import { monotonicFactory } from 'ulid';
import type { DynamoDBRecord } from 'aws-lambda';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { AlertRecord, EpisodeHead, GradingRecord } from '#episodes';
import type { EpisodeRepository } from '../episodes/repository.ts';
import { EpisodeService } from '../episodes/service.ts';
import type { Claims } from '../graphql/claims.ts';
import type { ConnectionPoster, LiveConnection, LiveStore, LiveSubscription } from './live-store.ts';

/**
 * Test doubles for the live-updates unit tests: the real episode service (its own authorisation)
 * over a repository that holds episode heads in memory, an in-memory live store with the table's
 * semantics, and a poster that records what it sends.
 */
export const TEAM = 'hem-a';
export const OTHER_TEAM = 'hem-b';

export const head = (id: string, team: string): EpisodeHead =>
  ({ PK: `EP#${id}`, SK: 'META', kind: 'EPISODE', id, team, status: 'ACTIVE' }) as unknown as EpisodeHead;

export const serviceWithHeads = (heads: readonly EpisodeHead[]): EpisodeService =>
  new EpisodeService({
    repository: {
      loadHead: (id: string) => Promise.resolve(heads.find((h) => h.id === id)),
    } as unknown as EpisodeRepository,
    clock: () => new Date('2026-03-03T02:00:00.000Z'),
    newId: monotonicFactory(),
  });

export const claimsFor = (teams: readonly string[], sub = 'u-1', role = 'clinician'): Claims => ({
  sub,
  'cognito:groups': `[role:${role} ${teams.map((t) => `team:${t}`).join(' ')}]`,
});

export class MemoryLiveStore implements LiveStore {
  readonly connections = new Map<string, LiveConnection>();
  readonly subscriptions = new Map<string, LiveSubscription>();
  readonly notices = new Set<string>();

  putConnection(connection: LiveConnection): Promise<void> {
    this.connections.set(connection.connectionId, connection);
    return Promise.resolve();
  }
  getConnection(connectionId: string): Promise<LiveConnection | undefined> {
    return Promise.resolve(this.connections.get(connectionId));
  }
  acknowledge(connectionId: string): Promise<boolean> {
    const found = this.connections.get(connectionId);
    if (!found || found.acknowledged) return Promise.resolve(false);
    this.connections.set(connectionId, { ...found, acknowledged: true });
    return Promise.resolve(true);
  }
  putSubscription(subscription: LiveSubscription): Promise<boolean> {
    const key = `${subscription.connectionId}/${subscription.id}`;
    if (this.subscriptions.has(key)) return Promise.resolve(false);
    this.subscriptions.set(key, subscription);
    return Promise.resolve(true);
  }
  deleteSubscription(connectionId: string, id: string): Promise<void> {
    this.subscriptions.delete(`${connectionId}/${id}`);
    return Promise.resolve();
  }
  deleteConnection(connectionId: string): Promise<void> {
    this.connections.delete(connectionId);
    for (const key of [...this.subscriptions.keys()])
      if (key.startsWith(`${connectionId}/`)) this.subscriptions.delete(key);
    return Promise.resolve();
  }
  subscribersOf(topic: string): Promise<LiveSubscription[]> {
    return Promise.resolve([...this.subscriptions.values()].filter((s) => s.topic === topic));
  }
  firstNotice(key: string): Promise<boolean> {
    if (this.notices.has(key)) return Promise.resolve(false);
    this.notices.add(key);
    return Promise.resolve(true);
  }
}

export type Sent = { readonly connectionId: string; readonly message: Record<string, unknown> };

export const recordingPoster = (gone: ReadonlySet<string> = new Set()) => {
  const sent: Sent[] = [];
  const closed: { connectionId: string; reason: string }[] = [];
  const poster: ConnectionPoster = {
    post: (connectionId, message) => {
      if (gone.has(connectionId)) return Promise.resolve('gone');
      sent.push({ connectionId, message: message });
      return Promise.resolve('sent');
    },
    close: (connectionId, reason) => {
      closed.push({ connectionId, reason });
      return Promise.resolve();
    },
  };
  return { poster, sent, closed };
};

const AUTHOR = { userId: 'cognito:u-1', role: 'nurse', via: 'graphql' } as const;

export const grading = (episodeId: string, id: string): GradingRecord =>
  ({
    PK: `EP#${episodeId}`,
    SK: `GRADE#2026-03-03T02:00:00.000Z#${id}`,
    kind: 'GRADING',
    id,
    episodeId,
    recordedAt: '2026-03-03T02:00:00.000Z',
    recordedBy: AUTHOR,
    domain: 'CRS',
    basedOn: 'OBS-1',
    grade: 3,
    status: 'GRADED',
    needs: [],
    drivers: [],
    recommendations: [],
    notes: [],
    citations: [],
    ruleset: 'cn-mm-cart-2022@1',
    inputs: {},
  }) as unknown as GradingRecord;

export const alert = (
  episodeId: string,
  id: string,
  team: string,
  extra: Record<string, unknown> = {},
): AlertRecord =>
  ({
    PK: `EP#${episodeId}`,
    SK: `ALERT#2026-03-03T02:00:00.000Z#${id}`,
    kind: 'ALERT',
    id,
    episodeId,
    recordedAt: '2026-03-03T02:00:00.000Z',
    recordedBy: AUTHOR,
    escalationId: 'ESC-CRS3',
    level: 'CRITICAL',
    text: { zh: '3级CRS', en: 'CRS grade 3' },
    sourceRuleIds: ['CRS-GRADE'],
    citations: [],
    raisedAt: '2026-03-03T02:00:00.000Z',
    basedOn: 'G-1',
    team,
    delivery: { status: 'PENDING', attempts: 0 },
    ...extra,
  }) as unknown as AlertRecord;

/** A stream record (new image) as Lambda receives it. */
export const streamRecord = (
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE',
  item: object,
  sequence = '1',
): DynamoDBRecord =>
  ({
    eventName,
    dynamodb: {
      SequenceNumber: sequence,
      Keys: marshall({ PK: (item as { PK: string }).PK, SK: (item as { SK: string }).SK }),
      NewImage: marshall(item, { removeUndefinedValues: true }),
    },
  }) as DynamoDBRecord;
