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
const NO_WARNINGS: readonly IcansWarning[] = Object.freeze([]);
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
  const warnings: readonly IcansWarning[] = assessment.movementDisorderSigns
    ? [MOVEMENT_DISORDER_WARNING]
    : NO_WARNINGS;
  const g = graded.outcome;
  const outcome: IcansOutcome =
    g.status === 'GRADED'
      ? { status: g.status, grade: g.grade, iceScore: g.iceScore, warnings }
      : { status: g.status, needs: g.needs, iceScore: g.iceScore, atLeastGrade: g.atLeastGrade, warnings };
  const drivers: readonly Driver[] = assessment.movementDisorderSigns
    ? [...graded.drivers, ICANS_DRIVERS.movementDisorderSigns]
    : graded.drivers;
  const recommendations: Recommendation[] = [];
  const notes: Note[] = [];
  const citations: Citation[] =
    assessment.ice != null
      ? [ICANS_CITATIONS.astctIce, ICANS_CITATIONS.astctGrading, ICANS_CITATIONS.section]
      : [ICANS_CITATIONS.astctGrading, ICANS_CITATIONS.section];

  if (g.status === 'GRADED') {
    const management = icansManagement(g.grade, assessment.concurrentCrsGrade, assessment, config);
    for (const recommendation of management.recommendations) recommendations.push(recommendation);
    for (const note of management.notes) notes.push(note);
    for (const citation of management.citations) citations.push(citation);
  } else {
    notes.push({ ruleId: 'ICANS-GRADE', text: messages.needsIce(g.atLeastGrade) });
  }
  // ICANS-1: evaluation beyond consciousness, speech and writing whenever neurotoxicity is present or not yet excluded.
  if (g.status !== 'GRADED' || g.grade > 0) recommendations.push(EVALUATION);
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
