/**
 * Many writers on one episode at once: a ward round where every nurse enters vital signs for the
 * same patient in the same second, over GraphQL and over signed Slack commands, against the local
 * system on DynamoDB Local (bench-system.ts). Each transport gets its own episode, seeded with a
 * realistic course first (seed-course.ts), and `--writers` concurrent recordings.
 *
 *   node test/bench/contention-bench.ts [--writers 100] [--course 100] [--retried 10]
 *
 * Every writer's vital signs carry their own heart rate (60, 61, …; heart rate does not enter a
 * CRS grade), so each stored record names its writer. After the burst the episode's partition is
 * read back and counted: every writer's record stored exactly once (none lost, none doubled), one
 * record lookup each, the head's vital-signs count and version up by exactly the number of
 * writers. Over GraphQL the first `--retried` writers also send their request a second time at
 * once with the same idempotency key (a client retrying): it must answer the first result
 * (replayed), never store twice.
 *
 * Per transport it prints the latency (p50, p99, max over the writers), answers over Slack's 3 s,
 * and the DynamoDB calls of the burst (transactions refused on a moved head show as errors).
 * Target: p99 < 3 s.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { BENCH_TEAM, slackProblem, withBenchSystem, type BenchSystem } from './bench-system.ts';
import { courseVitals, vitalsCommandText, type CourseVitals } from './course.ts';
import { operationsText, summariseCalls, type CallSummary } from './dynamodb-recorder.ts';
import { RECORD_VITALS, outcomeOf } from './graphql-documents.ts';
import { captureHandlerLogs, loggedLines } from './log-capture.ts';
import { SLACK_DEADLINE_MS } from './measure-cell.ts';
import { partitionItems } from './seed-check.ts';
import { seedEpisode, type SeededEpisode } from './seed-course.ts';
import { ms, summarise, type Summary } from './stats.ts';

const { values } = parseArgs({
  options: {
    writers: { type: 'string', default: '100' },
    course: { type: 'string', default: '100' },
    retried: { type: 'string', default: '10' },
  },
});
const WRITERS = Number(values.writers);
const COURSE = Number(values.course);
const RETRIED = Math.min(WRITERS, Number(values.retried));
const TARGET_P99_MS = 3000;
/** Writer i's vital signs carry heart rate FIRST_HEART_RATE + i: the record names its writer. */
const FIRST_HEART_RATE = 60;

const writerVitals = (i: number): CourseVitals => ({
  ...courseVitals(COURSE + i),
  heartRate: FIRST_HEART_RATE + i,
});

type Answer = { readonly ms: number; readonly problem: string | undefined; readonly replayed?: boolean };

type Transport = {
  readonly label: string;
  /** Writer i's request (a retry sends the same request again). */
  readonly write: (system: BenchSystem, episodeId: string, i: number, runId: string) => Promise<Answer>;
  readonly retried: number;
};

const TRANSPORTS: readonly Transport[] = [
  {
    label: 'GraphQL recordVitals',
    retried: RETRIED,
    write: async (system, episodeId, i, runId) => {
      const reply = await system.graphql(RECORD_VITALS, {
        input: { episodeId, ...writerVitals(i) },
        key: `contention-${runId}-${i}`,
      });
      const outcome = outcomeOf(reply.body, 'recordVitals');
      const success = outcome.typename === 'RecordVitalsSuccess';
      return {
        ms: reply.ms,
        problem: success ? undefined : (outcome.problem ?? `HTTP ${reply.status}`),
        replayed: success && (outcome.value as { replayed?: boolean } | undefined)?.replayed === true,
      };
    },
  },
  {
    label: 'Slack /cart vitals',
    retried: 0,
    write: async (system, episodeId, i) => {
      const reply = await system.slack(`vitals ${episodeId} ${vitalsCommandText(writerVitals(i))}`);
      return { ms: reply.ms, problem: slackProblem(reply, episodeId, true) };
    },
  },
];

// ------------------------------------------------------------------ counting what is stored

type Stored = {
  /** Heart rate → vital-signs records carrying it. */
  readonly byHeartRate: Map<number, number>;
  readonly vitals: number;
  readonly lookups: number;
  readonly countedOnHead: number;
  readonly version: number;
};

