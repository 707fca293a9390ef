import { buildEvaluation, cite, parseInput } from '../core/index.ts';
import type { RuleEvaluation } from '../core/index.ts';
import { messages } from './messages.ts';
import { organToxicityInputSchema } from './schemas.ts';
import type { Organ, OrganToxicityInput } from './schemas.ts';

export type OrganToxicityOutcome = {
  readonly organs: readonly Organ[];
  /** Heart or gastrointestinal tract involved: the highest-risk organ toxicities (§7.5). */
  readonly highestRisk: boolean;
};

/**
 * ORG-1 (§7.5): organ toxicity during CRS (heart and gastrointestinal bleeding riskiest) is managed
 * per the NCCN immunotherapy-toxicity guideline and graded separately: it does not change the CRS grade.
 */
export const organToxicityAdvice = (input: OrganToxicityInput = {}): RuleEvaluation<OrganToxicityOutcome> => {
  const organs = [...new Set(parseInput(organToxicityInputSchema, input).organs ?? [])];
  const citation = cite('§7.5');
  const highestRisk = organs.includes('CARDIAC') || organs.includes('GASTROINTESTINAL');
  return buildEvaluation<OrganToxicityOutcome>(
    { organs, highestRisk },
    {
      drivers:
        organs.length > 0
          ? [
              {
                code: highestRisk ? 'highest-risk-organ' : 'organ',
                ruleId: 'ORG-1',
                text: messages.organInvolved(organs),
              },
            ]
          : [],
      recommendations: [
        { ruleId: 'ORG-1', text: messages.highestRiskOrgans, citation },
        { ruleId: 'ORG-1', text: messages.nccnOrganToxicity, citation },
      ],
      notes: [{ ruleId: 'ORG-1', text: messages.organToxicitySeparate }],
      citations: [citation],
    },
  );
};
