/**
 * How the cost of reading and recording grows with the length of a patient's course: episodes of
 * 10, 100, 1 000 and 5 000 vital signs (15-minute cadence, a CRS course with fever, tocilizumab,
 * dexamethasone, oxygen and a vasopressor; course.ts), against the local system over real HTTP.
 *
 *   node test/bench/growth-bench.ts [--sizes 10,100,1000,5000] [--samples 200] [--min-samples 5]
 *     [--cell-seconds 15] [--counted 2] [--baseline 200] [--check-vitals 84 | --no-check]
 *
 * The sizes of one operation are measured side by side: each round takes one sample on every size,
 * the order rotating, so the emulator's warm-up, its garbage collector or a busy moment of the
 * machine weigh on every size alike. The defaults keep the whole run within about 5 minutes on a
 * busy 2-core machine (fewer samples, never smaller courses); with 200 samples a p99 is the
 * third-largest sample, so one garbage collection of the emulator's does not decide it.
 *
 * Per size and operation it prints the latency (p50/p99 over the samples taken: at most
 * --samples, fewer once the sizes have used --cell-seconds each, never fewer than --min-samples), the
 * DynamoDB calls each request made and the read/write capacity units they consumed (counted by a
 * recording proxy between the handlers and DynamoDB Local, on the first --counted samples), the
 * items and bytes read, and the calls the stream consumer made afterwards. Operations:
 *   episode(id)   GraphQL: current state + first page (20) of observations, gradings and alerts;
 *   /cart status  signed Slack slash command;
 *   recordVitals  GraphQL mutation with an idempotency key, the next vital signs of the course;
 *   /cart vitals  signed Slack slash command, the next vital signs of the course.
 * Writes grow the episodes they record on: each episode takes at most a tenth of its length in
 * new records (so a size stays within 10 %), and the bench seeds as many as the writes need.
 * Baseline: DynamoDB Local's own GetItem latency, measured in the same run.
 *
 * Targets: at 5 000 vital signs every p99 < 300 ms, and every figure (p50, p99, DynamoDB calls,
 * read units) within 1.5× of the same figure at 10 vital signs.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import {
  getItemBaseline,
  BENCH_TEAM,
  slackProblem,
  withBenchSystem,
  type BenchSystem,
} from './bench-system.ts';
import { courseVitals, vitalsCommandText } from './course.ts';
import { operationsText } from './dynamodb-recorder.ts';
import { captureHandlerLogs, loggedLines, type LogCapture } from './log-capture.ts';
import { EPISODE_PAGE, RECORD_VITALS, outcomeOf } from './graphql-documents.ts';
import { measureInterleaved, mostOf, type CellBounds, type CellResult, type Sample } from './measure-cell.ts';
import { checkSeedingMatchesService } from './seed-check.ts';
import { seedEpisode, type SeededEpisode } from './seed-course.ts';
import { bytes, ms, summarise } from './stats.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10,100,1000,5000' },
    samples: { type: 'string', default: '200' },
    'min-samples': { type: 'string', default: '5' },
    'cell-seconds': { type: 'string', default: '15' },
    counted: { type: 'string', default: '2' },
    baseline: { type: 'string', default: '200' },
    'check-vitals': { type: 'string', default: '84' },
    'no-check': { type: 'boolean', default: false },
  },
});
const SIZES = values.sizes.split(',').map(Number);
const BOUNDS: CellBounds = {
  samples: Number(values.samples),
  minSamples: Number(values['min-samples']),
  budgetMs: Number(values['cell-seconds']) * 1000,
  counted: Number(values.counted),
};
const BASELINE_SAMPLES = Number(values.baseline);
const TARGET_P99_MS = 300;
const TARGET_GROWTH = 1.5;
const WARMUP = 5;
/** Episodes of one size seeded at a time. */
const PARALLEL_SEEDS = 4;

/** New records an episode of `size` vital signs may take during the bench (a tenth of its length). */
const writesPerEpisode = (size: number): number => Math.max(1, Math.floor(size / 10));

type Ward = {
  readonly size: number;
  readonly episodes: readonly SeededEpisode[];
  readonly seedMs: number;
  /** Writes made so far on the ward (both write operations share its quota). */
  writes: number;
};