const storedOf = async (system: BenchSystem, episodeId: string): Promise<Stored> => {
  const items = await partitionItems(system.store, episodeId);
  const vitals = items.filter((item) => item.kind === 'VITALS');
  const head = items.find((item) => item.SK === 'META') as
    { counts?: { vitals: number }; version: number } | undefined;
  if (!head) throw new Error(`episode ${episodeId} has no head`);
  const byHeartRate = new Map<number, number>();
  for (const record of vitals) {
    const heartRate = (record.values as { heartRate?: number }).heartRate;
    if (heartRate !== undefined) byHeartRate.set(heartRate, (byHeartRate.get(heartRate) ?? 0) + 1);
  }
  return {
    byHeartRate,
    vitals: vitals.length,
    lookups: items.filter((item) => item.kind === 'LOOKUP').length,
    countedOnHead: head.counts?.vitals ?? 0,
    version: head.version,
  };
};

/** What is wrong with the episode after the burst (empty: every writer stored exactly once). */
const storageProblems = (before: Stored, after: Stored): string[] => {
  const problems: string[] = [];
  const lost: number[] = [];
  const doubled: string[] = [];
  for (let i = 0; i < WRITERS; i += 1) {
    const heartRate = FIRST_HEART_RATE + i;
    const added = (after.byHeartRate.get(heartRate) ?? 0) - (before.byHeartRate.get(heartRate) ?? 0);
    if (added === 0) lost.push(i);
    if (added > 1) doubled.push(`${i} (${added}×)`);
  }
  if (lost.length > 0) problems.push(`${lost.length} writer(s) not stored: ${lost.slice(0, 10).join(', ')}`);
  if (doubled.length > 0) problems.push(`stored more than once: ${doubled.slice(0, 10).join(', ')}`);
  const growth: [string, number][] = [
    ['vital-signs records', after.vitals - before.vitals],
    ['record lookups', after.lookups - before.lookups],
    ["head's vital-signs count", after.countedOnHead - before.countedOnHead],
    ["head's version", after.version - before.version],
  ];
  for (const [what, added] of growth)
    if (added !== WRITERS) problems.push(`${what} grew by ${added}, not ${WRITERS}`);
  return problems;
};

// ------------------------------------------------------------------ one burst

type Burst = {
  readonly transport: Transport;
  readonly episode: SeededEpisode;
  readonly latency: Summary;
  readonly over3s: number;
  readonly failures: number;
  readonly firstProblem: string | undefined;
  readonly retries: { readonly sent: number; readonly replayed: number };
  readonly calls: CallSummary;
  readonly operations: string;
  readonly wallMs: number;
  readonly problems: readonly string[];
};

const burst = async (system: BenchSystem, transport: Transport, episode: SeededEpisode): Promise<Burst> => {
  const runId = randomUUID();
  await system.settled();
  const before = await storedOf(system, episode.episodeId);
  const firstCall = system.recorder.calls.length;
  const started = performance.now();
  const requests = Array.from({ length: WRITERS }, (_, i) => i).flatMap((i) => [
    transport.write(system, episode.episodeId, i, runId).then((answer) => ({ answer, retry: false })),
    ...(i < transport.retried
      ? [transport.write(system, episode.episodeId, i, runId).then((answer) => ({ answer, retry: true }))]
      : []),
  ]);
  const answers = await Promise.all(requests);
  const wallMs = performance.now() - started;
  const calls = system.recorder.calls.slice(firstCall);
  await system.settled();
  const after = await storedOf(system, episode.episodeId);
  const failed = answers.filter(({ answer }) => answer.problem !== undefined);
  const retried = answers.filter(({ retry }) => retry);
  // A retry and its original race: whichever is answered second is the replay.
  const replayed = answers.filter(({ answer }) => answer.replayed).length;
  const problems = storageProblems(before, after);
  if (replayed !== transport.retried)
    problems.push(`${replayed} answer(s) replayed a first result, expected ${transport.retried}`);
  return {
    transport,
    episode,
    latency: summarise(answers.map(({ answer }) => answer.ms)),
    over3s: answers.filter(({ answer }) => answer.ms > SLACK_DEADLINE_MS).length,
    failures: failed.length,
    firstProblem: failed[0]?.answer.problem,
    retries: { sent: retried.length, replayed },
    calls: summariseCalls(calls),
    operations: operationsText(summariseCalls(calls)),
    wallMs,
    problems,
  };
};

// ------------------------------------------------------------------ report

