import { buildEvaluation, cite, parseInput } from '../core/index.ts';
import type { Citation, Driver, Note, RuleEvaluation } from '../core/index.ts';
import { studiedDoseOf } from '../reference/index.ts';
import type { LymphodepletionProduct } from '../reference/index.ts';
import { messages } from './messages.ts';
import { cellDoseInputSchema } from './schemas.ts';
import type { CellDoseInput, CellDoseUnit } from './schemas.ts';

/** A dose range in units of 10⁶ CAR⁺ T cells, with where it comes from. */
export type CellDoseRange = {
  readonly min: number;
  readonly max: number;
  readonly unit: CellDoseUnit;
  /** As printed, e.g. "(300~460)×10⁶". */
  readonly printed: string;
  readonly citation: Citation;
};

/** INF-3 (§5.2): the recommended ABECMA (ide-cel) dose, (300–460) × 10⁶ CAR⁺ T cells. */
export const ABECMA_DOSE_RANGE: CellDoseRange = {
  min: 300,
  max: 460,
  unit: 'E6_TOTAL',
  printed: '(300~460)×10⁶',
  citation: cite('§5.2'),
};

/** The range a product's dose is checked against: ABECMA's label range, otherwise the T1 studied range. */
export const referenceDoseRange = (product: LymphodepletionProduct): CellDoseRange | null => {
  if (product === 'KARMMA') return ABECMA_DOSE_RANGE;
  const studied = studiedDoseOf(product);
  return studied ? { ...studied, citation: cite('T1') } : null;
};

export type CellDoseOutcome = {
  /** WITHIN_RANGE / OUTSIDE_RANGE (a warning) / NO_REFERENCE (product not in the consensus) / UNKNOWN (needs the weight). */
  readonly status: 'WITHIN_RANGE' | 'OUTSIDE_RANGE' | 'NO_REFERENCE' | 'UNKNOWN';
  readonly range: CellDoseRange | null;
  /** The dose in the range's unit (converted with the weight where needed); null when not comparable. */
  readonly doseInRangeUnitE6: number | null;
  readonly needs: readonly string[];
};

const show = (value: number, unit: CellDoseUnit): string =>
  `${Math.round(value * 1000) / 1000}×10⁶${unit === 'E6_PER_KG' ? '/kg' : ''}`;

/** Inclusive comparison with a relative tolerance for floating-point noise from the conversion. */
const within = (value: number, range: CellDoseRange): boolean => {
  const tolerance = 1e-9 * Math.max(1, Math.abs(range.max));
  return value >= range.min - tolerance && value <= range.max + tolerance;
};

/**
 * INF-3 (§5.2): ABECMA (300–460) × 10⁶; other products follow their own recommended dose, and T1
 * lists the studied ranges (a single printed dose is a range of one value). A dose outside the
 * product's range → OUTSIDE_RANGE (warning). A per-kg dose is compared with a total range (or the
 * reverse) through the body weight, which is then needed.
 */
export const checkCellDose = (input: CellDoseInput): RuleEvaluation<CellDoseOutcome> => {
  const { product, doseE6, unit, weightKg } = parseInput(cellDoseInputSchema, input);
  const section = cite('§5.2');
  const dose = show(doseE6, unit);
  if (product === 'OTHER') {
    return buildEvaluation<CellDoseOutcome>(
      { status: 'NO_REFERENCE', range: null, doseInRangeUnitE6: null, needs: [] },
      { notes: [{ ruleId: 'INF-3', text: messages.noReferenceDose }], citations: [section] },
    );
  }
  const range = referenceDoseRange(product);
  if (!range) {
    return buildEvaluation<CellDoseOutcome>(
      { status: 'NO_REFERENCE', range: null, doseInRangeUnitE6: null, needs: [] },
      { notes: [{ ruleId: 'INF-3', text: messages.noReferenceDose }], citations: [section] },
    );
  }
  const notes: Note[] = [
    {
      ruleId: 'INF-3',
      text: product === 'KARMMA' ? messages.abecmaRange : messages.studiedRange(range.printed),
    },
  ];
  const citations = [section, range.citation];
  let value = doseE6;
  if (unit !== range.unit) {
    if (weightKg === undefined) {
      return buildEvaluation<CellDoseOutcome>(
        { status: 'UNKNOWN', range, doseInRangeUnitE6: null, needs: ['weightKg'] },
        {
          drivers: [{ code: 'needs', ruleId: 'INF-3', text: messages.weightNeededForUnit }],
          notes,
          citations,
        },
      );
    }
    value = unit === 'E6_PER_KG' ? doseE6 * weightKg : doseE6 / weightKg;
    notes.push({ ruleId: 'INF-3', text: messages.converted(dose, weightKg, show(value, range.unit)) });
  }
  const ok = within(value, range);
  const shown = show(value, range.unit);
  const driver: Driver = {
    code: ok ? 'within-range' : 'outside-range',
    ruleId: 'INF-3',
    text: ok ? messages.doseWithin(shown, range.printed) : messages.doseOutside(shown, range.printed),
  };
  return buildEvaluation<CellDoseOutcome>(
    { status: ok ? 'WITHIN_RANGE' : 'OUTSIDE_RANGE', range, doseInRangeUnitE6: value, needs: [] },
    {
      drivers: [driver],
      recommendations: ok ? [] : [{ ruleId: 'INF-3', text: driver.text, citation: section }],
      notes,
      citations,
    },
  );
};