// ------------------------------------------------------------------ operations

type Operation = {
  readonly label: string;
  readonly run: (system: BenchSystem, ward: Ward, i: number) => Promise<Sample>;
};

const readEpisode = (ward: Ward, i: number): SeededEpisode => {
  const episode = ward.episodes[i % ward.episodes.length];
  if (!episode) throw new Error(`ward of ${ward.size} vital signs has no episode`);
  return episode;
};

/** The episode the next write goes to, and the index of the course record it continues with. */
const nextWrite = (ward: Ward): { episode: SeededEpisode; courseIndex: number } => {
  const quota = writesPerEpisode(ward.size);
  const n = ward.writes;
  ward.writes += 1;
  const episode = ward.episodes[Math.floor(n / quota)];
  if (!episode) throw new Error(`ward of ${ward.size} vital signs has no episode left for write ${n}`);
  return { episode, courseIndex: ward.size + (n % quota) };
};

const OPERATIONS: readonly Operation[] = [
  {
    label: 'episode(id)',
    run: async (system, ward, i) => {
      const episode = readEpisode(ward, i);
      const reply = await system.graphql(EPISODE_PAGE, { id: episode.episodeId });
      const outcome = outcomeOf(reply.body, 'episode');
      return {
        ms: reply.ms,
        problem: outcome.typename === 'Episode' ? undefined : (outcome.problem ?? `HTTP ${reply.status}`),
      };
    },
  },
  {
    label: '/cart status',
    run: async (system, ward, i) => {
      const episode = readEpisode(ward, i);
      const reply = await system.slack(`status ${episode.episodeId}`);
      return { ms: reply.ms, problem: slackProblem(reply, episode.episodeId) };
    },
  },
  {
    label: 'recordVitals',
    run: async (system, ward) => {
      const { episode, courseIndex } = nextWrite(ward);
      const reply = await system.graphql(RECORD_VITALS, {
        input: { episodeId: episode.episodeId, ...courseVitals(courseIndex) },
        key: `bench-${randomUUID()}`,
      });
      const outcome = outcomeOf(reply.body, 'recordVitals');
      return {
        ms: reply.ms,
        problem:
          outcome.typename === 'RecordVitalsSuccess'
            ? undefined
            : (outcome.problem ?? `HTTP ${reply.status}`),
      };
    },
  },
  {
    label: '/cart vitals',
    run: async (system, ward) => {
      const { episode, courseIndex } = nextWrite(ward);
      const reply = await system.slack(
        `vitals ${episode.episodeId} ${vitalsCommandText(courseVitals(courseIndex))}`,
      );
      return { ms: reply.ms, problem: slackProblem(reply, episode.episodeId, true) };
    },
  },
];

// ------------------------------------------------------------------ seeding

const seedWards = async (
  store: Parameters<typeof seedEpisode>[0],
): Promise<{ wards: Ward[]; warmup: SeededEpisode }> => {
  const endsBefore = new Date(Date.now() - 5 * 60_000);
  const warmup = await seedEpisode(store, {
    team: BENCH_TEAM,
    patientRef: 'P-BENCH-0',
    vitalsCount: 10,
    endsBefore,
  });
  const wards: Ward[] = [];
  console.log('Seeding (service record builders + BatchWriteItem):');
  for (const size of SIZES) {
    const started = performance.now();
    const count = Math.ceil((2 * BOUNDS.samples) / writesPerEpisode(size));
    const episodes: SeededEpisode[] = Array.from({ length: count });
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(count, PARALLEL_SEEDS) }, async () => {
        for (let n = next++; n < count; n = next++)
          episodes[n] = await seedEpisode(store, {
            team: BENCH_TEAM,
            patientRef: `P-BENCH-${size}-${n + 1}`,
            vitalsCount: size,
            endsBefore,
          });
      }),
    );
    const seedMs = performance.now() - started;
    const first = readEpisode({ size, episodes, seedMs, writes: 0 }, 0);
    console.log(
      `  ${String(size).padStart(5)} vital signs: ${count} episode(s) (${first.episodeId}…), each ${first.doses} doses, ${first.gradings} gradings, ${first.alerts} alerts, ${first.items} items; ${(seedMs / 1000).toFixed(1)} s`,
    );
    wards.push({ size, episodes, seedMs, writes: 0 });
  }
  return { wards, warmup };
};

