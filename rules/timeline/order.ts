/**
 * The timeline's one order: clinical time, then kind (vitals and neuro before the doses given at
 * the same minute, a death last), then record id. Records that share a timestamp therefore fold
 * the same whatever order they arrived in.
 */
import { instantMs } from '../core/index.ts';
import type { TimelineRecord } from './records.ts';
import type { TimelineState } from './state.ts';

const RANK: Readonly<Record<TimelineRecord['kind'], number>> = { VITALS: 0, NEURO: 1, DOSE: 2, DEATH: 3 };

export type SortKey = { readonly at: string; readonly rank: number; readonly id: string };

export const sortKeyOf = (record: TimelineRecord): SortKey => ({
  at: new Date(instantMs(record.at)).toISOString(),
  rank: RANK[record.kind],
  id: record.id,
});

export const compareKeys = (a: SortKey, b: SortKey): number =>
  instantMs(a.at) - instantMs(b.at) || a.rank - b.rank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export const compareRecords = (a: TimelineRecord, b: TimelineRecord): number =>
  compareKeys(sortKeyOf(a), sortKeyOf(b));

/**
 * True when `record` sorts after everything the state has folded, so `step` can append it; a
 * record that sorts earlier (entered late, or a correction) needs a re-fold from its time.
 */
export const appendsTo = (state: TimelineState, record: TimelineRecord): boolean =>
  state.last === null || compareKeys(state.last, sortKeyOf(record)) < 0;
