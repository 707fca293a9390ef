import { collectEscalations, gradeCytopenias, immunoglobulinAdvice, type RulesConfig } from '#rules';
import type { LabRecord } from '../records.ts';
import type { EpisodeState } from '../state.ts';
import type { Assessment } from './assessment.ts';
import { draftFrom, type GradingDraft } from './grading-draft.ts';

/**
 * Lab results: IgG advice (IG-1..4; IVIG for IG-2/IG-3 raises ESC-IGG) with the monthly IgG
 * checks from the infusion date, and cytopenia grades (CYTO-1; grade 3–4 neutropenia: INFX-4).
 */
export const assessLab = (state: EpisodeState, record: LabRecord, _config: RulesConfig): Assessment => {
  const lab = record.values;
  const gradings: GradingDraft[] = [];
  let triggers: Assessment['triggers'] = [];
  if (lab.iggGPerL != null) {
    const inputs = {
      igGGPerL: lab.iggGPerL,
      ...(lab.infection != null ? { infection: lab.infection } : {}),
      ...(state.head.infusionDate ? { infusionDate: state.head.infusionDate } : {}),
    };
    const advice = immunoglobulinAdvice(inputs);
    gradings.push(draftFrom('IMMUNOGLOBULIN', record.id, advice, inputs));
    if (advice.outcome.status === 'IVIG')
      triggers = collectEscalations({ igg: { igRuleId: advice.outcome.ruleId } });
  }
  const counts = {
    ...(lab.ancE9PerL != null ? { ancE9PerL: lab.ancE9PerL } : {}),
    ...(lab.plateletsE9PerL != null ? { plateletsE9PerL: lab.plateletsE9PerL } : {}),
    ...(lab.haemoglobinGPerL != null ? { hemoglobinGPerL: lab.haemoglobinGPerL } : {}),
  };
  if (Object.keys(counts).length > 0) {
    const cytopenia = gradeCytopenias(counts);
    gradings.push(
      draftFrom(
        'CYTOPENIA',
        record.id,
        cytopenia,
        counts,
        cytopenia.outcome.severe ? 'SEVERE' : 'NOT_SEVERE',
      ),
    );
  }
  return { gradings, triggers };
};
