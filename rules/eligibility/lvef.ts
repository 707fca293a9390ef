import { cite } from '../core/index.ts';
import { isIdeCel } from '../reference/index.ts';
import { messages } from './messages.ts';
import { ruleResult, unknownResult } from './result.ts';
import type { EligibilityRuleResult } from './result.ts';
import type { ParsedEligibilityInput } from './schemas.ts';

/** ELIG-2 (§1.1②): LVEF ≥ 50 %. */
export const LVEF_MIN_PERCENT = 50;
/** ELIG-2 (§2.3): the bb2121 (ide-cel) trial required LVEF ≥ 45 %. */
export const LVEF_MIN_PERCENT_IDE_CEL = 45;

/**
 * ELIG-2: LVEF ≥ 50 %, or ≥ 45 % for ide-cel (KARMMA, ABECMA), and the result says that 45 % is
 * the bb2121 trial's criterion (§2.3, reported, not recommended) whenever it decides the result.
 * An LVEF in [45, 50) with no product given is UNKNOWN: the product decides it.
 */
export const checkLvef = (
  input: Pick<ParsedEligibilityInput, 'lvefPercent' | 'product'>,
): EligibilityRuleResult => {
  const { lvefPercent: lvef, product } = input;
  const citation = cite('§1.1');
  if (lvef === undefined) return unknownResult('ELIG-2', ['lvefPercent'], messages.lvefNeeded, citation);
  if (lvef >= LVEF_MIN_PERCENT)
    return ruleResult('ELIG-2', 'PASS', messages.lvefMet(lvef, LVEF_MIN_PERCENT), citation);
  if (lvef < LVEF_MIN_PERCENT_IDE_CEL) {
    return isIdeCel(product)
      ? ruleResult('ELIG-2', 'EXCLUDED', messages.lvefNotMet(lvef, LVEF_MIN_PERCENT_IDE_CEL), cite('§2.3'), {
          notes: [messages.lvefIdeCelThreshold],
        })
      : ruleResult('ELIG-2', 'EXCLUDED', messages.lvefNotMet(lvef, LVEF_MIN_PERCENT), citation);
  }
  if (product === undefined)
    return unknownResult('ELIG-2', ['product'], messages.lvefNeedsProduct(lvef), citation);
  if (isIdeCel(product)) {
    return ruleResult('ELIG-2', 'PASS', messages.lvefMet(lvef, LVEF_MIN_PERCENT_IDE_CEL), cite('§2.3'), {
      notes: [messages.lvefIdeCelThreshold],
    });
  }
  return ruleResult('ELIG-2', 'EXCLUDED', messages.lvefNotMet(lvef, LVEF_MIN_PERCENT), citation);
};
