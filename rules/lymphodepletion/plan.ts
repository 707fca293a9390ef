import { addDays, buildEvaluation, cite, parseInput } from '../core/index.ts';
import type { Citation, Driver, LocalizedText, Note, Recommendation, RuleEvaluation } from '../core/index.ts';
import { regimenOf } from '../reference/index.ts';
import type { LymphodepletionProduct, RegimenDrug } from '../reference/index.ts';
import { mostellerBsaM2 } from './body-surface-area.ts';
import { messages } from './messages.ts';
import { lymphodepletionPlanInputSchema } from './schemas.ts';
import type { LymphodepletionPlanInput } from './schemas.ts';

export type LymphodepletionDrug = 'fludarabine' | 'cyclophosphamide';

/** Maps onto the contract's LymphodepletionDose { drug, doseMg, basis }. */
export type LymphodepletionDose = {
  readonly drug: LymphodepletionDrug;
  /** Rounded to 0.1 mg. */
  readonly doseMg: number;
  /** The regimen's dose, e.g. "30 mg/m²" or "20 mg/kg". */
  readonly basis: string;
  /** The arithmetic, e.g. "30 mg/m² × 1.79 m² = 53.7 mg". */
  readonly arithmetic: LocalizedText;
};

/** Maps onto the contract's LymphodepletionDay { day, date, doses }. */
export type LymphodepletionDay = {
  /** Relative to CAR-T infusion (day 0), e.g. -5. */
  readonly day: number;
  readonly date: string;
  /** Fludarabine before cyclophosphamide, as T2 lists them. */
  readonly doses: readonly LymphodepletionDose[];
};

/** Maps onto the contract's LymphodepletionPlan { bodySurfaceAreaM2, days, citations }. */
export type LymphodepletionPlan = {
  readonly product: LymphodepletionProduct;
  /** Mosteller, rounded to 2 decimals; the value every m² dose uses. */
  readonly bodySurfaceAreaM2: number;
  readonly weightKg: number;
  /** Only the days with a dose, earliest first. */
  readonly days: readonly LymphodepletionDay[];
  readonly citations: readonly Citation[];
};

/** mg rounded to 0.1 mg (the rounding absorbs floating-point noise: 30 × 1.79 = 53.7). */
const roundMg = (mg: number): number => Math.round(mg * 10) / 10;

const doseOf = (
  drug: LymphodepletionDrug,
  regimen: RegimenDrug,
  bsaM2: number,
  weightKg: number,
): LymphodepletionDose => {
  const perKg = regimen.per === 'kg';
  const basis = `${regimen.dose} mg/${perKg ? 'kg' : 'm²'}`;
  const amount = perKg ? weightKg : bsaM2;
  const doseMg = roundMg(regimen.dose * amount);
  return { drug, doseMg, basis, arithmetic: messages.arithmetic(basis, amount, perKg ? 'kg' : 'm²', doseMg) };
};

/**
 * LD-2 (§4 T2): the lymphodepletion plan of a product for a planned infusion date: for each day
 * with a dose (days relative to infusion = day 0, earliest first) each drug's dose in mg, from the
 * body-surface area (Mosteller, rounded to 2 decimals and shown) or, for CT103A cyclophosphamide,
 * from body weight (20 mg/kg). The consensus gives no renal dose adjustment, and the plan says so.
 */
export const planLymphodepletion = (input: LymphodepletionPlanInput): RuleEvaluation<LymphodepletionPlan> => {
  const { product, heightCm, weightKg, infusionDate } = parseInput(lymphodepletionPlanInputSchema, input);
  const regimen = regimenOf(product);
  const bsa = mostellerBsaM2(heightCm, weightKg);
  const drugs: [LymphodepletionDrug, RegimenDrug][] = [
    ...(regimen.fludarabine
      ? [['fludarabine', regimen.fludarabine] as [LymphodepletionDrug, RegimenDrug]]
      : []),
    ['cyclophosphamide', regimen.cyclophosphamide],
  ];
  const dayNumbers = [...new Set(drugs.flatMap(([, drug]) => drug.days))].sort((a, b) => a - b);
  const days: LymphodepletionDay[] = dayNumbers.map((day) => ({
    day,
    date: addDays(infusionDate, day),
    doses: drugs
      .filter(([, drug]) => drug.days.includes(day))
      .map(([name, drug]) => doseOf(name, drug, bsa, weightKg)),
  }));

  const table = cite('§4 T2');
  const citations = [table, cite('§4')];
  const recommendations: Recommendation[] = days.flatMap((day) =>
    day.doses.map((dose) => ({
      ruleId: 'LD-2',
      text: messages.doseOnDay(dose.drug, dose.doseMg, day.day, day.date),
      dose: {
        drug: dose.drug,
        mg: dose.doseMg,
        route: 'IV' as const,
        schedule: messages.onceOnDay(day.day, day.date),
        basis: dose.arithmetic,
      },
      citation: table,
    })),
  );
  const usesWeight = drugs.some(([, drug]) => drug.per === 'kg');
  const drivers: Driver[] = [
    { code: 'body-surface-area', ruleId: 'LD-2', text: messages.bodySurfaceArea(heightCm, weightKg, bsa) },
    ...(usesWeight ? [{ code: 'body-weight', ruleId: 'LD-2', text: messages.weightBasis(weightKg) }] : []),
  ];
  const notes: Note[] = [
    { ruleId: 'LD-2', text: messages.regimenSource(regimen.printedName, regimen.registryId) },
    { ruleId: 'LD-2', text: messages.noRenalAdjustment },
    {
      ruleId: 'LD-1',
      text: messages.regimenAssessment(regimen.fludarabine ? 'RECOMMENDED' : 'ALTERNATIVE'),
    },
  ];
  // The plan carries the same citations as the envelope (every recommendation cites T2).
  return buildEvaluation<LymphodepletionPlan>(
    { product, bodySurfaceAreaM2: bsa, weightKg, days, citations },
    { drivers, recommendations, notes, citations },
  );
};

/** The last lymphodepletion day of a product's regimen relative to infusion (-3, or -2 for CT103A). */
export const lastLymphodepletionDay = (product: LymphodepletionProduct): number => {
  const regimen = regimenOf(product);
  return Math.max(...regimen.cyclophosphamide.days, ...(regimen.fludarabine?.days ?? []));
};
