import { cite } from '../core/index.ts';
import { messages } from './messages.ts';
import { ruleResult, unknownResult } from './result.ts';
import type { EligibilityRuleResult } from './result.ts';
import type { ParsedEligibilityInput } from './schemas.ts';

/** ELIG-8 (§1.1④): expected survival strictly more than 12 weeks. */
export const EXPECTED_SURVIVAL_MIN_WEEKS = 12;

export const checkExpectedSurvival = (
  input: Pick<ParsedEligibilityInput, 'expectedSurvivalWeeks'>,
): EligibilityRuleResult => {
  const citation = cite('§1.1');
  const weeks = input.expectedSurvivalWeeks;
  if (weeks === undefined)
    return unknownResult('ELIG-8', ['expectedSurvivalWeeks'], messages.survivalNeeded, citation);
  return weeks > EXPECTED_SURVIVAL_MIN_WEEKS
    ? ruleResult('ELIG-8', 'PASS', messages.survivalMet(weeks), citation)
    : ruleResult('ELIG-8', 'EXCLUDED', messages.survivalNotMet(weeks), citation);
};
