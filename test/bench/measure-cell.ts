/**
 * Benchmark cells: operations repeated against the local system, side by side, bounded by a sample
 * count and a time budget, with their DynamoDB calls counted on the first samples.
 */
import type { BenchSystem } from './bench-system.ts';
import { summariseCalls, type CallSummary } from './dynamodb-recorder.ts';
import { summarise, type Summary } from './stats.ts';

/** Slack shows an error to the user when a command's answer takes longer. */
export const SLACK_DEADLINE_MS = 3000;

/** One call of the operation: its latency, and why it failed if it did. */
export type Sample = { readonly ms: number; readonly problem: string | undefined };

export type CellBounds = {
  /** At most this many samples. */
  readonly samples: number;
  /** At least this many, even over the time budget. */
  readonly minSamples: number;
  /** Stop once this much time has passed (and minSamples are taken). */
  readonly budgetMs: number;
  /** The first samples whose DynamoDB calls are counted (each waits for the stream consumer before and after). */
  readonly counted: number;
};

export type CellResult = {
  readonly latency: Summary;
  /** Calls made while the request was in flight, per counted sample. */
  readonly request: readonly CallSummary[];
  /** Calls the stream consumer made afterwards (alert delivery), per counted sample. */
  readonly consumer: readonly CallSummary[];
  readonly failures: number;
  /** Samples slower than Slack's 3 seconds. */
  readonly over3s: number;
  readonly firstProblem: string | undefined;
  readonly elapsedMs: number;
};

type Accumulator = {
  readonly latencies: number[];
  readonly request: CallSummary[];
  readonly consumer: CallSummary[];
  failures: number;
  firstProblem: string | undefined;
  elapsedMs: number;
};

const takeSample = async (
  system: BenchSystem,
  into: Accumulator,
  counted: boolean,
  operation: () => Promise<Sample>,
): Promise<void> => {
  const started = performance.now();
  if (counted) await system.settled();
  const before = system.recorder.calls.length;
  const sample = await operation();
  if (counted) {
    const answered = system.recorder.calls.length;
    await system.settled();
    into.request.push(summariseCalls(system.recorder.calls.slice(before, answered)));
    into.consumer.push(summariseCalls(system.recorder.calls.slice(answered)));
  }
  into.latencies.push(sample.ms);
  if (sample.problem !== undefined) {
    into.failures += 1;
    into.firstProblem ??= sample.problem;
  }
  into.elapsedMs += performance.now() - started;
};

/**
 * Several cells measured side by side: each round takes one sample of every cell, in an order that
 * rotates from round to round, so a slow moment of the machine or of DynamoDB Local (its JIT, its
 * garbage collector, a table that grew meanwhile) falls on all of them alike instead of on whichever
 * cell happened to run then. The time budget is the cells' budgets added up.
 */
export const measureInterleaved = async (
  system: BenchSystem,
  bounds: CellBounds,
  operations: readonly ((i: number) => Promise<Sample>)[],
): Promise<CellResult[]> => {
  const started = performance.now();
  const cells: Accumulator[] = operations.map(() => ({
    latencies: [],
    request: [],
    consumer: [],
    failures: 0,
    firstProblem: undefined,
    elapsedMs: 0,
  }));
  for (let i = 0; i < bounds.samples; i += 1) {
    if (i >= bounds.minSamples && performance.now() - started >= bounds.budgetMs * operations.length) break;
    for (let k = 0; k < operations.length; k += 1) {
      const index = (i + k) % operations.length;
      const operation = operations[index];
      const cell = cells[index];
      if (operation && cell) await takeSample(system, cell, i < bounds.counted, () => operation(i));
    }
  }
  return cells.map((cell) => ({
    latency: summarise(cell.latencies),
    over3s: cell.latencies.filter((latency) => latency > SLACK_DEADLINE_MS).length,
    request: cell.request,
    consumer: cell.consumer,
    failures: cell.failures,
    firstProblem: cell.firstProblem,
    elapsedMs: cell.elapsedMs,
  }));
};

/** The largest of the counted samples' figure (the counts of one operation differ only by what a record raises). */
export const mostOf = (summaries: readonly CallSummary[], pick: (summary: CallSummary) => number): number =>
  summaries.length === 0 ? Number.NaN : Math.max(...summaries.map(pick));
