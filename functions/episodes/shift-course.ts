import { emptyTimeline, nextGradeChanges, type ShiftGradeChange, type TimelineState } from '#rules';
import type { EpisodeHead } from './records.ts';

/**
 * The head's `shiftCourse` after a write (HANDOFF-1): the CRS and ICANS grade changes of the last
 * 24 h and the one before them, at most MAX_GRADE_CHANGES entries (24 per syndrome), from the
 * timeline's state before and after the write. A re-fold from `refoldFrom` replaces the changes
 * from that time on with the grade the re-folded timeline ends with.
 */
export const nextShiftCourse = (
  head: EpisodeHead,
  after: TimelineState,
  now: string,
  refoldFrom?: string,
): ShiftGradeChange[] =>
  nextGradeChanges(head.shiftCourse, head.timeline ?? emptyTimeline(), after, now, refoldFrom);