const row = (b: Burst): string =>
  `| ${[
    b.transport.label,
    `${WRITERS}${b.retries.sent > 0 ? ` + ${b.retries.sent} retried` : ''}`,
    ms(b.latency.p50, 0),
    ms(b.latency.p99, 0),
    ms(b.latency.max, 0),
    ms(b.wallMs, 0),
    String(b.over3s),
    String(b.failures),
    b.problems.length === 0 ? `all ${WRITERS} stored once` : 'NO',
    b.retries.sent > 0 ? `${b.retries.replayed}/${b.retries.sent}` : '—',
    `${b.calls.calls} (${b.operations.trim()})`,
    String(b.calls.errors),
    ms(b.calls.dynamoMs, 0),
  ].join(' | ')} |`;

const HEADER = [
  '| transport | writers | p50 | p99 | max | burst | >3s | failed | stored | replayed | DynamoDB calls | refused | in DynamoDB |',
  '|---|--:|--:|--:|--:|--:|--:|--:|---|--:|---|--:|--:|',
];

const main = async (): Promise<number> => {
  const benchStarted = performance.now();
  const episodes: SeededEpisode[] = [];
  const bursts: Burst[] = [];
  let warm: SeededEpisode | undefined;
  const logged: string[] = [];
  const code = await withBenchSystem(
    async ({ store }) => {
      const endsBefore = new Date(Date.now() - 5 * 60_000);
      for (const [n] of TRANSPORTS.entries())
        episodes.push(
          await seedEpisode(store, {
            team: BENCH_TEAM,
            patientRef: `P-BENCH-C-${n + 1}`,
            vitalsCount: COURSE,
            endsBefore,
          }),
        );
      warm = await seedEpisode(store, {
        team: BENCH_TEAM,
        patientRef: 'P-BENCH-C-0',
        vitalsCount: 10,
        endsBefore,
      });
    },
    async (system) => {
      console.log(
        `Contention: ${WRITERS} concurrent writers on one episode (a course of ${COURSE} vital signs, ${episodes[0]?.items ?? 0} items) per transport; local system at ${system.local.url}`,
      );
      // Warm-up: the handlers' cold start, off the record (on an episode of its own).
      if (!warm) throw new Error('nothing seeded');
      for (const transport of TRANSPORTS) {
        const answer = await transport.write(system, warm.episodeId, 0, randomUUID());
        if (answer.problem) throw new Error(`warm-up ${transport.label}: ${answer.problem}`);
      }
      const logs = captureHandlerLogs();
      try {
        for (const [n, transport] of TRANSPORTS.entries()) {
          const episode = episodes[n];
          if (episode) bursts.push(await burst(system, transport, episode));
          logged.push(...loggedLines(logs.take(), `  ${transport.label}: `));
        }
      } finally {
        logs.restore();
      }
    },
  );
  console.log('');
  for (const line of [...HEADER, ...bursts.map(row)]) console.log(line);
  console.log(
    `\np50/p99/max over every request of the burst (writers and retries); burst = first request sent → last answer; refused = DynamoDB calls answered with an error (a transaction refused on a moved head or a used idempotency key); in DynamoDB = the burst's DynamoDB calls' durations added up (close to the burst when the writes run one after another).`,
  );
  if (logged.length > 0) console.log(['\nThe handlers logged:', ...logged].join('\n'));
  console.log(`\nTarget (p99 < ${TARGET_P99_MS} ms, every writer stored exactly once):`);
  let missed = 0;
  for (const b of bursts) {
    const ok = b.latency.p99 < TARGET_P99_MS && b.failures === 0 && b.problems.length === 0;
    if (!ok) missed += 1;
    console.log(
      `  ${b.transport.label} on ${b.episode.episodeId}: p99 ${ms(b.latency.p99, 0)} ${b.latency.p99 < TARGET_P99_MS ? 'ok' : `MISSED (< ${TARGET_P99_MS} ms)`}${b.failures > 0 ? `; ${b.failures} failed: ${b.firstProblem?.slice(0, 300)}` : ''}${b.problems.map((p) => `; ${p}`).join('')}`,
    );
  }
  console.log(
    `\n${missed === 0 ? 'All targets met' : `${missed} transport(s) missed`} (bench took ${((performance.now() - benchStarted) / 1000).toFixed(0)} s)`,
  );
  return code !== 0 ? code : missed === 0 ? 0 : 1;
};

process.exitCode = await main();
