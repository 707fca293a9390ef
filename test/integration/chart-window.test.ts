import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WindowReader } from '../../functions/charts/window-reader.ts';
import type { GradingRecord } from '../../functions/episodes/records.ts';
import { EpisodeRepository } from '../../functions/episodes/repository.ts';
import { LOCAL_AWS } from '../../functions/local/dynamodb-local.ts';
import { CHART_ONSET, chartCourse } from '../support/chart-course.ts';
import { countCommands, createTestTable, type TestTable } from '../support/dynamodb.ts';

/**
 * The chart's window read on DynamoDB Local: bounded reads (the head and one Query per family),
 * and the grade in force when the window opens, from the newest gradings written before it.
 */

const HOUR = 3_600_000;
const course = chartCourse(96, { episodeId: 'EP-31' });

let table: TestTable;
let client: DynamoDBDocumentClient;
const commands: string[] = [];

beforeAll(async () => {
  table = await createTestTable('chart-window');
  client = DynamoDBDocumentClient.from(new DynamoDBClient({ ...LOCAL_AWS, endpoint: table.endpoint }), {
    marshallOptions: { removeUndefinedValues: true },
  });
  const items: Record<string, unknown>[] = [course.head, ...course.records];
  for (let start = 0; start < items.length; start += 25)
    await client.send(
      new BatchWriteCommand({
        RequestItems: {
          [table.tableName]: items.slice(start, start + 25).map((Item) => ({ PutRequest: { Item } })),
        },
      }),
    );
  countCommands(client, commands);
});
afterAll(async () => {
  client.destroy();
  await table.drop();
});

describe('the chart window read', () => {
  it('reads the head and one Query per family, and the grade in force when the window opens', async () => {
    const from = new Date(CHART_ONSET.getTime() + 12 * HOUR).toISOString();
    const to = new Date(CHART_ONSET.getTime() + 18 * HOUR).toISOString();
    commands.length = 0;
    const window = await new WindowReader(new EpisodeRepository(client, table.tableName)).read(
      'EP-31',
      from,
      to,
    );
    expect(commands.sort()).toEqual(['GetItemCommand', ...Array<string>(5).fill('QueryCommand')]);
    // The newest grading of each domain written before the window (with its 5-minute write skew).
    const writtenFrom = Date.parse(from) - 5 * 60_000;
    const before = course.records
      .filter(
        (r): r is GradingRecord => r.kind === 'GRADING' && Date.parse(r.SK.split('#')[1] ?? '') < writtenFrom,
      )
      .sort((a, b) => (a.SK < b.SK ? 1 : -1));
    const expected = ['CRS', 'ICANS']
      .map((domain) => before.find((g) => g.domain === domain))
      .filter((g) => g !== undefined);
    expect(expected.length).toBeGreaterThan(0);
    expect(window?.gradedBefore.map((g) => [g.domain, g.id, g.grade]).sort()).toEqual(
      expected.map((g) => [g.domain, g.id, g.grade]).sort(),
    );
  });

  it('a window before the first grading carries nothing in', async () => {
    const from = new Date(CHART_ONSET.getTime() - 6 * HOUR).toISOString();
    const window = await new WindowReader(new EpisodeRepository(client, table.tableName)).read(
      'EP-31',
      from,
      CHART_ONSET.toISOString(),
    );
    expect(window?.gradedBefore).toEqual([]);
  });
});
