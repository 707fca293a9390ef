import { cite } from '../core/index.ts';
import { messages } from './messages.ts';
import { missing, ruleResult, unknownResult } from './result.ts';
import type { EligibilityRuleResult } from './result.ts';
import type { ParsedEligibilityInput } from './schemas.ts';

/**
 * ELIG-11 (§2.3, refs 22–26): HBsAg or HBcAb positive without active hepatitis → WARN with antiviral
 * prophylaxis and HBV DNA monitoring per the 2021 Chinese consensus. Active hepatitis B itself is an
 * ELIG-9 exclusion.
 */
export const checkHepatitisB = (
  input: Pick<ParsedEligibilityInput, 'hbsAgPositive' | 'hbcAbPositive'>,
): EligibilityRuleResult => {
  const { hbsAgPositive, hbcAbPositive } = input;
  const citation = cite('§2.3');
  if (hbsAgPositive === true || hbcAbPositive === true) {
    return ruleResult(
      'ELIG-11',
      'WARN',
      messages.hbvMarkerPositive(hbsAgPositive === true, hbcAbPositive === true),
      citation,
      {
        advice: [messages.hbvAdvice],
      },
    );
  }
  if (hbsAgPositive === false && hbcAbPositive === false)
    return ruleResult('ELIG-11', 'PASS', messages.hbvNegative, citation);
  return unknownResult('ELIG-11', missing({ hbsAgPositive, hbcAbPositive }), messages.hbvNeeded, citation);
};
