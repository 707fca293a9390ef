import { cite, joinText } from '../core/index.ts';
import { messages } from './messages.ts';
import { missing, ruleResult, unknownResult } from './result.ts';
import type { EligibilityRuleResult } from './result.ts';
import type { ParsedEligibilityInput } from './schemas.ts';

/** ELIG-4 (§1.1②): ALT and AST each < 3 × the institution's upper limit of normal. */
export const TRANSAMINASE_ULN_MULTIPLE = 3;

/** 3 × ULN without floating-point noise (3 × 33.3 = 99.9, not 99.89999999999999). */
export const transaminaseLimit = (uln: number): number =>
  Math.round(TRANSAMINASE_ULN_MULTIPLE * uln * 1e6) / 1e6;

/**
 * ELIG-4: each of ALT and AST must be strictly below 3 × its ULN. One value at or above its limit
 * excludes even when the other is missing; otherwise a missing value or ULN is UNKNOWN.
 */
export const checkTransaminases = (
  input: Pick<ParsedEligibilityInput, 'altUPerL' | 'altUlnUPerL' | 'astUPerL' | 'astUlnUPerL'>,
): EligibilityRuleResult => {
  const citation = cite('§1.1');
  const tests = [
    { name: 'ALT' as const, value: input.altUPerL, uln: input.altUlnUPerL },
    { name: 'AST' as const, value: input.astUPerL, uln: input.astUlnUPerL },
  ];
  const failures = tests.flatMap((test) =>
    test.value !== undefined && test.uln !== undefined && test.value >= transaminaseLimit(test.uln)
      ? [messages.transaminaseNotMet(test.name, test.value, transaminaseLimit(test.uln))]
      : [],
  );
  if (failures.length > 0) return ruleResult('ELIG-4', 'EXCLUDED', joinText(failures), citation);
  const { altUPerL, altUlnUPerL, astUPerL, astUlnUPerL } = input;
  if (
    altUPerL === undefined ||
    altUlnUPerL === undefined ||
    astUPerL === undefined ||
    astUlnUPerL === undefined
  ) {
    const needs = missing({ altUPerL, altUlnUPerL, astUPerL, astUlnUPerL });
    return unknownResult('ELIG-4', needs, messages.transaminasesNeeded, citation);
  }
  return ruleResult(
    'ELIG-4',
    'PASS',
    messages.transaminasesMet(
      altUPerL,
      astUPerL,
      transaminaseLimit(altUlnUPerL),
      transaminaseLimit(astUlnUPerL),
    ),
    citation,
  );
};
