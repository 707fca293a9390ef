import { buildEvaluation, cite, parseInput } from '../core/index.ts';
import type { RuleEvaluation } from '../core/index.ts';
import { messages } from './messages.ts';
import { lymphodepletionRegimenInputSchema } from './schemas.ts';
import type { LymphodepletionRegimenInput } from './schemas.ts';

/** RECOMMENDED: Flu/Cy. ALTERNATIVE: Cy alone. NOT_IN_CONSENSUS: anything else (a warning). */
export type RegimenAssessment = 'RECOMMENDED' | 'ALTERNATIVE' | 'NOT_IN_CONSENSUS';

/** LD-1 (§4): fludarabine + cyclophosphamide is recommended; cyclophosphamide alone is an alternative. */
export const assessLymphodepletionRegimen = (
  input: LymphodepletionRegimenInput,
): RuleEvaluation<RegimenAssessment> => {
  const { fludarabine, cyclophosphamide } = parseInput(lymphodepletionRegimenInputSchema, input);
  const assessment: RegimenAssessment = cyclophosphamide
    ? fludarabine
      ? 'RECOMMENDED'
      : 'ALTERNATIVE'
    : 'NOT_IN_CONSENSUS';
  const citation = cite('§4');
  return buildEvaluation(assessment, {
    drivers: [{ code: assessment, ruleId: 'LD-1', text: messages.regimenAssessment(assessment) }],
    recommendations:
      assessment === 'RECOMMENDED' ? [] : [{ ruleId: 'LD-1', text: messages.fluCyRecommended, citation }],
    citations: [citation],
  });
};
