import type { HandoffEpisode } from '#rules';
import { alertRefsOf } from './alert-refs.ts';
import type { EpisodeHead } from './records.ts';

/** The head attributes a shift handoff reads (HANDOFF-1): identity, dates and the bounded state. */
export const HANDOFF_HEAD_ATTRIBUTES = [
  'id',
  'patientRef',
  'team',
  'status',
  'product',
  'infusionDate',
  'lymphodepletionStartDate',
  'createdAt',
  'timeline',
  'shiftCourse',
  'alertRefs',
] as const satisfies readonly (keyof EpisodeHead)[];

export type HandoffHead = Pick<EpisodeHead, (typeof HANDOFF_HEAD_ATTRIBUTES)[number]>;

/** What the handoff rules read of a head; a head written before its timeline was kept reads as empty. */
export const handoffEpisodeOf = (
  head: HandoffHead,
  emptyTimeline: () => NonNullable<EpisodeHead['timeline']>,
): HandoffEpisode => ({
  episodeId: head.id,
  patientRef: head.patientRef,
  product: head.product,
  infusionDate: head.infusionDate,
  lymphodepletionStartDate: head.lymphodepletionStartDate,
  timeline: head.timeline ?? emptyTimeline(),
  gradeChanges: head.shiftCourse ?? [],
  alerts: alertRefsOf(head as EpisodeHead).map((ref) => ({
    id: ref.id,
    escalationId: ref.escalationId,
    level: ref.level,
    raisedAt: ref.raisedAt,
    acknowledged: ref.acknowledged,
    text: ref.text,
  })),
});
