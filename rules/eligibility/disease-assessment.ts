import { cite } from '../core/index.ts';
import { messages } from './messages.ts';
import { missing, ruleResult, unknownResult } from './result.ts';
import type { EligibilityRuleResult } from './result.ts';
import type { ParsedEligibilityInput } from './schemas.ts';

/**
 * ELIG-13 (§1.2): after a late relapse or prior BCMA-targeted therapy BCMA can be lost → test BCMA
 * and other targets (GPRC5D, CS1, CD19). WARN until the expression has been assessed, then INFO.
 */
export const checkDiseaseAssessment = (
  input: Pick<
    ParsedEligibilityInput,
    'lateRelapse' | 'priorBcmaTargetedTherapy' | 'targetExpressionAssessed'
  >,
): EligibilityRuleResult => {
  const { lateRelapse, priorBcmaTargetedTherapy, targetExpressionAssessed } = input;
  const citation = cite('§1.2');
  if (lateRelapse === true || priorBcmaTargetedTherapy === true) {
    const finding = messages.bcmaLossRisk(lateRelapse === true, priorBcmaTargetedTherapy === true);
    return targetExpressionAssessed === true
      ? ruleResult('ELIG-13', 'INFO', finding, citation, { notes: [messages.targetExpressionAssessed] })
      : ruleResult('ELIG-13', 'WARN', finding, citation, { advice: [messages.targetExpressionAdvice] });
  }
  if (lateRelapse === false && priorBcmaTargetedTherapy === false) {
    return ruleResult('ELIG-13', 'PASS', messages.noBcmaLossRisk, citation);
  }
  return unknownResult(
    'ELIG-13',
    missing({ lateRelapse, priorBcmaTargetedTherapy }),
    messages.bcmaLossRiskNeeded,
    citation,
  );
};
