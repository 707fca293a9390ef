import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAlertKeys } from '../../functions/episodes/keys.ts';
import { EpisodeRepository } from '../../functions/episodes/repository.ts';
import { createTestTable, type TestTable } from '../support/dynamodb.ts';
import { documentClient } from '../support/episodes.ts';

/** The sweeper reads every due item of its queue across pages, oldest first, never the ones due later. */
let table: TestTable;
let repository: EpisodeRepository;
beforeEach(async () => {
  table = await createTestTable('sweeper-queues');
  repository = new EpisodeRepository(documentClient(table), table.tableName);
});
afterEach(async () => table.drop());

const dueAt = (minute: number): string => new Date(Date.UTC(2026, 2, 3, 2, minute)).toISOString();

const queueAlerts = async (count: number): Promise<void> => {
  const client = documentClient(table);
  for (let i = 0; i < count; i += 1) {
    const alertId = `01ALERT${String(i).padStart(19, '0')}`;
    await client.send(
      new PutCommand({
        TableName: table.tableName,
        Item: {
          PK: `EP#EP-${i + 1}`,
          SK: `ALERT#${alertId}`,
          kind: 'ALERT',
          ...openAlertKeys(dueAt(i), `EP-${i + 1}`, alertId),
        },
      }),
    );
  }
};

describe('dueInQueue', () => {
  it('reads every due item across pages, oldest first', async () => {
    await queueAlerts(7);
    const due = await repository.dueInQueue('ALERT#OPEN', dueAt(5), 1000, 2);
    expect(due.map((item) => item.PK)).toEqual([
      'EP#EP-1',
      'EP#EP-2',
      'EP#EP-3',
      'EP#EP-4',
      'EP#EP-5',
      'EP#EP-6',
    ]);
  });

  it('stops at the limit, and never returns an item due later', async () => {
    await queueAlerts(7);
    expect(await repository.dueInQueue('ALERT#OPEN', dueAt(6), 4, 3)).toHaveLength(4);
    expect(await repository.dueInQueue('ALERT#OPEN', dueAt(0), 1000, 3)).toHaveLength(1);
    expect(await repository.dueInQueue('WATCH#VITALS', dueAt(6))).toHaveLength(0);
  });
});
