import { cite } from '../core/index.ts';
import { messages } from './messages.ts';
import { ruleResult, unknownResult } from './result.ts';
import type { EligibilityRuleResult } from './result.ts';
import type { ParsedEligibilityInput } from './schemas.ts';

/**
 * ELIG-7 (§1.1③): no active infection. An active infection excludes for now; the advice is to
 * control it (screening and control per §7.3) and reassess.
 */
export const checkActiveInfection = (
  input: Pick<ParsedEligibilityInput, 'activeInfection'>,
): EligibilityRuleResult => {
  const citation = cite('§1.1');
  if (input.activeInfection === undefined) {
    return unknownResult('ELIG-7', ['activeInfection'], messages.activeInfectionNeeded, citation);
  }
  return input.activeInfection
    ? ruleResult('ELIG-7', 'EXCLUDED', messages.activeInfection, citation, {
        advice: [messages.activeInfectionAdvice],
      })
    : ruleResult('ELIG-7', 'PASS', messages.noActiveInfection, citation);
};
