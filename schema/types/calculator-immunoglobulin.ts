import { immunoglobulinAdvice, immunoglobulinInputSchema, type ImmunoglobulinOutcome } from '#rules';
import { builder } from '../builder.ts';
import { evaluationFields, withoutNulls, type Evaluated, ruleCalculator } from './calculator-evaluation.ts';

/** Serum IgG after CAR-T (IG-1 … IG-4, §7.4). */
export const ImmunoglobulinInput = builder
  .inputType('ImmunoglobulinInput', {
    description: 'Serum IgG and infection status after CAR-T (§7.4). Omit what is not known.',
    fields: (t) => ({
      igGGPerL: t.float({ description: 'Serum IgG, g/L (0–60).' }),
      infection: t.boolean({
        description: 'Concurrent infection; decides between IG-3/IG-4 and monitoring.',
      }),
      infusionDate: t.field({
        type: 'Date',
        description: 'CAR-T infusion date: gives the IG-1 monthly IgG dates.',
      }),
    }),
  })
  .validate(withoutNulls(immunoglobulinInputSchema));

const ImmunoglobulinStatusEnum = builder.enumType('ImmunoglobulinStatus', {
  description:
    'IVIG: replacement (IG-2: IgG < 4 g/L; IG-3: 4–6 g/L with infection). EVALUATE_IMMUNOGLOBULINS_AND_B_CELLS: IgG > 6 g/L with infection (IG-4). MONITOR: monthly IgG (IG-1). UNKNOWN: input missing.',
  values: ['IVIG', 'EVALUATE_IMMUNOGLOBULINS_AND_B_CELLS', 'MONITOR', 'UNKNOWN'] as const,
});

export const ImmunoglobulinAdviceType = builder
  .objectRef<Evaluated<ImmunoglobulinOutcome>>('ImmunoglobulinAdvice')
  .implement({
    description: 'What to do about the IgG level after CAR-T (IG-1 … IG-4).',
    fields: (t) => ({
      status: t.field({ type: ImmunoglobulinStatusEnum, resolve: (p) => p.evaluation.outcome.status }),
      ruleId: t.string({
        description: 'The rule that decided: IG-2, IG-3, IG-4, or IG-1 (monitoring only).',
        resolve: (p) => p.evaluation.outcome.ruleId,
      }),
      needs: t.stringList({
        description: 'Input fields needed to decide; non-empty exactly when the status is UNKNOWN.',
        resolve: (p) => p.evaluation.outcome.needs,
      }),
      monitoringDates: t.field({
        type: ['Date'],
        nullable: true,
        description: 'IG-1: monthly IgG dates for the first 3 months; null without the infusion date.',
        resolve: (p) => p.evaluation.outcome.monitoringDates,
      }),
      ...evaluationFields(t),
    }),
  });

ruleCalculator('immunoglobulinAdvice', {
  type: ImmunoglobulinAdviceType,
  input: ImmunoglobulinInput,
  description: 'IgG advice after CAR-T: IVIG, further evaluation or monitoring (§7.4). No login needed.',
  rule: (input) => immunoglobulinAdvice(input),
});
