/**
 * HANDOFF-1: the CRS and ICANS grade changes an episode keeps for its handoff, a small bounded list
 * kept by every write from the timeline's state before and after it. Pure: `now` is an argument.
 *
 * Bound: per syndrome, the changes of the last 24 h (a shift lasts at most 24 h) plus the latest
 * change before them (the grade the window starts from), at most GRADE_CHANGES_PER_DOMAIN per
 * syndrome (the newest), so at most 2 × GRADE_CHANGES_PER_DOMAIN entries on a head.
 */
import { instantMs } from '../core/index.ts';
import type { CurrentGrade, TimelineState } from '../timeline/state.ts';

export const GRADE_CHANGE_DOMAINS = ['CRS', 'ICANS'] as const;
export type GradeChangeDomain = (typeof GRADE_CHANGE_DOMAINS)[number];

/** A syndrome's current grade from `at` (the clinical time of the record that set it). */
export type ShiftGradeChange = {
  readonly domain: GradeChangeDomain;
  readonly grade: number;
  /** EPI-2: false when the record was incomplete and the grade is a lower bound. */
  readonly complete: boolean;
  readonly at: string;
};

export const GRADE_CHANGE_WINDOW_HOURS = 24;
export const GRADE_CHANGES_PER_DOMAIN = 24;
export const MAX_GRADE_CHANGES = GRADE_CHANGES_PER_DOMAIN * GRADE_CHANGE_DOMAINS.length;

const WINDOW_MS = GRADE_CHANGE_WINDOW_HOURS * 3_600_000;

const currentOf = (state: TimelineState, domain: GradeChangeDomain): CurrentGrade | null =>
  domain === 'CRS' ? state.crs : state.icans;

const byTime = (a: ShiftGradeChange, b: ShiftGradeChange): number => instantMs(a.at) - instantMs(b.at);

/** One syndrome's changes, bounded: the window's newest ones and the last one before the window. */
const bounded = (changes: readonly ShiftGradeChange[], nowMs: number): ShiftGradeChange[] => {
  const sorted = [...changes].sort(byTime);
  const inWindow = sorted.filter((c) => instantMs(c.at) > nowMs - WINDOW_MS);
  const before = sorted.filter((c) => instantMs(c.at) <= nowMs - WINDOW_MS).at(-1);
  const kept = [...(before ? [before] : []), ...inWindow];
  return kept.slice(-GRADE_CHANGES_PER_DOMAIN);
};

/**
 * The changes after a write: a syndrome whose current grade (or its completeness) differs after the
 * write from before it gets a new entry at the grading record's time. A re-fold (a late entry or a
 * correction from `refoldFrom` on) drops the entries from that time on and keeps the grade the
 * re-folded timeline ends with: the course since a corrected record shows its current grade only.
 */
export const nextGradeChanges = (
  previous: readonly ShiftGradeChange[] | undefined,
  before: TimelineState,
  after: TimelineState,
  now: string,
  refoldFrom?: string,
): ShiftGradeChange[] => {
  const nowMs = instantMs(now);
  const fromMs = refoldFrom === undefined ? undefined : instantMs(refoldFrom);
  const result: ShiftGradeChange[] = [];
  for (const domain of GRADE_CHANGE_DOMAINS) {
    const own = (previous ?? [])
      .filter((c) => c.domain === domain)
      .filter((c) => fromMs === undefined || instantMs(c.at) < fromMs)
      .sort(byTime);
    const was = own.at(-1);
    const current = currentOf(after, domain);
    const prior = currentOf(before, domain);
    // After a re-fold the kept entries are the reference; otherwise the grade before the write.
    const reference = fromMs !== undefined ? was : (prior ?? undefined);
    const next =
      current !== null && (reference?.grade !== current.grade || reference.complete !== current.complete)
        ? [...own, { domain, grade: current.grade, complete: current.complete, at: current.at }]
        : own;
    result.push(...bounded(next, nowMs));
  }
  return result;
};

/** HANDOFF-1: a syndrome's course over a window: the grade it started from and the changes in it. */
export type GradeCourse = {
  readonly domain: GradeChangeDomain;
  /** The grade at the window's start (the last change at or before it); null when none was kept. */
  readonly start: ShiftGradeChange | null;
  /** Changes inside (start, end], oldest first, repeats of the same grade folded. */
  readonly changes: readonly ShiftGradeChange[];
  /** The current grade at the window's end; null when never graded. */
  readonly current: ShiftGradeChange | null;
};

export const gradeCourse = (
  changes: readonly ShiftGradeChange[],
  domain: GradeChangeDomain,
  startIso: string,
  endIso: string,
): GradeCourse => {
  const startMs = instantMs(startIso);
  const endMs = instantMs(endIso);
  const own = changes.filter((c) => c.domain === domain && instantMs(c.at) <= endMs).sort(byTime);
  const start = own.filter((c) => instantMs(c.at) <= startMs).at(-1) ?? null;
  const inside: ShiftGradeChange[] = [];
  let last = start;
  for (const change of own.filter((c) => instantMs(c.at) > startMs)) {
    if (last !== null && last.grade === change.grade && last.complete === change.complete) continue;
    inside.push(change);
    last = change;
  }
  return { domain, start, changes: inside, current: last };
};
