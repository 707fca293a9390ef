/**
 * The full ICANS evaluation: validation (zod), ICE score and grading (the hot path), ICANS-1
 * evaluation advice and movement-disorder warning, and T5 management with doses for this patient,
 * in the RuleEvaluation envelope.
 */
import { DEFAULT_RULES_CONFIG, RULESET, parseInput, uniqueCitations } from '../core/index.ts';
import type {
  Citation,
  Driver,
  LocalizedText,
  Note,
  Recommendation,
  RuleEvaluation,
  RulesConfig,
} from '../core/index.ts';
import { ICANS_CITATIONS } from './citations.ts';
import { ICANS_DRIVERS } from './drivers.ts';
import { gradeIcansFindings } from './grading.ts';
import type { IcansGradeOutcome } from './grading.ts';
import { icansManagement } from './management.ts';
import { messages } from './messages.ts';
import { icansAssessmentInputSchema } from './schemas.ts';
import type { IcansAssessment } from './schemas.ts';

/** A rule result that needs attention without changing the grade (ICANS-1: parkinsonism). */
export type IcansWarning = {
  readonly level: 'WARN';
  readonly ruleId: 'ICANS-1';
  readonly text: LocalizedText;
};
export type IcansOutcome = IcansGradeOutcome & { readonly warnings: readonly IcansWarning[] };

const MOVEMENT_DISORDER_WARNING: IcansWarning = Object.freeze({
  level: 'WARN',
  ruleId: 'ICANS-1',
  text: messages.movementDisorderWarning,
});
const EVALUATION: Recommendation = Object.freeze({
  ruleId: 'ICANS-1',
  text: messages.evaluation,
  citation: ICANS_CITATIONS.section,
});
const WARNING_RECOMMENDATION: Recommendation = Object.freeze({
  ruleId: 'ICANS-1',
  text: messages.movementDisorderWarning,
  citation: ICANS_CITATIONS.section,
});

/** Evaluates an already-validated assessment. */
export const evaluateIcansAssessment = (
  assessment: IcansAssessment,
  config: RulesConfig = DEFAULT_RULES_CONFIG,
): RuleEvaluation<IcansOutcome> => {
  const graded = gradeIcansFindings(assessment);
  const warnings = assessment.movementDisorderSigns ? [MOVEMENT_DISORDER_WARNING] : [];
  const outcome: IcansOutcome = { ...graded.outcome, warnings };
  const drivers: readonly Driver[] = assessment.movementDisorderSigns
    ? [...graded.drivers, ICANS_DRIVERS.movementDisorderSigns]
    : graded.drivers;
  const recommendations: Recommendation[] = [];
  const notes: Note[] = [];
  const citations: Citation[] = [ICANS_CITATIONS.astctGrading, ICANS_CITATIONS.section];
  if (assessment.ice != null) citations.unshift(ICANS_CITATIONS.astctIce);

  if (graded.outcome.status === 'GRADED') {
    const management = icansManagement(
      graded.outcome.grade,
      assessment.concurrentCrsGrade,
      assessment,
      config,
    );
    recommendations.push(...management.recommendations);
    notes.push(...management.notes);
    citations.push(...management.citations);
  } else {
    notes.push({ ruleId: 'ICANS-GRADE', text: messages.needsIce(graded.outcome.atLeastGrade) });
  }
  // ICANS-1: evaluation beyond consciousness, speech and writing whenever neurotoxicity is present or not yet excluded.
  if (graded.outcome.status !== 'GRADED' || graded.outcome.grade > 0) recommendations.push(EVALUATION);
  if (assessment.movementDisorderSigns) recommendations.push(WARNING_RECOMMENDATION);
  return {
    outcome,
    drivers,
    recommendations,
    notes,
    citations: uniqueCitations(citations),
    ruleset: RULESET.ref,
  };
};

/**
 * Validates an IcansAssessmentInput and evaluates it. Throws RulesInputError naming every bad field
 * (field, allowed range, value received).
 */
export const evaluateIcans = (
  input: unknown,
  config: RulesConfig = DEFAULT_RULES_CONFIG,
): RuleEvaluation<IcansOutcome> =>
  evaluateIcansAssessment(parseInput(icansAssessmentInputSchema, input), config);
