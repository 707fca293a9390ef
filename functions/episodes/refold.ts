import {
  compareKeys,
  emptyTimeline,
  foldTimeline,
  sortKeyOf,
  type SortKey,
  type StepResult,
  type TimelineContext,
  type TimelineRecord,
  type TimelineState,
} from '#rules';
import type { EpisodeHead, EpisodeRecord } from './records.ts';
import type { EpisodeRepository } from './repository.ts';
import { toTimelineRecord } from './timeline.ts';

/**
 * A re-fold for a record entered late or a correction (EPI-4): from the latest valid snapshot
 * before the change, over the clinical records since (two range Queries), never the whole course.
 * Cost grows with how far back the change reaches, not with the length of the course.
 */
export type Refold = {
  readonly state: TimelineState;
  readonly steps: readonly StepResult[];
  /** How many stored records were graded again after the change. */
  readonly regraded: number;
};

const EPOCH = '1970-01-01T00:00:00.000Z';

/** The current clinical records of the range (superseded and retractions left out), as the fold reads them. */
const currentOf = (
  records: readonly EpisodeRecord[],
  superseded: ReadonlySet<string>,
  after: SortKey | null,
): TimelineRecord[] => {
  const out: TimelineRecord[] = [];
  for (const record of records) {
    if (superseded.has(record.id)) continue;
    if ('correction' in record && record.correction?.retracted) continue;
    const converted = toTimelineRecord(record);
    if (converted === null) continue;
    if (after !== null && compareKeys(sortKeyOf(converted), after) <= 0) continue;
    out.push(converted);
  }
  return out;
};

/**
 * The timeline from just before `fromIso` with the change applied: `added` records folded in,
 * `superseded` record ids left out. `until`, when given, stops before that key (the state a late
 * dose is checked against).
 */
export const refold = async (
  repository: EpisodeRepository,
  head: EpisodeHead,
  context: TimelineContext,
  change: {
    readonly fromIso: string;
    readonly added: readonly EpisodeRecord[];
    readonly superseded: readonly string[];
    readonly until?: SortKey;
  },
): Promise<Refold> => {
  const snapshot = await repository.snapshotBefore(head.id, change.fromIso, head.refolds ?? []);
  const start = snapshot?.state ?? emptyTimeline();
  const range = await repository.clinicalSince(head.id, start.last?.at ?? EPOCH);
  const superseded = new Set([...range.superseded, ...change.superseded]);
  const stored = currentOf(range.records, superseded, start.last);
  const added = currentOf(change.added, superseded, start.last);
  const all = [...stored, ...added].filter(
    (record) => change.until === undefined || compareKeys(sortKeyOf(record), change.until) < 0,
  );
  const fold = foldTimeline(all, context, start);
  const addedIds = new Set(change.added.map((r) => r.id));
  const fromMs = Date.parse(change.fromIso);
  return {
    state: fold.state,
    steps: fold.steps,
    regraded: fold.steps.filter((s) => !addedIds.has(s.record.id) && Date.parse(s.record.at) >= fromMs)
      .length,
  };
};