// ------------------------------------------------------------------ report

type Row = { readonly size: number; readonly operation: string; readonly result: CellResult };

const rowText = (row: Row, baseline: Row | undefined): string => {
  const { result } = row;
  const ratio = baseline ? result.latency.p99 / baseline.result.latency.p99 : Number.NaN;
  const first = result.request[0];
  const cells = [
    row.operation,
    String(result.latency.count),
    ms(result.latency.p50, 0),
    ms(result.latency.p99, 0),
    Number.isNaN(ratio) ? '' : `${ratio.toFixed(1)}×`,
    String(result.over3s),
    String(mostOf(result.request, (s) => s.calls)),
    mostOf(result.request, (s) => s.readUnits).toFixed(1),
    mostOf(result.request, (s) => s.writeUnits).toFixed(1),
    String(mostOf(result.request, (s) => s.itemsRead)),
    bytes(mostOf(result.request, (s) => s.bytesRead)),
    ms(
      mostOf(result.request, (s) => s.dynamoMs),
      0,
    ),
    String(mostOf(result.consumer, (s) => s.calls)),
    first ? operationsText(first) : '',
  ];
  const failed =
    result.failures > 0 ? ` ${result.failures} FAILED: ${result.firstProblem?.slice(0, 200)}` : '';
  return `| ${cells.join(' | ')} |${failed}`;
};

const HEADER = [
  '| operation | n | p50 | p99 | p99/10 | >3s | calls | RCU | WCU | items | read | in DynamoDB | cons. | DynamoDB calls of one request |',
  '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|',
].join('\n');

const verdicts = (rows: readonly Row[]): string[] => {
  const smallest = Math.min(...rows.map((r) => r.size));
  const largest = Math.max(...rows.map((r) => r.size));
  const lines: string[] = [];
  for (const operation of OPERATIONS.map((o) => o.label)) {
    const base = rows.find((r) => r.size === smallest && r.operation === operation);
    const top = rows.find((r) => r.size === largest && r.operation === operation);
    if (!base || !top) continue;
    const figures: [string, number, number][] = [
      ['p50', base.result.latency.p50, top.result.latency.p50],
      ['p99', base.result.latency.p99, top.result.latency.p99],
      ['calls', mostOf(base.result.request, (s) => s.calls), mostOf(top.result.request, (s) => s.calls)],
      [
        'RCU',
        mostOf(base.result.request, (s) => s.readUnits),
        mostOf(top.result.request, (s) => s.readUnits),
      ],
    ];
    const growth = figures.map(([name, at10, atTop]) => {
      const factor = at10 > 0 ? atTop / at10 : atTop > 0 ? Number.POSITIVE_INFINITY : 1;
      return { name, factor, ok: factor <= TARGET_GROWTH };
    });
    const p99ok = top.result.latency.p99 < TARGET_P99_MS && top.result.failures === 0;
    lines.push(
      `  ${operation.padEnd(13)} p99 at ${largest}: ${ms(top.result.latency.p99).trim()} ${p99ok ? 'ok' : `MISSED (< ${TARGET_P99_MS} ms${top.result.failures > 0 ? `, ${top.result.failures} failed` : ''})`};  ${largest} vs ${smallest}: ${growth
        .map(
          (g) =>
            `${g.name} ${Number.isFinite(g.factor) ? g.factor.toFixed(1) : '∞'}× ${g.ok ? 'ok' : 'MISSED'}`,
        )
        .join(', ')}`,
    );
  }
  return lines;
};

/**
 * Every operation on every ward: the sizes of one operation measured side by side (one sample of
 * each size per round, the order rotating), then a table per size (handler warnings below them).
 */
