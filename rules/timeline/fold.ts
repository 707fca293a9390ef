/**
 * Folding a course: every current record (EPI-4) from a starting state, in the timeline's order.
 * The result is the same whatever order records with the same timestamp arrived in.
 */
import type { StepResult } from './derivation.ts';
import { compareRecords } from './order.ts';
import type { TimelineRecord } from './records.ts';
import { emptyTimeline, type TimelineState } from './state.ts';
import { step, type TimelineContext } from './step.ts';

export type Fold = { readonly state: TimelineState; readonly steps: readonly StepResult[] };

export const foldTimeline = (
  records: readonly TimelineRecord[],
  context: TimelineContext,
  from: TimelineState = emptyTimeline(),
): Fold => {
  const ordered = [...records].sort(compareRecords);
  const steps: StepResult[] = [];
  let state = from;
  for (const record of ordered) {
    const result = step(state, record, context);
    steps.push(result);
    state = result.state;
  }
  return { state, steps };
};
