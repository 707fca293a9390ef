import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { episodesTable } from '../../functions/episodes/table-definition.ts';
import {
  createReplayGuard,
  REPLAY_CLAIM_SECONDS,
  replayItemKey,
  type ReplayGuard,
} from '../../functions/slack/replay-guard.ts';
import { slackSignature } from '../../slack-bot/signing.ts';
import { createTestTable, type TestTable } from '../support/dynamodb.ts';

let table: TestTable;
let documents: DynamoDBDocumentClient;
let guard: ReplayGuard;
beforeAll(async () => {
  table = await createTestTable('replay');
  documents = DynamoDBDocumentClient.from(table.client);
  guard = createReplayGuard(documents, table.tableName);
});
afterAll(async () => table.drop());

const NOW = Math.floor(Date.now() / 1000);
const signatureOf = (body: string, timestamp = NOW) => slackSignature('replay-secret', timestamp, body);

describe('Slack replay guard on DynamoDB Local', () => {
  it('claims a signature once: the same signed request again is a replay', async () => {
    const signature = signatureOf('command=/cart&text=vitals EP-1 t=39');
    expect(await guard.claim(signature, NOW)).toBe(true);
    expect(await guard.claim(signature, NOW)).toBe(false);
    expect(await guard.claim(signature, NOW)).toBe(false);
  });

  it('lets a re-signed request through (a new timestamp is a new signature, as Slack retries are)', async () => {
    const body = 'command=/cart&text=status EP-1';
    expect(await guard.claim(signatureOf(body, NOW), NOW)).toBe(true);
    expect(await guard.claim(signatureOf(body, NOW + 1), NOW + 1)).toBe(true);
  });

  it('under 20 simultaneous copies of one request, exactly one claim wins', async () => {
    const signature = signatureOf('payload={"type":"block_actions"}');
    const claims = await Promise.all(Array.from({ length: 20 }, () => guard.claim(signature, NOW)));
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it('keeps the claim outside every episode, expiring by the table TTL after the window has closed', async () => {
    const signature = signatureOf('command=/cart&text=list');
    await guard.claim(signature, NOW);
    const { Item } = await documents.send(
      new GetCommand({ TableName: table.tableName, Key: replayItemKey(signature) }),
    );
    expect(String(Item?.PK)).toMatch(/^SLACKSIG#[A-Za-z0-9_-]{43}$/);
    expect(String(Item?.PK)).not.toContain(signature.slice(3));
    expect(Item?.[episodesTable.timeToLiveAttribute]).toBe(NOW + REPLAY_CLAIM_SECONDS);
    expect(REPLAY_CLAIM_SECONDS).toBe(600);
  });

  it('reports a store failure instead of letting the request through unguarded', async () => {
    const missing = createReplayGuard(documents, `${table.tableName}-missing`);
    await expect(missing.claim(signatureOf('x'), NOW)).rejects.toThrow();
  });
});
