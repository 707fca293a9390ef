import type { Driver, Unknown } from '../core/index.ts';

/** ASTCT grades as computed: 0 = none, 1–4. Grade 5 (death) is recorded, never computed. */
export const GRADES = [0, 1, 2, 3, 4] as const;
export type Grade = (typeof GRADES)[number];

/** A grading that could be made. */
export type Graded = { readonly status: 'GRADED'; readonly grade: Grade };

/** CRS grading outcome: a grade, or UNKNOWN naming the input it needs (never a silent pass). */
export type CrsOutcome = Graded | Unknown;

/** What a hot-path grader returns: the outcome and the (pre-built, constant) drivers that set it. */
export type GradeResult<TOutcome> = { readonly outcome: TOutcome; readonly drivers: readonly Driver[] };
