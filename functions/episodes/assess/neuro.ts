import {
  collectEscalations,
  evaluateIcansAssessment,
  icansAssessmentInputSchema,
  type RulesConfig,
} from '#rules';
import type { NeuroRecord } from '../records.ts';
import { latestGrade, tocilizumabDosesUntil, type EpisodeState } from '../state.ts';
import type { Assessment } from './assessment.ts';
import { asGrade, draftFrom } from './grading-draft.ts';

/**
 * Grades a neuro assessment (state already includes it): ICE and ICANS (ASTCT) with T5 management
 * for the concurrent CRS (the latest CRS grade at that time), tocilizumab advice within the TOCI
 * limits of this episode's doses; escalations ESC-ICANS3 and ESC-ICANS2 (with CRS ≥ 2).
 */
export const assessNeuro = (state: EpisodeState, record: NeuroRecord, config: RulesConfig): Assessment => {
  const n = record.values;
  const at = n.assessedAt;
  const crs = asGrade(latestGrade(state, 'CRS', at)?.grade ?? null);
  const previousIcans = asGrade(latestGrade(state, 'ICANS', at)?.grade ?? null);
  const inputs = icansAssessmentInputSchema.parse({
    ice: n.ice ?? null,
    consciousness: n.consciousness,
    seizure: n.seizure,
    deepFocalMotorWeakness: n.deepFocalMotorWeakness,
    cerebralEdema: n.cerebralEdema,
    concurrentCrsGrade: crs ?? 0,
    movementDisorderSigns: n.movementDisorderSigns,
    weightKg: state.head.weightKg,
    assessedAt: at,
    previousTocilizumabDoses: tocilizumabDosesUntil(state, at),
  });
  const icans = evaluateIcansAssessment(inputs, config);
  const triggers =
    icans.outcome.status === 'GRADED'
      ? collectEscalations({
          icansGrades: { previousGrade: previousIcans, currentGrade: icans.outcome.grade },
          ...(crs !== null ? { crsGrades: { previousGrade: crs, currentGrade: crs } } : {}),
        })
      : [];
  return { gradings: [draftFrom('ICANS', record.id, icans, inputs)], triggers };
};
