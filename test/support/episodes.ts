import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { monotonicFactory } from 'ulid';
import type { Actor } from '../../functions/episodes/actor.ts';
import { EpisodeRepository } from '../../functions/episodes/repository.ts';
import { EpisodeService } from '../../functions/episodes/service.ts';
import type { TestTable } from './dynamodb.ts';

/** A settable clock, so tests control "now" (the rules never read the clock). */
export const testClock = (start: string) => {
  let now = Date.parse(start);
  return {
    now: () => new Date(now),
    set: (iso: string) => {
      now = Date.parse(iso);
    },
    advanceMinutes: (minutes: number) => {
      now += minutes * 60_000;
    },
  };
};

export const documentClient = (table: TestTable): DynamoDBDocumentClient =>
  DynamoDBDocumentClient.from(table.client, { marshallOptions: { removeUndefinedValues: true } });

export const serviceFor = (
  table: TestTable,
  clock: () => Date,
  client: DynamoDBDocumentClient = documentClient(table),
) =>
  new EpisodeService({
    repository: new EpisodeRepository(client, table.tableName, {
      maxAttempts: 3,
      baseDelayMs: 1,
      maxDelayMs: 5,
    }),
    clock,
    newId: monotonicFactory(),
  });

export const actor = (
  role: Actor['role'],
  teams: readonly string[] = ['hem-a'],
  userId = `${role}-1`,
): Actor => ({
  userId,
  role,
  teams,
  via: 'graphql',
});

/** A pseudonymous adult patient, infused on 2026-03-01 after Flu/Cy d-5..d-3. */
export const newEpisodeInput = (team = 'hem-a') => ({
  patientRef: 'P-2026-0042',
  team,
  weightKg: 70,
  heightCm: 170,
  product: 'CARTITUDE_1',
  lymphodepletionStartDate: '2026-02-24',
  lymphodepletionEndDate: '2026-02-26',
  infusionDate: '2026-03-01',
});
