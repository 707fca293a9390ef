import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { alertFromStreamRecord } from '../../functions/alerts/stream-records.ts';
import { episodePk, HEAD_SK, recordSk } from '../../functions/episodes/keys.ts';
import { replayItemKey } from '../../functions/slack/replay-guard.ts';
import { alertItemsOnly } from '../../infra/constructs/alert-pipeline.ts';
import { synthStage } from './support/cart-app.ts';

/**
 * The stream mapping invokes the alert consumer only for alert items: the same items the consumer
 * itself acts on, so filtering loses nothing and spares one invocation per other write (episode
 * heads, records, channel settings, the Slack replay guard's claims).
 */
type Pattern = { dynamodb: { Keys: Record<string, { S: { prefix: string }[] }> } };
const patternText = String(alertItemsOnly.pattern);
const pattern = JSON.parse(patternText) as Pattern;

/** Whether a record with these keys passes the filter (prefix rules on string keys, as Lambda applies them). */
const passes = (keys: Record<string, string>): boolean =>
  Object.entries(pattern.dynamodb.Keys).every(([name, rule]) =>
    rule.S.some(({ prefix }) => (keys[name] ?? '').startsWith(prefix)),
  );

const record = (keys: Record<string, string>): DynamoDBRecord => ({
  eventName: 'INSERT',
  dynamodb: {
    Keys: Object.fromEntries(Object.entries(keys).map(([name, value]) => [name, { S: value }])),
    NewImage: Object.fromEntries(Object.entries(keys).map(([name, value]) => [name, { S: value }])),
  },
});

describe('alert stream filter', () => {
  const alertKeys = {
    PK: episodePk('EP-7'),
    SK: recordSk('ALERT', '2026-03-03T02:00:00.000Z', '01JQ0000000000000000000001'),
  };
  const others = [
    { PK: episodePk('EP-7'), SK: HEAD_SK },
    { PK: episodePk('EP-7'), SK: recordSk('OBS', '2026-03-03T02:00:00.000Z', '01JQ0000000000000000000002') },
    {
      PK: episodePk('EP-7'),
      SK: recordSk('GRADE', '2026-03-03T02:00:00.000Z', '01JQ0000000000000000000003'),
    },
    replayItemKey(`v0=${'a'.repeat(64)}`),
  ];

  it('is on the deployed mapping', () => {
    synthStage('prod').template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FilterCriteria: { Filters: [{ Pattern: patternText }] },
    });
  });

  it('lets alert items through, which the consumer acts on', () => {
    expect(passes(alertKeys)).toBe(true);
    expect(alertFromStreamRecord(record(alertKeys))).toBeDefined();
  });

  it.each(others)('keeps out %j, which the consumer ignores anyway', (keys) => {
    expect(passes(keys)).toBe(false);
    expect(alertFromStreamRecord(record(keys))).toBeUndefined();
  });
});
