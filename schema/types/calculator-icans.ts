import { evaluateIcansAssessment, icansAssessmentInputSchema, type IcansOutcome } from '#rules';
import { builder } from '../builder.ts';
import { missingInputError } from '../calculator-errors.ts';
import {
  evaluated,
  evaluationFields,
  languageArg,
  requestLanguage,
  type Evaluated,
} from './calculator-evaluation.ts';
import { CerebralEdemaEnum, ConsciousnessEnum, IceScoreInput, SeizureEnum } from './observation-enums.ts';

/** Contract input IcansAssessmentInput (names, types and defaults as the contract), plus optional context. */
export const IcansAssessmentInput = builder
  .inputType('IcansAssessmentInput', {
    description: 'One ICANS assessment (ASTCT 2019, consensus §7.2).',
    fields: (t) => ({
      ice: t.field({ type: IceScoreInput, description: 'Omit when the patient cannot be assessed.' }),
      consciousness: t.field({ type: ConsciousnessEnum, required: true, defaultValue: 'NORMAL' }),
      seizure: t.field({ type: SeizureEnum, required: true, defaultValue: 'NONE' }),
      deepFocalMotorWeakness: t.boolean({ required: true, defaultValue: false }),
      cerebralEdema: t.field({ type: CerebralEdemaEnum, required: true, defaultValue: 'NONE' }),
      concurrentCrsGrade: t.int({
        required: true,
        defaultValue: 0,
        description: 'Concurrent CRS grade 0–4 (T5 adds tocilizumab with concurrent CRS).',
      }),
      movementDisorderSigns: t.boolean({
        required: true,
        defaultValue: false,
        description: 'Movement-disorder (parkinsonism) signs recorded: a warning (ICANS-1).',
      }),
      weightKg: t.float({ description: 'Actual body weight, kg: gives doses in mg for this patient.' }),
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
  .validate(icansAssessmentInputSchema);

type IcansGraded = Extract<IcansOutcome, { readonly status: 'GRADED' }>;

export const IcansGradingType = builder.objectRef<Evaluated<IcansGraded>>('IcansGrading').implement({
  description: 'An ICANS grade (ASTCT 2019), what set it, and the T5 management with its rule ids.',
  fields: (t) => ({
    grade: t.int({
      description: '0 = no ICANS, 1–4 = ASTCT grade.',
      resolve: (p) => p.evaluation.outcome.grade,
    }),
    iceScore: t.int({
      nullable: true,
      description: 'ICE score 0–10; null when the patient could not be assessed.',
      resolve: (p) => p.evaluation.outcome.iceScore,
    }),
    ...evaluationFields(t),
  }),
});

const atLeast = (grade: number): string =>
  grade === 0 ? 'no other finding so far' : `the other findings give at least grade ${grade}`;

builder.queryField('gradeIcans', (t) =>
  t.field({
    type: IcansGradingType,
    description: 'Grades ICANS (ASTCT 2019, consensus §7.2) and gives the T5 management. No login needed.',
    args: {
      input: t.arg({ type: IcansAssessmentInput, required: true }),
      language: languageArg(t),
    },
    resolve: (_root, args, context) => {
      const evaluation = evaluateIcansAssessment(args.input, context.rulesConfig);
      const { outcome } = evaluation;
      if (outcome.status === 'UNKNOWN') {
        // ICANS-GRADE: without the ICE score only an unarousable patient or a grade ≥ 3 finding decides.
        throw missingInputError(
          'input',
          outcome.needs,
          {
            ice: {
              allowed: `given (the five ICE tasks) to grade ICANS: ${atLeast(outcome.atLeastGrade)}, and only an unarousable patient or a grade ≥ 3 finding decides without it`,
            },
          },
          args.input,
        );
      }
      return evaluated({ ...evaluation, outcome }, requestLanguage(args, context));
    },
  }),
);
