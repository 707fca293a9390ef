import { crsAssessmentInputSchema, evaluateCrsAssessment, type Graded } from '#rules';
import { builder } from '../builder.ts';
import { missingInputError, type Requirement } from '../calculator-errors.ts';
import {
  evaluated,
  evaluationFields,
  languageArg,
  requestLanguage,
  type Evaluated,
} from './calculator-evaluation.ts';
import { OxygenSupportEnum, VasopressorEnum } from './observation-enums.ts';

/** Contract input CrsAssessmentInput (names, types and defaults as the contract), plus optional context. */
export const CrsAssessmentInput = builder
  .inputType('CrsAssessmentInput', {
    description: 'One CRS assessment (ASTCT 2019 grading, consensus §7.1 T3).',
    fields: (t) => ({
      temperatureCelsius: t.float({ description: 'Highest temperature in the assessment, 25–45 °C.' }),
      systolicBp: t.int({ description: 'Systolic blood pressure, mmHg (30–300).' }),
      spo2Percent: t.float({ description: 'Oxygen saturation, % (20–100).' }),
      hypotension: t.boolean({
        required: true,
        defaultValue: false,
        description: 'Hypotension present (true is implied by any vasopressor).',
      }),
      vasopressors: t.field({ type: [VasopressorEnum], required: true, defaultValue: [] }),
      oxygen: t.field({ type: OxygenSupportEnum, required: true, defaultValue: 'ROOM_AIR' }),
      oxygenFlowLpm: t.float({ description: 'Oxygen flow, L/min; required when oxygen is NASAL_CANNULA.' }),
      afterAnticytokineTherapy: t.boolean({
        required: true,
        defaultValue: false,
        description: 'Tocilizumab, steroids or antipyretics already given: fever is not required (CRS-G2).',
      }),
      organToxicity: t.boolean({
        required: true,
        defaultValue: false,
        description:
          'Organ toxicity recorded: graded separately (CTCAE), never changes the CRS grade (CRS-G4).',
      }),
      weightKg: t.float({
        description: 'Actual body weight, kg: gives tocilizumab and steroid doses in mg for this patient.',
      }),
      assessedAt: t.field({
        type: 'DateTime',
        description: 'When the assessment is made (when a tocilizumab dose would be given).',
      }),
      previousTocilizumabDoses: t.field({
        type: ['DateTime'],
        description: 'Tocilizumab doses already given in this episode: checks the TOCI limits.',
      }),
    }),
  })
  .validate(crsAssessmentInputSchema);

export const CrsGradingType = builder.objectRef<Evaluated<Graded>>('CrsGrading').implement({
  description: 'A CRS grade (ASTCT 2019), what set it, and the T4 management with its rule ids.',
  fields: (t) => ({
    grade: t.int({
      description: '0 = no CRS, 1–4 = ASTCT grade.',
      resolve: (p) => p.evaluation.outcome.grade,
    }),
    ...evaluationFields(t),
  }),
});

/** What CRS grading needs when the rules answer UNKNOWN (never a silent pass). */
const CRS_REQUIREMENTS: Readonly<Record<string, Requirement>> = {
  temperatureCelsius: {
    allowed:
      'given (between 25 and 45 °C) to grade CRS: fever (≥ 38.0 °C) is required unless afterAnticytokineTherapy is true (CRS-G1, CRS-G2)',
  },
  oxygenFlowLpm: {
    allowed:
      'given (between 0.1 and 80 L/min) when oxygen is NASAL_CANNULA (≤ 6 L/min is low flow, > 6 high flow)',
  },
};

builder.queryField('gradeCrs', (t) =>
  t.field({
    type: CrsGradingType,
    description: 'Grades CRS (ASTCT 2019, consensus §7.1 T3) and gives the T4 management. No login needed.',
    args: {
      input: t.arg({ type: CrsAssessmentInput, required: true }),
      language: languageArg(t),
    },
    resolve: (_root, args, context) => {
      const evaluation = evaluateCrsAssessment(args.input, context.rulesConfig);
      const { outcome } = evaluation;
      if (outcome.status === 'UNKNOWN') {
        throw missingInputError('input', outcome.needs, CRS_REQUIREMENTS, args.input);
      }
      return evaluated({ ...evaluation, outcome }, requestLanguage(args, context));
    },
  }),
);
