import { cite } from '../core/index.ts';
import type { LocalizedText } from '../core/index.ts';
import { messages } from './messages.ts';
import { missing, ruleResult, unknownResult } from './result.ts';
import type { ApheresisRuleId, ApheresisRuleResult } from './result.ts';
import type { ParsedApheresisInput } from './schemas.ts';

/** APH-1 (§3): HGB strictly above 80 g/L. */
export const HEMOGLOBIN_MIN_G_PER_L = 80;
/** APH-2 (§3): PLT strictly above 50 × 10⁹/L. */
export const PLATELETS_MIN_E9_PER_L = 50;
/** APH-3 (§3): absolute lymphocytes strictly above 500/µL, or CD3⁺ strictly above 150/µL. */
export const LYMPHOCYTES_MIN_PER_UL = 500;
export const CD3_MIN_PER_UL = 150;

/**
 * APH-1/APH-2: a count at or below its threshold is NOT_MET, or RELATIVE when the cytopenia is due
 * to disease progression (then not an absolute limit: weigh benefit and risk). When the cause is
 * not given the result is UNKNOWN, naming it.
 */
const countAbove = (
  ruleId: ApheresisRuleId,
  value: number | undefined,
  threshold: number,
  valueField: string,
  dueToProgression: boolean | undefined,
  causeField: string,
  text: { met: (v: number) => LocalizedText; notMet: (v: number) => LocalizedText; needed: LocalizedText },
): ApheresisRuleResult => {
  const citation = cite('§3');
  if (value === undefined) return unknownResult(ruleId, [valueField], text.needed, citation);
  if (value > threshold) return ruleResult(ruleId, 'PASS', text.met(value), citation);
  if (dueToProgression === true) {
    return ruleResult(ruleId, 'RELATIVE', text.notMet(value), citation, [messages.cytopeniaDueToProgression]);
  }
  if (dueToProgression === false) return ruleResult(ruleId, 'NOT_MET', text.notMet(value), citation);
  return unknownResult(ruleId, [causeField], messages.cytopeniaCauseNeeded, citation);
};

export const checkHemoglobin = (
  input: Pick<ParsedApheresisInput, 'hemoglobinGPerL' | 'anaemiaDueToProgression'>,
): ApheresisRuleResult =>
  countAbove(
    'APH-1',
    input.hemoglobinGPerL,
    HEMOGLOBIN_MIN_G_PER_L,
    'hemoglobinGPerL',
    input.anaemiaDueToProgression,
    'anaemiaDueToProgression',
    {
      met: messages.hemoglobinMet,
      notMet: messages.hemoglobinNotMet,
      needed: messages.hemoglobinNeeded,
    },
  );

export const checkPlatelets = (
  input: Pick<ParsedApheresisInput, 'plateletsE9PerL' | 'thrombocytopeniaDueToProgression'>,
): ApheresisRuleResult =>
  countAbove(
    'APH-2',
    input.plateletsE9PerL,
    PLATELETS_MIN_E9_PER_L,
    'plateletsE9PerL',
    input.thrombocytopeniaDueToProgression,
    'thrombocytopeniaDueToProgression',
    { met: messages.plateletsMet, notMet: messages.plateletsNotMet, needed: messages.plateletsNeeded },
  );

/**
 * APH-3: ALC > 500/µL or CD3⁺ > 150/µL; either suffices. The two are different measurements (CD3⁺
 * cells are a subset of lymphocytes), so one failing with the other missing is UNKNOWN.
 */
export const checkLymphocytes = (
  input: Pick<ParsedApheresisInput, 'lymphocytesPerUl' | 'cd3PerUl'>,
): ApheresisRuleResult => {
  const { lymphocytesPerUl, cd3PerUl } = input;
  const citation = cite('§3');
  const met =
    (lymphocytesPerUl !== undefined && lymphocytesPerUl > LYMPHOCYTES_MIN_PER_UL) ||
    (cd3PerUl !== undefined && cd3PerUl > CD3_MIN_PER_UL);
  if (met) return ruleResult('APH-3', 'PASS', messages.lymphocytesMet(lymphocytesPerUl, cd3PerUl), citation);
  if (lymphocytesPerUl === undefined || cd3PerUl === undefined) {
    return unknownResult(
      'APH-3',
      missing({ lymphocytesPerUl, cd3PerUl }),
      messages.lymphocytesNeeded,
      citation,
    );
  }
  return ruleResult('APH-3', 'NOT_MET', messages.lymphocytesNotMet(lymphocytesPerUl, cd3PerUl), citation);
};
