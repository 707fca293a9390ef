import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { buildSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { issueToken, loadOrCreateSigningKey } from '../../functions/local/local-auth.ts';
import { operationArbitrary, type GeneratedOperation } from '../support/graphql-operations.ts';
import { SETTLED_PATH } from '../../functions/local/settled-route.ts';
import { leaksIn } from '../support/response-leaks.ts';
import { uniqueId } from '../support/slack-client.ts';

/**
 * Schema-aware GraphQL fuzzer against the started local system: operations generated from the
 * committed schema (schema/schema.graphql, drift-tested against the code), valid and almost
 * valid, with hostile argument values, sent over real HTTP by a clinician of one team (/graphql,
 * with a token from the local issuer) and anonymously (/public/graphql, the public schema's
 * operations and the whole API's), a few at a time.
 * Whatever arrives, the server answers with a client error or a GraphQL result, never a 5xx,
 * always JSON with `data` or `errors`, and never shows its internals.
 *
 * Reproduce a run with FUZZ_SEED=<seed printed>; FUZZ_OPERATIONS changes the count.
 */
const baseUrl = inject('baseUrl');
const OPERATIONS = Number(process.env.FUZZ_OPERATIONS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2_147_483_647);
/** Operations sent together (the concurrency), one fast-check run each. */
const BATCH = 8;
const RUNS = Math.ceil(OPERATIONS / BATCH);
/** A progress line every so many operations (a busy machine makes the run long). */
const PROGRESS_EVERY = 1000;

const schemaIn = (file: string) =>
  buildSchema(readFileSync(new URL(`../../schema/${file}`, import.meta.url), 'utf8'));
const schema = schemaIn('schema.graphql');
/** What /public/graphql serves (drift-tested too); anonymous callers also send the whole API's operations. */
const publicSchema = schemaIn('public-schema.graphql');

type Caller = 'clinician' | 'anonymous';
type Sent = { readonly operation: GeneratedOperation; readonly caller: Caller };
type Answer = { readonly status: number; readonly body: string; readonly problems: readonly string[] };

let token: string;
const facts = { team: uniqueId('fuzz-').toLowerCase(), episodeIds: [] as string[] };

beforeAll(async () => {
  token = await issueToken(await loadOrCreateSigningKey(inject('localAuthKeyFile')), {
    userId: 'fuzz-clinician',
    role: 'clinician',
    teams: [facts.team],
  });
  for (let i = 0; i < 3; i += 1) {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: `mutation($input: CreateEpisodeInput!, $key: String!) { createEpisode(input: $input, idempotencyKey: $key) {
          __typename ... on CreateEpisodeSuccess { episode { episodeId } } } }`,
        variables: {
          key: `fuzz-${randomUUID()}`,
          input: {
            patientRef: `P-FZ-${i}0`,
            team: facts.team,
            weightKg: 70,
            heightCm: 170,
            product: 'KARMMA',
          },
        },
      }),
    });
    const result = (await response.json()) as {
      data?: { createEpisode?: { episode?: { episodeId: string } } };
    };
    const id = result.data?.createEpisode?.episode?.episodeId;
    if (!id) throw new Error(`createEpisode failed: ${JSON.stringify(result)}`);
    facts.episodeIds.push(id);
  }
});

// The writes that got through raise alerts: the next file starts once the alert pipeline has
// handled them, on a quiet system.
afterAll(async () => {
  await fetch(`${baseUrl}${SETTLED_PATH}?timeoutMs=120000`, { signal: AbortSignal.timeout(130_000) });
}, 140_000);

/** What is wrong with one answer: a 5xx, a body that is not a GraphQL result, internals shown. */
const problemsOf = (status: number, body: string, sentBody: string): string[] => {
  const problems: string[] = [];
  if (status >= 500) problems.push(`HTTP ${status}`);
  try {
    const parsed = JSON.parse(body) as unknown;
    const result = parsed as { data?: unknown; errors?: unknown };
    if (typeof parsed !== 'object' || parsed === null || (!('data' in result) && !('errors' in result)))
      problems.push('JSON without data or errors');
  } catch {
    problems.push(`not JSON: ${body.slice(0, 120)}`);
  }
  problems.push(...leaksIn(body, sentBody));
  return problems;
};

/** Requests sent again after the connection failed before any answer (not a server answer). */
let resent = 0;

const post = (url: string, init: RequestInit): Promise<Response> =>
  fetch(url, init).catch((error: unknown) => {
    // A keep-alive connection closed by the server as the request left is retried once, as
    // clients do; a second failure on the same request is reported with its operation.
    resent += 1;
    return fetch(url, init).catch((again: unknown) => {
      const cause = again instanceof Error && again.cause instanceof Error ? again.cause.message : '';
      throw new Error(`no answer twice (${String(error)}; ${String(again)} ${cause})`);
    });
  });

