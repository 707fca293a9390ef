import type { CurrentGradings, EpisodeRecord, GradingRecord } from './records.ts';

const DOMAINS = ['CRS', 'ICANS'] as const;

/** A new episode: no grade yet, known from the head. */
export const NO_CURRENT_GRADINGS: CurrentGradings = { CRS: null, ICANS: null };

/**
 * The head's current gradings after a recording, as `latestGrade` would find them in the records:
 * the latest graded CRS (ICANS) grading of a vital-signs or neurological record by clinical time.
 * A record appended in clinical order is the latest: its graded grading replaces the kept one, and
 * a record without one keeps it. A correction or a re-fold (late entry) can bring back an older
 * grading the head does not hold: both are then unknown, and read from the records until the next
 * graded record.
 */
export const nextCurrentGradings = (
  previous: CurrentGradings | undefined,
  write: {
    readonly record: EpisodeRecord;
    readonly gradings: readonly GradingRecord[];
    readonly refolded: boolean;
  },
): CurrentGradings => {
  const { record, gradings, refolded } = write;
  if (refolded || ('correction' in record && record.correction !== undefined)) return {};
  const next: { CRS?: GradingRecord | null; ICANS?: GradingRecord | null } = { ...previous };
  if (record.kind !== 'VITALS' && record.kind !== 'NEURO') return next;
  for (const domain of DOMAINS) {
    const graded = gradings.filter((g) => g.domain === domain && g.grade !== null && g.basedOn === record.id);
    const latest = graded.at(-1);
    if (latest) next[domain] = latest;
  }
  return next;
};
