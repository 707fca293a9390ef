import { cite } from '../core/index.ts';
import { messages } from './messages.ts';
import { ruleResult, unknownResult } from './result.ts';
import type { EligibilityRuleResult } from './result.ts';
import type { ParsedEligibilityInput } from './schemas.ts';

/** ELIG-12 (§2.3): foreign implants (catheters, prostheses, vena-cava filters) → WARN local and systemic infection risk. */
export const checkForeignImplants = (
  input: Pick<ParsedEligibilityInput, 'foreignImplants'>,
): EligibilityRuleResult => {
  const citation = cite('§2.3');
  const implants = input.foreignImplants;
  if (implants === undefined)
    return unknownResult('ELIG-12', ['foreignImplants'], messages.implantsNeeded, citation);
  const unique = [...new Set(implants)];
  return unique.length === 0
    ? ruleResult('ELIG-12', 'PASS', messages.noImplants, citation)
    : ruleResult('ELIG-12', 'WARN', messages.implantsPresent(unique), citation);
};
