import {
  localize,
  lymphodepletionMessages,
  lymphodepletionPlanInputSchema,
  planLymphodepletion,
  regimenOf,
  type LymphodepletionDay,
  type LymphodepletionDose,
  type LymphodepletionPlan,
} from '#rules';
import { builder } from '../builder.ts';
import { evaluationFields, type Evaluated, ruleCalculator } from './calculator-evaluation.ts';
import { LymphodepletionProductEnum, LymphodepletionRegimenType } from './reference-data.ts';
import type { Localized } from './rule-output.ts';

/** Contract input LymphodepletionPlanInput. */
export const LymphodepletionPlanInput = builder
  .inputType('LymphodepletionPlanInput', {
    description: 'A product and a patient for a lymphodepletion plan (consensus §4, T2).',
    fields: (t) => ({
      product: t.field({ type: LymphodepletionProductEnum, required: true }),
      heightCm: t.float({ required: true, description: 'Height, cm (100–250).' }),
      weightKg: t.float({ required: true, description: 'Actual body weight, kg (20–350).' }),
      infusionDate: t.field({
        type: 'Date',
        required: true,
        description: 'Planned CAR-T infusion date (day 0).',
      }),
    }),
  })
  .validate(lymphodepletionPlanInputSchema);

const LymphodepletionDoseType = builder
  .objectRef<Localized<LymphodepletionDose>>('LymphodepletionDose')
  .implement({
    description: 'One drug dose on one lymphodepletion day.',
    fields: (t) => ({
      drug: t.string({ description: '"fludarabine" or "cyclophosphamide".', resolve: (p) => p.value.drug }),
      drugName: t.string({
        description: 'The drug name in the requested language.',
        resolve: (p) => localize(lymphodepletionMessages.drug(p.value.drug), p.language),
      }),
      doseMg: t.float({
        description: 'mg for this patient, rounded to 0.1 mg.',
        resolve: (p) => p.value.doseMg,
      }),
      basis: t.string({
        description: 'The regimen dose, e.g. "30 mg/m²" or "20 mg/kg".',
        resolve: (p) => p.value.basis,
      }),
      arithmetic: t.string({
        description: 'The arithmetic in the requested language, e.g. "30 mg/m² × 1.79 m² = 53.7 mg".',
        resolve: (p) => localize(p.value.arithmetic, p.language),
      }),
    }),
  });

const LymphodepletionDayType = builder
  .objectRef<Localized<LymphodepletionDay>>('LymphodepletionDay')
  .implement({
    description: 'One calendar day of lymphodepletion with its doses.',
    fields: (t) => ({
      day: t.int({
        description: 'Relative to CAR-T infusion (day 0), e.g. -5.',
        resolve: (p) => p.value.day,
      }),
      date: t.field({ type: 'Date', resolve: (p) => p.value.date }),
      doses: t.field({
        type: [LymphodepletionDoseType],
        description: 'Fludarabine before cyclophosphamide, as table 2 lists them.',
        resolve: (p) => p.value.doses.map((value) => ({ value, language: p.language })),
      }),
    }),
  });

export const LymphodepletionPlanType = builder
  .objectRef<Evaluated<LymphodepletionPlan>>('LymphodepletionPlan')
  .implement({
    description: 'The lymphodepletion plan of a product for a planned infusion date (LD-1, LD-2).',
    fields: (t) => ({
      product: t.field({ type: LymphodepletionProductEnum, resolve: (p) => p.evaluation.outcome.product }),
      bodySurfaceAreaM2: t.float({
        description:
          'Mosteller √(height cm × weight kg / 3600), rounded to 2 decimals; the value every m² dose uses.',
        resolve: (p) => p.evaluation.outcome.bodySurfaceAreaM2,
      }),
      days: t.field({
        type: [LymphodepletionDayType],
        description: 'Only the days with a dose, earliest first.',
        resolve: (p) => p.evaluation.outcome.days.map((value) => ({ value, language: p.language })),
      }),
      regimen: t.field({
        type: LymphodepletionRegimenType,
        description: 'The table 2 regimen the plan follows.',
        resolve: (p) => ({ regimen: regimenOf(p.evaluation.outcome.product), language: p.language }),
      }),
      ...evaluationFields(t),
    }),
  });

ruleCalculator('lymphodepletionPlan', {
  type: LymphodepletionPlanType,
  input: LymphodepletionPlanInput,
  description:
    'Lymphodepletion doses in mg per calendar day for a product and patient (§4, T2). No login needed.',
  rule: (input) => planLymphodepletion(input),
});
