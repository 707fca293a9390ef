import { DEFAULT_RULES_CONFIG, PRINTED_VALUES, cite } from '../core/index.ts';
import type { LocalizedText, RulesConfig } from '../core/index.ts';
import { messages } from './messages.ts';
import { ruleResult, unknownResult } from './result.ts';
import type { EligibilityRuleResult } from './result.ts';
import type { ParsedEligibilityInput } from './schemas.ts';

/** 1 mg/dL of bilirubin is 17.1 µmol/L. */
export const BILIRUBIN_UMOL_PER_L_PER_MG_PER_DL = 17.1;

/**
 * Total bilirubin in µmol/L, rounded to 0.01 µmol/L so that a conversion from mg/dL carries no
 * floating-point noise into the comparison (2.0 mg/dL is exactly 34.2 µmol/L).
 */
export const bilirubinUmolPerL = (
  bilirubin: NonNullable<ParsedEligibilityInput['totalBilirubin']>,
): number =>
  bilirubin.unit === 'UMOL_PER_L'
    ? bilirubin.value
    : Math.round(bilirubin.value * BILIRUBIN_UMOL_PER_L_PER_MG_PER_DL * 100) / 100;

/**
 * ELIG-5 (§1.1②, Decision): total bilirubin strictly below config.bilirubinMaxUmolPerL (default
 * 34.2 µmol/L = 2.0 mg/dL). The consensus prints "< 0.2 g/L" (= 342 µmol/L), almost certainly a
 * unit misprint; every result states the printed value beside the one used.
 */
export const checkBilirubin = (
  input: Pick<ParsedEligibilityInput, 'totalBilirubin'>,
  config: RulesConfig = DEFAULT_RULES_CONFIG,
): EligibilityRuleResult => {
  const citation = cite('§1.1');
  const limit = config.bilirubinMaxUmolPerL;
  const printed = messages.bilirubinPrintedValue(limit, PRINTED_VALUES.bilirubinMax);
  const bilirubin = input.totalBilirubin;
  if (bilirubin === undefined) {
    return unknownResult('ELIG-5', ['totalBilirubin'], messages.bilirubinNeeded, citation, {
      notes: [printed],
    });
  }
  const value = bilirubinUmolPerL(bilirubin);
  const notes: LocalizedText[] = [
    ...(bilirubin.unit === 'MG_PER_DL' ? [messages.bilirubinConverted(bilirubin.value, value)] : []),
    printed,
  ];
  return value < limit
    ? ruleResult('ELIG-5', 'PASS', messages.bilirubinMet(value, limit), citation, { notes })
    : ruleResult('ELIG-5', 'EXCLUDED', messages.bilirubinNotMet(value, limit), citation, { notes });
};
