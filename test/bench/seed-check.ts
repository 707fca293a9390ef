/**
 * Proof that the seeded items are the episode service's own: the same course recorded through
 * EpisodeService (one write per entry, each at its entry time) and built by seed-course.ts give
 * the same partition, item for item, once record ids and the episode id are named by order of
 * appearance. Run before a benchmark trusts seeded episodes.
 */
import { isDeepStrictEqual } from 'node:util';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { courseEntries, onsetEndingBefore } from './course.ts';
import {
  batchWrite,
  courseAuthors,
  courseEpisodeInput,
  courseItems,
  recordedAtOf,
  seedingService,
  type SeedStore,
} from './seed-course.ts';

/** Every item of an episode's partition, in key order. */
export const partitionItems = async (
  store: SeedStore,
  episodeId: string,
): Promise<Record<string, unknown>[]> => {
  const client = DynamoDBDocumentClient.from(store.client);
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new QueryCommand({
        TableName: store.tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': `EP#${episodeId}` },
        ConsistentRead: true,
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
};

const ULID = /\b[0-9A-HJKMNP-TV-Z]{26}\b/g;

/** The partition with its episode id and record ids replaced by names given in order of appearance. */
const normalised = (items: readonly Record<string, unknown>[], episodeId: string): unknown[] => {
  const names = new Map<string, string>();
  const episode = new RegExp(`\\b${episodeId}\\b`, 'g');
  return items.map(
    (item) =>
      JSON.parse(
        JSON.stringify(item)
          .replace(episode, 'EP-SEEDED')
          .replace(ULID, (id) => {
            if (!names.has(id)) names.set(id, `ID-${names.size + 1}`);
            return names.get(id) ?? id;
          }),
      ) as unknown,
  );
};

const shown = (value: unknown): string =>
  (value === undefined ? 'undefined' : JSON.stringify(value)).slice(0, 300);

/** The first difference between two values, as a path and both sides. */
const firstDifference = (a: unknown, b: unknown, path = ''): string | undefined => {
  if (isDeepStrictEqual(a, b)) return undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null)
    return `${path || '(root)'}: service ${shown(a)} ≠ seeded ${shown(b)}`;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const found = firstDifference(
      (a as Record<string, unknown>)[key],
      (b as Record<string, unknown>)[key],
      `${path}.${key}`,
    );
    if (found) return found;
  }
  return undefined;
};

export type SeedCheck = {
  readonly vitals: number;
  readonly items: number;
  /** Recording the course through the service, one write per entry. */
  readonly serviceMs: number;
  /** Building the same items and writing them with BatchWriteItem. */
  readonly seededMs: number;
};

/**
 * Records the first `vitalsCount` vital signs of the course (and its doses) through the service
 * and seeds the same course, then compares the partitions; throws on the first difference.
 */
export const checkSeedingMatchesService = async (
  store: SeedStore,
  options: { readonly team: string; readonly vitalsCount: number },
): Promise<SeedCheck> => {
  const onset = onsetEndingBefore(options.vitalsCount, new Date(Date.now() - 10 * 60_000));
  const clock = { now: new Date(onset.getTime() - 3_600_000) };
  const service = seedingService(store, clock);
  const authors = courseAuthors(options.team);
  const input = courseEpisodeInput(service, options.team, 'P-BENCH-0000', onset);
  const entries = courseEntries(options.vitalsCount, onset);

  const serviceStarted = performance.now();
  const recorded = await service.createEpisode(authors.clinician, input);
  for (const entry of entries) {
    clock.now = recordedAtOf(entry);
    if (entry.kind === 'VITALS')
      await service.recordVitals(authors.nurse, {
        episodeId: recorded.id,
        measuredAt: entry.at.toISOString(),
        ...entry.values,
      });
    else
      await service.recordDose(authors.clinician, {
        episodeId: recorded.id,
        givenAt: entry.at.toISOString(),
        ...entry.values,
      });
  }
  const serviceMs = performance.now() - serviceStarted;

  const seededStarted = performance.now();
  clock.now = new Date(onset.getTime() - 3_600_000);
  const created = await service.createEpisode(authors.clinician, input);
  await batchWrite(store, courseItems(created, entries, service).items);
  const seededMs = performance.now() - seededStarted;

  const [byService, seeded] = await Promise.all([
    partitionItems(store, recorded.id),
    partitionItems(store, created.id),
  ]);
  const expected = normalised(byService, recorded.id);
  const actual = normalised(seeded, created.id);
  if (expected.length !== actual.length)
    throw new Error(
      `seeding differs from the service: ${actual.length} items seeded, the service wrote ${expected.length}`,
    );
  for (let i = 0; i < expected.length; i += 1) {
    const difference = firstDifference(expected[i], actual[i]);
    if (difference)
      throw new Error(
        `seeding differs from the service at item ${i} (${String((byService[i] as { SK?: string }).SK)}): ${difference}`,
      );
  }
  return { vitals: options.vitalsCount, items: expected.length, serviceMs, seededMs };
};
