/**
 * The full CRS evaluation: validation (zod), grading (the hot path), notes, and T4 management with
 * doses for this patient, in the RuleEvaluation envelope.
 */
import { DEFAULT_RULES_CONFIG, RULESET, parseInput, uniqueCitations } from '../core/index.ts';
import type { Citation, Note, RuleEvaluation, RulesConfig } from '../core/index.ts';
import { CRS_CITATIONS } from './citations.ts';
import { FEVER_THRESHOLD_CELSIUS, ROOM_AIR_SPO2_BELOW_PERCENT, gradeCrsFindings } from './grading.ts';
import { crsManagement } from './management.ts';
import { messages } from './messages.ts';
import { crsAssessmentInputSchema } from './schemas.ts';
import type { CrsAssessment } from './schemas.ts';
import type { CrsOutcome } from './types.ts';

const NOTES = {
  // CRS-G1: the Decision (≥ 38.0 °C) beside T3's printed "> 38 °C", whenever fever counted.
  feverThreshold: Object.freeze({ ruleId: 'CRS-G1', text: messages.feverThresholdT3 }),
  // CRS-G6: on room air SpO2 < 90 % requires oxygen (≥ 2 with fever or masking); regrade once started.
  spo2RoomAir: Object.freeze({ ruleId: 'CRS-G6', text: messages.spo2BelowRoomAir }),
  // CRS-T3 wording (CRS-GRADE): grade 3 follows ASTCT; T3 prints "one or no vasopressor" for it.
  grade3Wording: Object.freeze({ ruleId: 'CRS-GRADE', text: messages.grade3HypotensionT3 }),
  // CRS-G4: organ toxicity never changes the grade.
  organToxicity: Object.freeze({ ruleId: 'CRS-G4', text: messages.organToxicitySeparate }),
} as const;

/** Evaluates an already-validated assessment. */
export const evaluateCrsAssessment = (
  assessment: CrsAssessment,
  config: RulesConfig = DEFAULT_RULES_CONFIG,
): RuleEvaluation<CrsOutcome> => {
  const { outcome, drivers } = gradeCrsFindings(assessment);
  const management = outcome.status === 'GRADED' ? crsManagement(outcome.grade, assessment, config) : null;
  const notes: Note[] = [];
  const citations: Citation[] = [CRS_CITATIONS.grading, CRS_CITATIONS.astctGrading];

  if (outcome.status === 'GRADED' && outcome.grade === 3) notes.push(NOTES.grade3Wording);
  const temperature = assessment.temperatureCelsius;
  if (temperature != null && temperature >= FEVER_THRESHOLD_CELSIUS) notes.push(NOTES.feverThreshold);
  const spo2 = assessment.spo2Percent;
  if (assessment.oxygen === 'ROOM_AIR' && spo2 != null && spo2 < ROOM_AIR_SPO2_BELOW_PERCENT) {
    notes.push(NOTES.spo2RoomAir);
    citations.push(CRS_CITATIONS.section);
  }
  if (assessment.organToxicity) {
    notes.push(NOTES.organToxicity);
    citations.push(CRS_CITATIONS.organDamage);
  }
  if (management) {
    for (const note of management.notes) notes.push(note);
    for (const citation of management.citations) citations.push(citation);
  }
  return {
    outcome,
    drivers,
    recommendations: management ? management.recommendations : [],
    notes,
    citations: uniqueCitations(citations),
    ruleset: RULESET.ref,
  };
};

/**
 * Validates a CrsAssessmentInput and evaluates it. Throws RulesInputError naming every bad field
 * (field, allowed range, value received).
 */
export const evaluateCrs = (
  input: unknown,
  config: RulesConfig = DEFAULT_RULES_CONFIG,
): RuleEvaluation<CrsOutcome> => evaluateCrsAssessment(parseInput(crsAssessmentInputSchema, input), config);
