import { collectEscalations, evaluateTocilizumabDose, type RulesConfig } from '#rules';
import type { DoseRecord } from '../records.ts';
import type { EpisodeState } from '../state.ts';
import type { Assessment } from './assessment.ts';
import { draftFrom } from './grading-draft.ts';

/**
 * A dose given is a fact and is always stored. A tocilizumab dose is checked against TOCI-1..4
 * with the doses given before it: given too soon, or beyond the 24-hour or total limit, it
 * raises ESC-TOCI.
 */
export const assessDose = (state: EpisodeState, record: DoseRecord, config: RulesConfig): Assessment => {
  if (record.values.drug !== 'TOCILIZUMAB') return { gradings: [], triggers: [] };
  const at = record.values.givenAt;
  const inputs = {
    weightKg: state.head.weightKg,
    at,
    previousDoses: state.doses
      .filter(
        (dose) =>
          dose.id !== record.id &&
          dose.values.drug === 'TOCILIZUMAB' &&
          Date.parse(dose.values.givenAt) <= Date.parse(at),
      )
      .map((dose) => dose.values.givenAt),
  };
  const check = evaluateTocilizumabDose(inputs, config);
  return {
    gradings: [draftFrom('TOCILIZUMAB', record.id, check, inputs)],
    triggers: collectEscalations({
      tocilizumab: { status: check.outcome.status, earliestNextDoseAt: check.outcome.earliestNextDoseAt },
    }),
  };
};
