import type { LocalizedText } from '../core/index.ts';
import { CLINICAL_CITATIONS, ESCALATION_CITATION, ESCALATION_LEVEL } from './levels.ts';
import type { EscalationId, EscalationTrigger } from './types.ts';

/** Builds a fired trigger: level from the escalation table, citations of the row and the clinical rule. */
export const trigger = (
  id: EscalationId,
  text: LocalizedText,
  sourceRuleIds: readonly string[],
): EscalationTrigger => ({
  id,
  level: ESCALATION_LEVEL[id],
  text,
  sourceRuleIds,
  citations: [ESCALATION_CITATION, ...CLINICAL_CITATIONS[id]],
});
