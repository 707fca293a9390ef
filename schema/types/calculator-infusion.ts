import { checkInfusionTiming, infusionTimingInputSchema, type InfusionTimingOutcome } from '#rules';
import { builder } from '../builder.ts';
import { evaluationFields, type Evaluated, ruleCalculator } from './calculator-evaluation.ts';

/** The dates of an infusion-window check (INF-2, §5.2). */
export const InfusionWindowInput = builder
  .inputType('InfusionWindowInput', {
    description: 'The last lymphodepletion day and the (planned) CAR-T infusion day.',
    fields: (t) => ({
      lymphodepletionEndDate: t.field({
        type: 'Date',
        required: true,
        description: 'Last lymphodepletion day.',
      }),
      infusionDate: t.field({
        type: 'Date',
        required: true,
        description: 'Planned infusion day (after it).',
      }),
    }),
  })
  .validate(infusionTimingInputSchema);

const InfusionTimingStatusEnum = builder.enumType('InfusionTimingStatus', {
  description:
    'OK: 1–2 full days after lymphodepletion. EARLY: 0 days (warning). LATE: 3–7 days (warning). VIOLATION: more than 7 days.',
  values: ['OK', 'EARLY', 'LATE', 'VIOLATION'] as const,
});

export const InfusionWindowCheckType = builder
  .objectRef<Evaluated<InfusionTimingOutcome>>('InfusionWindowCheck')
  .implement({
    description: 'Whether the infusion falls 1–2 days after lymphodepletion, never more than 7 (INF-2).',
    fields: (t) => ({
      status: t.field({ type: InfusionTimingStatusEnum, resolve: (p) => p.evaluation.outcome.status }),
      fullDaysAfterLymphodepletion: t.int({
        description: 'Full days between the last lymphodepletion day and the infusion day.',
        resolve: (p) => p.evaluation.outcome.fullDaysAfterLymphodepletion,
      }),
      lymphodepletionEndDate: t.field({
        type: 'Date',
        resolve: (p) => p.evaluation.outcome.lymphodepletionEndDate,
      }),
      infusionDate: t.field({ type: 'Date', resolve: (p) => p.evaluation.outcome.infusionDate }),
      recommendedDates: t.field({
        type: ['Date'],
        description: 'The two infusion dates in the recommended window (1 and 2 full days after).',
        resolve: (p) => p.evaluation.outcome.recommendedDates,
      }),
      latestDate: t.field({
        type: 'Date',
        description: 'The last date that is not more than 7 days after.',
        resolve: (p) => p.evaluation.outcome.latestDate,
      }),
      ...evaluationFields(t),
    }),
  });

ruleCalculator('infusionWindow', {
  type: InfusionWindowCheckType,
  input: InfusionWindowInput,
  description:
    'Checks the CAR-T infusion date against the end of lymphodepletion (INF-2, §5.2). No login needed.',
  rule: (input) => checkInfusionTiming(input),
});
