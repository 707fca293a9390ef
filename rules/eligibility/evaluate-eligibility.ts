import { DEFAULT_RULES_CONFIG, buildEvaluation, parseInput } from '../core/index.ts';
import type { Driver, Note, Recommendation, RuleEvaluation, RulesConfig } from '../core/index.ts';
import { checkActiveInfection } from './active-infection.ts';
import { checkBilirubin } from './bilirubin.ts';
import { checkCardiacRisk } from './cardiac-risk.ts';
import { checkDiseaseAssessment } from './disease-assessment.ts';
import { checkExclusions } from './exclusions.ts';
import { checkExpectedSurvival } from './expected-survival.ts';
import { checkForeignImplants } from './foreign-implants.ts';
import { checkHepatitisB } from './hepatitis-b.ts';
import { checkLvef } from './lvef.ts';
import { checkOxygenSaturation } from './oxygen-saturation.ts';
import { checkPerformanceStatus } from './performance-status.ts';
import { checkRenalFunction } from './renal-function.ts';
import { overallOf } from './result.ts';
import type { EligibilityOutcome, EligibilityRuleResult } from './result.ts';
import { eligibilityInputSchema } from './schemas.ts';
import type { EligibilityInput } from './schemas.ts';
import { checkTransaminases } from './transaminases.ts';

/**
 * Pre-treatment eligibility (§1, §2.3): evaluates ELIG-1 to ELIG-13 and gives the overall outcome
 * (ELIGIBLE, ELIGIBLE_WITH_WARNINGS, NOT_ELIGIBLE or INCOMPLETE) with every rule's own result.
 * Drivers are the rules that did not simply pass; recommendations carry each rule's advice; notes
 * carry the Decisions (e.g. the bilirubin value the consensus prints). Invalid input throws
 * RulesInputError naming each bad field.
 */
export const evaluateEligibility = (
  input: EligibilityInput,
  config: RulesConfig = DEFAULT_RULES_CONFIG,
): RuleEvaluation<EligibilityOutcome> => {
  const parsed = parseInput(eligibilityInputSchema, input);
  const rules: EligibilityRuleResult[] = [
    checkPerformanceStatus(parsed),
    checkLvef(parsed),
    checkCardiacRisk(parsed),
    checkTransaminases(parsed),
    checkBilirubin(parsed, config),
    checkOxygenSaturation(parsed),
    checkActiveInfection(parsed),
    checkExpectedSurvival(parsed),
    checkExclusions(parsed),
    checkRenalFunction(parsed),
    checkHepatitisB(parsed),
    checkForeignImplants(parsed),
    checkDiseaseAssessment(parsed),
  ];
  const drivers: Driver[] = rules
    .filter((rule) => rule.status !== 'PASS')
    .map((rule) => ({ code: rule.status, ruleId: rule.ruleId, text: rule.text }));
  const recommendations: Recommendation[] = rules.flatMap((rule) =>
    rule.advice.map((text) => ({ ruleId: rule.ruleId, text, citation: rule.citation })),
  );
  const notes: Note[] = rules.flatMap((rule) => rule.notes.map((text) => ({ ruleId: rule.ruleId, text })));
  return buildEvaluation<EligibilityOutcome>(
    { overall: overallOf(rules), rules },
    { drivers, recommendations, notes, citations: rules.map((rule) => rule.citation) },
  );
};
