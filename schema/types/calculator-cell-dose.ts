import { cellDoseInputSchema, checkCellDose, type CellDoseOutcome, type CellDoseRange } from '#rules';
import { builder } from '../builder.ts';
import { evaluationFields, withoutNulls, type Evaluated, ruleCalculator } from './calculator-evaluation.ts';
import { CarTProductEnum, CellDoseUnitEnum } from './reference-data.ts';
import { CitationType } from './rule-output.ts';

/** A CAR-T cell dose for a product (INF-3, §5.2, T1). */
export const CellDoseInput = builder
  .inputType('CellDoseInput', {
    description: 'The CAR-T cell dose given or planned, in units of 10⁶ CAR⁺ T cells (INF-3).',
    fields: (t) => ({
      product: t.field({ type: CarTProductEnum, required: true, description: 'OTHER if not in table 2.' }),
      doseE6: t.float({
        required: true,
        description: 'Dose in units of 10⁶ CAR⁺ T cells, per kg or in total (see unit); 0.001–100000.',
      }),
      unit: t.field({ type: CellDoseUnitEnum, required: true }),
      weightKg: t.float({
        description:
          'Body weight, kg (20–350): needed only to compare a per-kg dose with a total range or the reverse.',
      }),
    }),
  })
  .validate(withoutNulls(cellDoseInputSchema));

const CellDoseStatusEnum = builder.enumType('CellDoseStatus', {
  description:
    "WITHIN_RANGE: inside the product's range. OUTSIDE_RANGE: outside it (warning). NO_REFERENCE: the consensus gives no range for this product. UNKNOWN: the weight is needed to compare.",
  values: ['WITHIN_RANGE', 'OUTSIDE_RANGE', 'NO_REFERENCE', 'UNKNOWN'] as const,
});

const CellDoseRangeType = builder.objectRef<CellDoseRange>('CellDoseRange').implement({
  description: "The range a product's dose is checked against: ABECMA's (§5.2), else the T1 studied range.",
  fields: (t) => ({
    min: t.exposeFloat('min', { description: 'In units of 10⁶ cells (per kg or total, see unit).' }),
    max: t.exposeFloat('max'),
    unit: t.field({ type: CellDoseUnitEnum, resolve: (r) => r.unit }),
    printed: t.exposeString('printed', { description: 'As printed, e.g. "(300~460)×10⁶".' }),
    citation: t.field({ type: CitationType, resolve: (r) => r.citation }),
  }),
});

export const CellDoseCheckType = builder.objectRef<Evaluated<CellDoseOutcome>>('CellDoseCheck').implement({
  description: "A CAR-T cell dose against the product's recommended or studied range (INF-3).",
  fields: (t) => ({
    status: t.field({ type: CellDoseStatusEnum, resolve: (p) => p.evaluation.outcome.status }),
    range: t.field({
      type: CellDoseRangeType,
      nullable: true,
      description: 'Null when the consensus gives no range for the product.',
      resolve: (p) => p.evaluation.outcome.range,
    }),
    doseInRangeUnitE6: t.float({
      nullable: true,
      description:
        "The dose in the range's unit (converted with the weight where needed); null when not comparable.",
      resolve: (p) => p.evaluation.outcome.doseInRangeUnitE6,
    }),
    needs: t.stringList({
      description: 'Input fields needed; non-empty exactly when the status is UNKNOWN.',
      resolve: (p) => p.evaluation.outcome.needs,
    }),
    ...evaluationFields(t),
  }),
});

ruleCalculator('cellDoseCheck', {
  type: CellDoseCheckType,
  input: CellDoseInput,
  description:
    'Checks a CAR-T cell dose: ABECMA (300–460) × 10⁶ CAR⁺ T cells, other products their T1 studied range (INF-3, §5.2). No login needed.',
  rule: (input) => checkCellDose(input),
});
