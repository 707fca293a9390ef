import type { EpisodeRecord } from './records.ts';

/**
 * When a record happened clinically (measured, assessed, collected, given, died), as entered; a
 * grading's or alert's own time for those. The sort key of every clinical record starts with it.
 */
export const clinicalTimeOf = (record: EpisodeRecord): string => {
  switch (record.kind) {
    case 'VITALS':
      return record.values.measuredAt;
    case 'NEURO':
      return record.values.assessedAt;
    case 'LAB':
      return record.values.collectedAt;
    case 'DOSE':
      return record.values.givenAt;
    case 'DEATH':
      return record.values.diedAt;
    case 'GRADING':
      return record.recordedAt;
    case 'ALERT':
      return record.raisedAt;
  }
};
