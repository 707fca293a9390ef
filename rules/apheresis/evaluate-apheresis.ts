import { buildEvaluation, cite, parseInput } from '../core/index.ts';
import type { Driver, Recommendation, RuleEvaluation } from '../core/index.ts';
import { checkEarlyCollection, checkManufacturingRisk, checkYield } from './advice.ts';
import { checkHemoglobin, checkLymphocytes, checkPlatelets } from './blood-counts.ts';
import { messages } from './messages.ts';
import { overallOf, ruleResult, unknownResult } from './result.ts';
import type { ApheresisOverall, ApheresisRuleResult } from './result.ts';
import { apheresisInputSchema } from './schemas.ts';
import type { ApheresisInput, ParsedApheresisInput } from './schemas.ts';
import { checkWashout } from './washout.ts';
import type { WashoutOutcome } from './washout.ts';

export type ApheresisOutcome = {
  readonly overall: ApheresisOverall;
  /** APH-1 … APH-7 in order. */
  readonly rules: readonly ApheresisRuleResult[];
  /** APH-5 detail; null when the last doses were not given. */
  readonly washout: WashoutOutcome | null;
};

/**
 * APH-5 as a rule result: NOT_MET when a planned collection falls inside a washout, PASS when it
 * respects all, INFO with the earliest collection when none is planned, UNKNOWN without the doses.
 */
const washoutResult = (
  input: ParsedApheresisInput,
): { result: ApheresisRuleResult; washout: RuleEvaluation<WashoutOutcome> | null } => {
  const citation = cite('§3');
  if (input.lastDoses === undefined) {
    return { result: unknownResult('APH-5', ['lastDoses'], messages.washoutNeeded, citation), washout: null };
  }
  const washout = checkWashout({
    lastDoses: input.lastDoses,
    ...(input.plannedCollectionAt === undefined ? {} : { plannedCollectionAt: input.plannedCollectionAt }),
  });
  const { earliestCollectionAt, status } = washout.outcome;
  const text =
    earliestCollectionAt === null
      ? messages.noWashoutRecorded
      : messages.earliestCollection(earliestCollectionAt);
  // The first washout recommendation is the earliest collection itself (the text); the rest name each washout not met.
  const advice = washout.recommendations.slice(1).map((r) => r.text);
  const result =
    status === 'NOT_MET'
      ? ruleResult('APH-5', 'NOT_MET', text, citation, advice)
      : ruleResult('APH-5', status === 'MET' ? 'PASS' : 'INFO', text, citation, advice);
  return { result, washout };
};

/**
 * Lymphocyte collection (§3): APH-1 … APH-7 with an overall READY, READY_WITH_WARNINGS, NOT_READY
 * or INCOMPLETE, and the washout schedule (APH-5). Invalid input throws RulesInputError.
 */
export const evaluateApheresis = (input: ApheresisInput): RuleEvaluation<ApheresisOutcome> => {
  const parsed = parseInput(apheresisInputSchema, input);
  const { result: washout, washout: washoutEvaluation } = washoutResult(parsed);
  const rules: ApheresisRuleResult[] = [
    checkHemoglobin(parsed),
    checkPlatelets(parsed),
    checkLymphocytes(parsed),
    checkYield(parsed),
    washout,
    checkManufacturingRisk(parsed),
    checkEarlyCollection(parsed),
  ];
  const drivers: Driver[] = [
    ...rules
      .filter((rule) => rule.status !== 'PASS')
      .map((rule) => ({ code: rule.status, ruleId: rule.ruleId, text: rule.text })),
    ...(washoutEvaluation?.drivers ?? []),
  ];
  const recommendations: Recommendation[] = rules.flatMap((rule) =>
    rule.advice.map((text) => ({ ruleId: rule.ruleId, text, citation: rule.citation })),
  );
  return buildEvaluation<ApheresisOutcome>(
    { overall: overallOf(rules), rules, washout: washoutEvaluation?.outcome ?? null },
    {
      drivers,
      recommendations,
      notes: washoutEvaluation?.notes ?? [],
      citations: rules.map((rule) => rule.citation),
    },
  );
};
