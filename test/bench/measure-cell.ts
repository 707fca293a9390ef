/**
 * One benchmark cell: an operation repeated against the local system, bounded by a sample count
 * and a time budget, with its DynamoDB calls counted on the first samples.
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

export const measureCell = async (
  system: BenchSystem,
  bounds: CellBounds,
  operation: (i: number) => Promise<Sample>,
): Promise<CellResult> => {
  const started = performance.now();
  const latencies: number[] = [];
  const request: CallSummary[] = [];
  const consumer: CallSummary[] = [];
  let failures = 0;
  let firstProblem: string | undefined;
  for (let i = 0; i < bounds.samples; i += 1) {
    if (i >= bounds.minSamples && performance.now() - started >= bounds.budgetMs) break;
    const counted = i < bounds.counted;
    if (counted) await system.settled();
    const before = system.recorder.calls.length;
    const sample = await operation(i);
    if (counted) {
      const answered = system.recorder.calls.length;
      await system.settled();
      request.push(summariseCalls(system.recorder.calls.slice(before, answered)));
      consumer.push(summariseCalls(system.recorder.calls.slice(answered)));
    }
    latencies.push(sample.ms);
    if (sample.problem !== undefined) {
      failures += 1;
      firstProblem ??= sample.problem;
    }
  }
  return {
    latency: summarise(latencies),
    over3s: latencies.filter((latency) => latency > SLACK_DEADLINE_MS).length,
    request,
    consumer,
    failures,
    firstProblem,
    elapsedMs: performance.now() - started,
  };
};

/** The largest of the counted samples' figure (the counts of one operation differ only by what a record raises). */
export const mostOf = (summaries: readonly CallSummary[], pick: (summary: CallSummary) => number): number =>
  summaries.length === 0 ? Number.NaN : Math.max(...summaries.map(pick));
