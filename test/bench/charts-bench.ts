/**
 * Chart benchmark, as a list of sections (each prints its own table; add a section to extend it):
 *  - render: warm render time per chart, SVG and PNG (p50/p99), for a 14-day course of 15-minute
 *    vital signs (1 344 vital signs with their doses, gradings and alerts; target < 500 ms warm);
 *  - bundle: the chart function's bundle size against its budget;
 *  - cold: cold start to the first answer of the chart bundle (import and a validation answer),
 *    to a first rendered PNG (the chart work bundled the same way, window from a file), beside a
 *    hello-world handler bundled the same way, each in a fresh `node` process;
 *  - handoff: a team's shift handoff (HANDOFF-1) over long courses, DynamoDB reads and latency
 *    (test/bench/handoff-bench.ts, also `npm run bench:handoff` on its own).
 *
 *   npm run bench:charts -- [--renders 30] [--rounds 5] [--only render,bundle,cold,handoff]
 *                           [--handoff-episodes 30] [--handoff-hours 24] [--handoff-runs 50]
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { renderChart } from '../../functions/charts/render-chart.ts';
import { bundleBudgetBytes } from '../../infra/lambda-bundling.ts';
import { handoffBenchSection } from './handoff-bench.ts';
import { CHART_TIME_ZONE, chartCourse, memoryReader } from '../support/chart-course.ts';
import { invokeInFreshProcess, measureBundle, writeBundle } from '../tools/bundle-size.ts';
import { bytes, median, ms, summarise } from './stats.ts';

const { values } = parseArgs({
  options: {
    renders: { type: 'string', default: '30' },
    rounds: { type: 'string', default: '5' },
    only: { type: 'string' },
    'handoff-episodes': { type: 'string', default: '30' },
    'handoff-hours': { type: 'string', default: '24' },
    'handoff-runs': { type: 'string', default: '50' },
  },
});
const RENDERS = Number(values.renders);
const ROUNDS = Number(values.rounds);
const TARGET_WARM_MS = 500;
const FOURTEEN_DAYS_VITALS = 14 * 24 * 4;

export type BenchSection = { readonly name: string; run(): Promise<void> };

const course = chartCourse(FOURTEEN_DAYS_VITALS, { acknowledge: true });
const now = new Date(course.lastAt.getTime() + 15 * 60_000).toISOString();
const request = (format: 'svg' | 'png') => ({ episodeId: course.head.id, hours: 336, format, now });
const deps = { reader: memoryReader(course), timeZone: CHART_TIME_ZONE, clock: () => new Date(now) };

const render: BenchSection = {
  name: 'render',
  run: async () => {
    const window = await deps.reader.read(
      course.head.id,
      new Date(Date.parse(now) - 336 * 3_600_000).toISOString(),
      now,
    );
    console.log(
      `\nWarm render, 14-day window: ${window?.records.filter((r) => r.kind === 'VITALS').length ?? 0} vital signs, ${window?.records.length ?? 0} records (${RENDERS} renders each, after 3 warm-up)`,
    );
    console.log(`  format        p50         p99         max   target`);
    for (const format of ['svg', 'png'] as const) {
      for (let i = 0; i < 3; i += 1) await renderChart(deps, request(format));
      const samples: number[] = [];
      for (let i = 0; i < RENDERS; i += 1) {
        const started = performance.now();
        await renderChart(deps, request(format));
        samples.push(performance.now() - started);
      }
      const s = summarise(samples);
      console.log(
        `  ${format.padEnd(6)}${ms(s.p50, 10)}  ${ms(s.p99, 10)}  ${ms(s.max, 10)}   ${s.p99 < TARGET_WARM_MS ? 'ok' : 'OVER'} (< ${TARGET_WARM_MS} ms)`,
      );
    }
  },
};

const bundle: BenchSection = {
  name: 'bundle',
  run: async () => {
    const size = await measureBundle('charts');
    console.log(
      `\nChart bundle (minified ESM): ${bytes(size.bytes)} of ${bytes(bundleBudgetBytes.charts)} budget`,
    );
    for (const [owner, weight] of size.heaviest.slice(0, 6))
      console.log(`  ${bytes(weight).padStart(8)}  ${owner}`);
    console.log('  beside it: resvg.wasm 2.4 MB and NotoSans-Regular.ttf 614 KB, read on the first PNG');
  },
};

const cold: BenchSection = {
  name: 'cold',
  run: async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cart-chart-bench-'));
    const windowFile = join(dir, 'window.json');
    const window = await deps.reader.read(
      course.head.id,
      new Date(Date.parse(now) - 72 * 3_600_000).toISOString(),
      now,
    );
    await writeFile(windowFile, JSON.stringify({ ...window, superseded: [] }));
    const bundles = {
      hello: await writeBundle({ name: 'hello', entry: 'test/bench/hello-handler.ts' }),
      chartImport: await writeBundle('charts'),
      chartRender: await writeBundle({ name: 'chart-render', entry: 'test/bench/chart-cold-handler.ts' }),
    };
    const events = {
      hello: [{ rawPath: '/hello' }],
      // An invalid request: the chart bundle's import and a validation answer, no table needed.
      chartImport: [{ episodeId: 'EP-1', hours: 0, format: 'svg' }],
      chartRender: [{ episodeId: course.head.id, hours: 72, format: 'png', now }],
    };
    const env = {
      HOSPITAL_TIME_ZONE: CHART_TIME_ZONE,
      AWS_REGION: 'eu-west-1',
      TABLE_NAME: 'unused',
      POWERTOOLS_LOG_LEVEL: 'WARN',
      CHART_WINDOW_FILE: windowFile,
    };
    const samples: Record<keyof typeof bundles, number[]> = { hello: [], chartImport: [], chartRender: [] };
    const imports: Record<keyof typeof bundles, number[]> = { hello: [], chartImport: [], chartRender: [] };
    const names = Object.keys(bundles) as (keyof typeof bundles)[];
    try {
      for (let round = 0; round < ROUNDS; round += 1) {
        for (const name of [...names.slice(round % names.length), ...names.slice(0, round % names.length)]) {
          const run = await invokeInFreshProcess(bundles[name], events[name] as never, env);
          if (name === 'chartRender' && run.replies[0]?.statusCode !== 200)
            throw new Error(`render failed: ${run.log}`);
          samples[name].push(run.firstReplyMs);
          imports[name].push(run.importMs);
        }
      }
    } finally {
      await Promise.all([
        ...Object.values(bundles).map((b) => b.remove()),
        rm(dir, { recursive: true, force: true }),
      ]);
    }
    console.log(`\nCold start to first answer, fresh node process each (${ROUNDS} rounds, median):`);
    console.log('  case                         bundle      import   first answer   × hello');
    const hello = median(samples.hello);
    const label = {
      hello: 'hello world',
      chartImport: 'chart bundle (validation)',
      chartRender: 'chart render 72 h PNG',
    };
    for (const name of names)
      console.log(
        `  ${label[name].padEnd(27)}${bytes(bundles[name].bytes).padStart(8)}  ${ms(median(imports[name]))}  ${ms(median(samples[name]), 13)}   ${(median(samples[name]) / hello).toFixed(1)}`,
      );
  },
};

const handoff: BenchSection = {
  name: 'handoff',
  run: async () => {
    const lines = await handoffBenchSection({
      episodes: Number(values['handoff-episodes']),
      hours: Number(values['handoff-hours']),
      runs: Number(values['handoff-runs']),
    });
    console.log('');
    for (const line of lines) console.log(line);
  },
};

/** The sections, in order: another section is one more entry here. */
export const sections: readonly BenchSection[] = [render, bundle, cold, handoff];

const only = values.only?.split(',');
for (const section of sections) if (!only || only.includes(section.name)) await section.run();
