import { cite } from '../core/index.ts';
import { isIdeCel } from '../reference/index.ts';
import { messages } from './messages.ts';
import { missing, ruleResult, unknownResult } from './result.ts';
import type { EligibilityRuleResult } from './result.ts';
import type { ParsedEligibilityInput } from './schemas.ts';

export const KPS_MIN = 50;
export const ECOG_MAX = 2;

/**
 * ELIG-1 (§1.1①): KPS ≥ 50 or ECOG ≤ 2; either recorded scale meeting its threshold suffices.
 * Decision: when only one scale is recorded and it fails, the patient fails (the two thresholds
 * describe the same functional level: KPS 50 ≈ ECOG 2), rather than waiting for the other scale.
 * §2.3: a failed performance status is RELATIVE, not EXCLUDED, with no better treatment option or
 * with ide-cel (ABECMA has no performance-status requirement). When neither is established and
 * either is missing, the result is UNKNOWN naming what would decide it.
 */
export const checkPerformanceStatus = (
  input: Pick<ParsedEligibilityInput, 'kps' | 'ecog' | 'noBetterOption' | 'product'>,
): EligibilityRuleResult => {
  const { kps, ecog, noBetterOption, product } = input;
  const citation = cite('§1.1');
  if (kps === undefined && ecog === undefined) {
    return unknownResult('ELIG-1', ['kps', 'ecog'], messages.performanceStatusNeedsScore, citation);
  }
  const met = (kps !== undefined && kps >= KPS_MIN) || (ecog !== undefined && ecog <= ECOG_MAX);
  if (met) return ruleResult('ELIG-1', 'PASS', messages.performanceStatusMet(kps, ecog), citation);

  const notMet = messages.performanceStatusNotMet(kps, ecog);
  const relative = cite('§2.3');
  if (noBetterOption === true) {
    return ruleResult('ELIG-1', 'RELATIVE', notMet, relative, {
      advice: [messages.performanceStatusRelativeNoBetterOption],
    });
  }
  if (isIdeCel(product)) {
    return ruleResult('ELIG-1', 'RELATIVE', notMet, relative, {
      advice: [messages.performanceStatusRelativeIdeCel],
    });
  }
  const needs = missing({ noBetterOption, product });
  if (needs.length > 0) {
    return unknownResult('ELIG-1', needs, notMet, citation, {
      notes: [messages.performanceStatusNeedsContext],
    });
  }
  return ruleResult('ELIG-1', 'EXCLUDED', notMet, citation);
};
