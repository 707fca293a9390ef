import {
  TOCILIZUMAB_STATUSES,
  evaluateTocilizumabDose,
  tocilizumabDoseInputSchema,
  type TocilizumabDoseCheck,
} from '#rules';
import { builder } from '../builder.ts';
import { evaluationFields, type Evaluated, ruleCalculator } from './calculator-evaluation.ts';

/** Contract enum TocilizumabStatus; precedence MAX_TOTAL_REACHED > MAX_24H_REACHED > TOO_SOON > ALLOWED. */
export const TocilizumabStatusEnum = builder.enumType('TocilizumabStatus', {
  description: 'Whether a tocilizumab dose is allowed now (TOCI-2..4).',
  values: TOCILIZUMAB_STATUSES,
});

/** Contract input TocilizumabDoseInput. */
export const TocilizumabDoseInput = builder
  .inputType('TocilizumabDoseInput', {
    description: 'A proposed tocilizumab dose and the doses already given in this CRS episode.',
    fields: (t) => ({
      weightKg: t.float({
        required: true,
        description: 'Actual body weight, kg (more than 0, at most 350).',
      }),
      at: t.field({ type: 'DateTime', required: true, description: 'When the next dose would be given.' }),
      previousDoses: t.field({
        type: ['DateTime'],
        required: true,
        defaultValue: [],
        description: 'Times of tocilizumab doses already given in this episode (none after `at`).',
      }),
    }),
  })
  .validate(tocilizumabDoseInputSchema);

export const TocilizumabDoseCheckType = builder
  .objectRef<Evaluated<TocilizumabDoseCheck>>('TocilizumabDoseCheck')
  .implement({
    description:
      'The tocilizumab dose for this patient and whether it may be given now (T4 note, TOCI-1..4).',
    fields: (t) => ({
      doseMg: t.float({
        description: '8 mg/kg actual body weight, capped at 800 mg, rounded to the nearest mg (TOCI-1).',
        resolve: (p) => p.evaluation.outcome.doseMg,
      }),
      status: t.field({ type: TocilizumabStatusEnum, resolve: (p) => p.evaluation.outcome.status }),
      earliestNextDoseAt: t.field({
        type: 'DateTime',
        nullable: true,
        description: 'The earliest time a further dose is allowed; null when no further dose is allowed.',
        resolve: (p) => p.evaluation.outcome.earliestNextDoseAt,
      }),
      dosesGiven: t.int({
        description: 'Doses already given in this episode.',
        resolve: (p) => p.evaluation.outcome.dosesGiven,
      }),
      ...evaluationFields(t),
    }),
  });

ruleCalculator('tocilizumabDose', {
  type: TocilizumabDoseCheckType,
  input: TocilizumabDoseInput,
  description: 'Tocilizumab dose and timing check (consensus §7.1 T4 note). No login needed.',
  rule: (input, context) => evaluateTocilizumabDose(input, context.rulesConfig),
});
