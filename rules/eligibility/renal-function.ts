import { cite } from '../core/index.ts';
import { messages } from './messages.ts';
import { ruleResult } from './result.ts';
import type { EligibilityRuleResult } from './result.ts';
import type { ParsedEligibilityInput } from './schemas.ts';

/**
 * ELIG-10 (§2.3): renal impairment is not a contraindication → INFO only, and the lowest tolerable
 * GFR / highest creatinine is still unknown. Decision: this rule can never exclude or warn, so a
 * missing renal status is INFO with the same statement, not UNKNOWN.
 */
export const checkRenalFunction = (
  input: Pick<ParsedEligibilityInput, 'renalImpairment'>,
): EligibilityRuleResult => {
  const citation = cite('§2.3');
  return input.renalImpairment === false
    ? ruleResult('ELIG-10', 'PASS', messages.noRenalImpairment, citation)
    : ruleResult('ELIG-10', 'INFO', messages.renalImpairmentInfo, citation);
};