const send = async ({ operation, caller }: Sent): Promise<Answer> => {
  const sentBody = JSON.stringify({ query: operation.query, variables: operation.variables });
  try {
    const response = await post(`${baseUrl}${caller === 'clinician' ? '/graphql' : '/public/graphql'}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(caller === 'clinician' ? { authorization: `Bearer ${token}` } : {}),
      },
      body: sentBody,
    });
    const body = await response.text();
    return { status: response.status, body, problems: problemsOf(response.status, body, sentBody) };
  } catch (error) {
    return { status: 0, body: '', problems: [String(error)] };
  }
};

describe('schema-aware GraphQL fuzzer', () => {
  it(`${OPERATIONS} generated operations over HTTP: 0 responses ≥ 500, every one JSON with data or errors, 0 internals shown`, async () => {
    const sent: Sent[] = [];
    const statuses = new Map<number, number>();
    const typenames = new Map<string, number>();
    const roots = new Set<string>();
    let answered = 0;
    let failures = 0;
    const sentBy = (operations: typeof schema, caller: Caller) =>
      fc.record({ operation: operationArbitrary(operations, facts), caller: fc.constant(caller) });
    const sentArbitrary = fc.oneof(
      { weight: 2, arbitrary: sentBy(schema, 'clinician') },
      { weight: 1, arbitrary: sentBy(publicSchema, 'anonymous') },
      { weight: 1, arbitrary: sentBy(schema, 'anonymous') },
    );
    const started = performance.now();
    console.log(`graphql-fuzz: seed ${SEED} (FUZZ_SEED=${SEED} reproduces this run)`);
    let counterexample: string | undefined;
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(sentArbitrary, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
          const answers = await Promise.all(batch.map(send));
          answers.forEach((answer, index) => {
            const one = batch[index];
            if (!one) return;
            // The first RUNS batches, before any failure: shrinking re-sends are not counted.
            if (answered < OPERATIONS && failures === 0) {
              answered += 1;
              if (answered % PROGRESS_EVERY === 0)
                console.log(
                  `graphql-fuzz: ${answered} operations in ${((performance.now() - started) / 1000).toFixed(0)} s, ${failures} failing batches so far`,
                );
              sent.push(one);
              statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
              roots.add(`${one.operation.kind} ${one.operation.field}`);
              for (const [, name] of answer.body.matchAll(/"__typename":"(\w+)"/g))
                typenames.set(name ?? '', (typenames.get(name ?? '') ?? 0) + 1);
            }
          });
          const bad = answers.flatMap((answer, index) =>
            answer.problems.length > 0 ? [{ sent: batch[index], answer }] : [],
          );
          if (bad.length > 0) failures += 1;
          expect(
            bad.map(({ sent: one, answer }) => ({
              caller: one?.caller,
              query: one?.operation.query.slice(0, 2000),
              variables: JSON.stringify(one?.operation.variables).slice(0, 2000),
              status: answer.status,
              problems: answer.problems,
              body: answer.body.slice(0, 600),
            })),
          ).toEqual([]);
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: false },
      );
    } catch (error) {
      counterexample =
        error instanceof Error
          ? `${error.message}\n${error.cause instanceof Error ? error.cause.message : ''}`
          : String(error);
    }
    const seconds = (performance.now() - started) / 1000;
    const histogram = [...statuses.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, count]) => `${status}×${count}`)
      .join(' ');
    const results = [...typenames.entries()]
      .sort(([, a], [, b]) => b - a)
      .slice(0, 8)
      .map(([name, count]) => `${name}×${count}`)
      .join(' ');
    console.log(
      `graphql-fuzz: ${answered} operations (${roots.size} root fields, ${sent.filter((s) => s.caller === 'anonymous').length} anonymous) in ${seconds.toFixed(1)} s (${(answered / seconds).toFixed(0)}/s, ${BATCH} at a time), seed ${SEED}; statuses ${histogram}; ${resent} re-sent after a dropped connection; ${failures} failing batches; most seen types ${results}`,
    );
    if (counterexample) console.log(`graphql-fuzz: shrunk counterexample:\n${counterexample.slice(0, 6000)}`);
    expect(counterexample).toBeUndefined();
    expect(answered).toBe(OPERATIONS);
    expect([...statuses.keys()].filter((status) => status >= 500)).toEqual([]);
  }, 1_800_000);
});