const measureWards = async (
  system: BenchSystem,
  wards: readonly Ward[],
  rows: Row[],
  logs: LogCapture,
): Promise<void> => {
  for (const operation of OPERATIONS) {
    const results = await measureInterleaved(
      system,
      BOUNDS,
      wards.map((ward) => (i: number) => operation.run(system, ward, i)),
    );
    wards.forEach((ward, index) => {
      const result = results[index];
      if (result) rows.push({ size: ward.size, operation: operation.label, result });
    });
  }
  for (const ward of wards) {
    console.log(
      `\n${ward.size} vital signs per episode (${ward.episodes.length} episode(s), ${ward.episodes[0]?.items ?? 0} items each)\n`,
    );
    console.log(HEADER);
    for (const row of rows.filter((r) => r.size === ward.size))
      console.log(
        rowText(
          row,
          rows.find((r) => r.size === SIZES[0] && r.operation === row.operation),
        ),
      );
  }
  const logged = loggedLines(logs.take());
  if (logged.length > 0) console.log(['', ...logged].join('\n'));
};

// ------------------------------------------------------------------ main

const main = async (): Promise<number> => {
  const benchStarted = performance.now();
  let wards: Ward[] = [];
  let warmup: SeededEpisode | undefined;
  const code = await withBenchSystem(
    async ({ store }) => {
      if (!values['no-check']) {
        const check = await checkSeedingMatchesService(store, {
          team: BENCH_TEAM,
          vitalsCount: Number(values['check-vitals']),
        });
        console.log(
          `Seeding check: a course of ${check.vitals} vital signs recorded through EpisodeService (${(check.serviceMs / 1000).toFixed(1)} s, one write per entry) and seeded (${(check.seededMs / 1000).toFixed(1)} s) give the same ${check.items} items.`,
        );
      }
      ({ wards, warmup } = await seedWards(store));
    },
    async (system) => {
      if (!warmup) throw new Error('nothing seeded');
      const warm = warmup;
      console.log(
        `\nLocal system at ${system.local.url}; handlers reach DynamoDB Local through the recorder ${system.recorder.endpoint}`,
      );
      // Warm-up: the handlers' cold start, off the record.
      const warmWard: Ward = { size: 10, episodes: [warm], seedMs: 0, writes: 0 };
      for (let i = 0; i < WARMUP; i += 1)
        for (const operation of OPERATIONS) {
          if (operation.label === 'recordVitals' || operation.label === '/cart vitals') warmWard.writes = 0;
          const sample = await operation.run(system, warmWard, i);
          if (sample.problem) throw new Error(`warm-up ${operation.label}: ${sample.problem}`);
        }

      const baseline = await getItemBaseline(
        system,
        wards.flatMap((w) => w.episodes.map((e) => e.episodeId)),
        BASELINE_SAMPLES,
      );
      const direct = summarise(baseline.direct);
      const recorded = summarise(baseline.recorded);
      console.log(
        `DynamoDB Local GetItem of an episode head (baseline, ${direct.count} samples): p50 ${ms(direct.p50).trim()}, p99 ${ms(direct.p99).trim()}; through the recorder: p50 ${ms(recorded.p50).trim()}, p99 ${ms(recorded.p99).trim()}`,
      );
      console.log(
        `Cells: at most ${BOUNDS.samples} samples, at least ${BOUNDS.minSamples}, ${BOUNDS.budgetMs / 1000} s each, the sizes of an operation interleaved; DynamoDB calls counted on the first ${BOUNDS.counted} (the largest shown).`,
      );
      console.log(
        "Columns: n samples; p99/10 = p99 ÷ p99 at the smallest size; >3s = samples over Slack's 3 s; calls, RCU, WCU, items and bytes read by one request and its time waiting for DynamoDB; cons. = calls the stream consumer made after it.",
      );

      const rows: Row[] = [];
      const logs = captureHandlerLogs();
      try {
        await measureWards(system, wards, rows, logs);
      } finally {
        logs.restore();
      }
      console.log(
        `\nTargets (p99 < ${TARGET_P99_MS} ms at the largest size; every figure within ${TARGET_GROWTH}× of the smallest size's):`,
      );
      for (const line of verdicts(rows)) console.log(line);
      console.log(`\nBench took ${((performance.now() - benchStarted) / 1000).toFixed(0)} s`);
    },
  );
  return code;
};

process.exitCode = await main();
