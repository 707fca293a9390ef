import { cite } from '../core/index.ts';
import { messages } from './messages.ts';
import { missing, ruleResult, unknownResult } from './result.ts';
import type { ApheresisRuleResult } from './result.ts';
import type { ParsedApheresisInput } from './schemas.ts';

/** APH-4 (§3): the usual yield is (60–600) × 10⁶/kg. */
export const USUAL_YIELD_E6_PER_KG = { min: 60, max: 600 } as const;

/** APH-4: information; with a recorded yield, whether it lies in the usual range (bounds inclusive). */
export const checkYield = (input: Pick<ParsedApheresisInput, 'collectedE6PerKg'>): ApheresisRuleResult => {
  const citation = cite('§3');
  const value = input.collectedE6PerKg;
  if (value === undefined) return ruleResult('APH-4', 'INFO', messages.usualYield, citation);
  const within = value >= USUAL_YIELD_E6_PER_KG.min && value <= USUAL_YIELD_E6_PER_KG.max;
  return ruleResult(
    'APH-4',
    'INFO',
    within ? messages.yieldWithinUsual(value) : messages.yieldOutsideUsual(value),
    citation,
  );
};

/** APH-6 (§3): prior bendamustine or fludarabine → WARN higher risk of autologous manufacturing failure. */
export const checkManufacturingRisk = (
  input: Pick<ParsedApheresisInput, 'priorBendamustine' | 'priorFludarabine'>,
): ApheresisRuleResult => {
  const { priorBendamustine, priorFludarabine } = input;
  const citation = cite('§3');
  if (priorBendamustine === true || priorFludarabine === true) {
    return ruleResult(
      'APH-6',
      'WARN',
      messages.manufacturingFailureRisk(priorBendamustine === true, priorFludarabine === true),
      citation,
    );
  }
  if (priorBendamustine === false && priorFludarabine === false) {
    return ruleResult('APH-6', 'PASS', messages.noManufacturingRisk, citation);
  }
  return unknownResult(
    'APH-6',
    missing({ priorBendamustine, priorFludarabine }),
    messages.manufacturingRiskNeeded,
    citation,
  );
};

/**
 * APH-7 (§3): high-risk patients, or those who will need lenalidomide, may have lymphocytes
 * collected early and stored → INFO. Decision: this is an optional suggestion, so with the flags
 * missing it is given as general information rather than UNKNOWN.
 */
export const checkEarlyCollection = (
  input: Pick<ParsedApheresisInput, 'highRisk' | 'needsLenalidomide'>,
): ApheresisRuleResult => {
  const citation = cite('§3');
  if (input.highRisk === false && input.needsLenalidomide === false) {
    return ruleResult('APH-7', 'PASS', messages.earlyCollectionNotIndicated, citation);
  }
  if (input.highRisk === true || input.needsLenalidomide === true) {
    const finding = messages.earlyCollectionIndicated(
      input.highRisk === true,
      input.needsLenalidomide === true,
    );
    return ruleResult('APH-7', 'INFO', finding, citation, [messages.earlyCollection]);
  }
  return ruleResult('APH-7', 'INFO', messages.earlyCollection, citation);
};
