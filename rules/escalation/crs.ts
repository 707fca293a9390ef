/**
 * ESC-CRS2 and ESC-CRS3: CRS grade escalations (built on CRS-GRADE, §7.1 T3).
 * Both are rise-based: they fire on the grading that enters the state, so repeated identical
 * gradings do not raise them again.
 * - ESC-CRS2 "rises to 2 (including CRS-G6)": the current grade is 2 and the previous was below 2
 *   (no previous grading counts as 0). A fall from 3 to 2 is not a rise and does not fire.
 * - ESC-CRS3 "≥ 3": the current grade is ≥ 3 and the previous was below 3. Going from 3 to 4
 *   does not raise a second ESC-CRS3: the critical alert of that episode is already raised.
 */
import type { Grade } from '../crs/types.ts';
import { messages } from './messages.ts';
import { trigger } from './trigger.ts';
import type { EscalationTrigger } from './types.ts';

export type GradeChange = {
  /** The last grading before this one; null when this is the first. */
  readonly previousGrade: Grade | null;
  readonly currentGrade: Grade;
  /** The rule ids of the current grading's drivers, when known (e.g. CRS-G6). */
  readonly driverRuleIds?: readonly string[] | undefined;
};

/** Grade entered: the current grade is at or above `threshold` and the previous was below it. */
export const entered = (change: GradeChange, threshold: number): boolean =>
  change.currentGrade >= threshold && (change.previousGrade ?? 0) < threshold;

/**
 * ESC-CRS2 (urgent): CRS grade rises to 2, including a grade 2 from CRS-G6 (hypoxia requiring
 * oxygen on room air); when the drivers say so, the alert says to start oxygen and regrade.
 */
export const escalateCrsRiseTo2 = (change: GradeChange): EscalationTrigger | null => {
  if (change.currentGrade !== 2 || !entered(change, 2)) return null;
  return change.driverRuleIds?.includes('CRS-G6')
    ? trigger('ESC-CRS2', messages.crsRoseTo2RequiringOxygen, ['CRS-GRADE', 'CRS-G6'])
    : trigger('ESC-CRS2', messages.crsRoseTo2, ['CRS-GRADE']);
};

/** ESC-CRS3 (critical): CRS grade enters ≥ 3. */
export const escalateCrsGrade3 = (change: GradeChange): EscalationTrigger | null =>
  entered(change, 3)
    ? trigger('ESC-CRS3', messages.crsGrade3OrMore(change.currentGrade), ['CRS-GRADE'])
    : null;
