import { assessResponse, responseInputSchema, type ResponseOutcome } from '#rules';
import { builder } from '../builder.ts';
import { evaluationFields, withoutNulls, type Evaluated, ruleCalculator } from './calculator-evaluation.ts';

/** IMWG response categories (RESP-1), deepest first; SCR is sCR (GraphQL enum values are names). */
export const ResponseCategoryEnum = builder.enumType('ResponseCategory', {
  description: 'IMWG response category (RESP-1).',
  values: {
    SCR: { value: 'sCR', description: 'stringent complete response' },
    CR: { value: 'CR', description: 'complete response' },
    VGPR: { value: 'VGPR', description: 'very good partial response' },
    PR: { value: 'PR', description: 'partial response' },
    MR: { value: 'MR', description: 'minimal response' },
    SD: { value: 'SD', description: 'stable disease' },
    PD: { value: 'PD', description: 'progressive disease' },
  } as const,
});

/** A response assessment after CAR-T (RESP-1, §6). */
export const ResponseAssessmentInput = builder
  .inputType('ResponseAssessmentInput', {
    description: 'The response assessed and when (RESP-1). Omit the category for the timing only.',
    fields: (t) => ({
      category: t.field({ type: ResponseCategoryEnum }),
      infusionDate: t.field({ type: 'Date', description: 'Gives the MRD and best-response dates.' }),
      assessmentDate: t.field({ type: 'Date', description: 'On or after the infusion date.' }),
    }),
  })
  .validate(withoutNulls(responseInputSchema));

export const ResponseAssessmentType = builder
  .objectRef<Evaluated<ResponseOutcome>>('ResponseAssessment')
  .implement({
    description:
      'Response by IMWG and its timing (RESP-1): MRD by flow within about 1 month, best response possibly only at 6 months.',
    fields: (t) => ({
      category: t.field({
        type: ResponseCategoryEnum,
        nullable: true,
        resolve: (p) => p.evaluation.outcome.category,
      }),
      mrdAssessmentDate: t.field({
        type: 'Date',
        nullable: true,
        description:
          'Infusion + 1 month: most responders are MRD negative by then; null without the infusion date.',
        resolve: (p) => p.evaluation.outcome.mrdAssessmentDate,
      }),
      bestResponseByDate: t.field({
        type: 'Date',
        nullable: true,
        description:
          'Infusion + 6 months: the best response may take this long; null without the infusion date.',
        resolve: (p) => p.evaluation.outcome.bestResponseByDate,
      }),
      mayStillDeepen: t.boolean({
        nullable: true,
        description:
          'True: a response short of CR assessed before month 6 may still deepen; null when it cannot be said.',
        resolve: (p) => p.evaluation.outcome.mayStillDeepen,
      }),
      ...evaluationFields(t),
    }),
  });

ruleCalculator('responseAssessment', {
  type: ResponseAssessmentType,
  input: ResponseAssessmentInput,
  description:
    'Response after CAR-T by IMWG (sCR … PD) with its timing: MRD within about 1 month, best response by 6 months (RESP-1, §6). No login needed.',
  rule: (input) => assessResponse(input),
});
