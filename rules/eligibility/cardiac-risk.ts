import { cite } from '../core/index.ts';
import { messages } from './messages.ts';
import { missing, ruleResult, unknownResult } from './result.ts';
import type { EligibilityRuleResult } from './result.ts';
import type { ParsedEligibilityInput } from './schemas.ts';

/**
 * ELIG-3 (§2.3): cardiac amyloidosis or atrial fibrillation raises the risk of cardiovascular events
 * during lymphodepletion and after infusion even with a normal LVEF → WARN, never a pass-through.
 */
export const checkCardiacRisk = (
  input: Pick<ParsedEligibilityInput, 'cardiacAmyloidosis' | 'atrialFibrillation'>,
): EligibilityRuleResult => {
  const { cardiacAmyloidosis, atrialFibrillation } = input;
  const citation = cite('§2.3');
  if (cardiacAmyloidosis === true || atrialFibrillation === true) {
    return ruleResult(
      'ELIG-3',
      'WARN',
      messages.cardiacRiskPresent(cardiacAmyloidosis === true, atrialFibrillation === true),
      citation,
    );
  }
  if (cardiacAmyloidosis === false && atrialFibrillation === false) {
    return ruleResult('ELIG-3', 'PASS', messages.cardiacRiskAbsent, citation);
  }
  return unknownResult(
    'ELIG-3',
    missing({ cardiacAmyloidosis, atrialFibrillation }),
    messages.cardiacRiskNeeded,
    citation,
  );
};
