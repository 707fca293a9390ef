import { cite, joinText } from '../core/index.ts';
import { messages } from './messages.ts';
import { ruleResult, unknownResult } from './result.ts';
import type { EligibilityRuleResult } from './result.ts';
import type { ParsedEligibilityInput } from './schemas.ts';

/**
 * ELIG-9 (§1.1): the exclusions. Any listed flag excludes; [] confirms none applies; a missing
 * list is UNKNOWN (an unchecked exclusion is never a silent pass).
 */
export const checkExclusions = (input: Pick<ParsedEligibilityInput, 'exclusions'>): EligibilityRuleResult => {
  const citation = cite('§1.1');
  const exclusions = input.exclusions;
  if (exclusions === undefined)
    return unknownResult('ELIG-9', ['exclusions'], messages.exclusionsNeeded, citation);
  const unique = [...new Set(exclusions)];
  if (unique.length === 0) return ruleResult('ELIG-9', 'PASS', messages.noExclusion, citation);
  return ruleResult(
    'ELIG-9',
    'EXCLUDED',
    joinText(unique.map((exclusion) => messages.exclusion(exclusion))),
    citation,
  );
};
