import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RULESET, RulesInputError, daysBetween, localizationProblems } from '../core/index.ts';
import { LYMPHODEPLETION_PRODUCTS, regimenOf } from '../reference/index.ts';
import type { LymphodepletionProduct } from '../reference/index.ts';
import { lastLymphodepletionDay, planLymphodepletion } from './plan.ts';

/** 170 cm, 70 kg → BSA √(170 × 70 / 3600) = 1.818… → 1.82 m². Doses worked by hand from T2. */
const patient = { heightCm: 170, weightKg: 70, infusionDate: '2026-03-10' };

type Row = [day: number, date: string, doses: [drug: string, mg: number, basis: string][]];
const fluCy = (flu: number, fluBasis: string, cy: number, cyBasis: string): Row[] =>
  (
    [
      [-5, '2026-03-05'],
      [-4, '2026-03-06'],
      [-3, '2026-03-07'],
    ] as const
  ).map(([day, date]) => [
    day,
    date,
    [
      ['fludarabine', flu, fluBasis],
      ['cyclophosphamide', cy, cyBasis],
    ],
  ]);

const expected: Record<LymphodepletionProduct, Row[]> = {
  CAR_BCMA: fluCy(54.6, '30 mg/m²', 546, '300 mg/m²'),
  LCAR_B38M: [
    [-5, '2026-03-05', [['cyclophosphamide', 546, '300 mg/m²']]],
    [-4, '2026-03-06', [['cyclophosphamide', 546, '300 mg/m²']]],
    [-3, '2026-03-07', [['cyclophosphamide', 546, '300 mg/m²']]],
  ],
  CT103A: (
    [
      [-4, '2026-03-06'],
      [-3, '2026-03-07'],
      [-2, '2026-03-08'],
    ] as const
  ).map(([day, date]) => [
    day,
    date,
    [
      ['fludarabine', 45.5, '25 mg/m²'],
      ['cyclophosphamide', 1400, '20 mg/kg'],
    ],
  ]),
  HRAIN: fluCy(45.5, '25 mg/m²', 546, '300 mg/m²'),
  ANTI_BCMA_CD19: [
    [
      -5,
      '2026-03-05',
      [
        ['fludarabine', 54.6, '30 mg/m²'],
        ['cyclophosphamide', 1365, '750 mg/m²'],
      ],
    ],
    [-4, '2026-03-06', [['fludarabine', 54.6, '30 mg/m²']]],
    [-3, '2026-03-07', [['fludarabine', 54.6, '30 mg/m²']]],
  ],
  CT053: fluCy(45.5, '25 mg/m²', 546, '300 mg/m²'),
  TANDEM_BCMA_CD38: fluCy(45.5, '25 mg/m²', 455, '250 mg/m²'),
  CARTITUDE_1: fluCy(54.6, '30 mg/m²', 546, '300 mg/m²'),
  KARMMA: fluCy(54.6, '30 mg/m²', 546, '300 mg/m²'),
};

describe('LD-2 plans for the nine T2 products', () => {
  it.each(LYMPHODEPLETION_PRODUCTS.map((product) => [product]))('%s', (product) => {
    const { outcome } = planLymphodepletion({ product, ...patient });
    expect(outcome.bodySurfaceAreaM2).toBe(1.82);
    expect(outcome.days.map((d) => [d.day, d.date, d.doses.map((x) => [x.drug, x.doseMg, x.basis])])).toEqual(
      expected[product],
    );
  });

  it('shows the arithmetic and maps onto the contract shape', () => {
    const result = planLymphodepletion({ product: 'CT103A', ...patient });
    const firstDay = result.outcome.days[0];
    expect(firstDay?.doses[0]?.arithmetic.en).toBe('25 mg/m² × 1.82 m² = 45.5 mg (by body-surface area)');
    expect(firstDay?.doses[1]?.arithmetic.en).toBe('20 mg/kg × 70 kg = 1400 mg (by body weight)');
    expect(result.outcome.citations).toEqual([
      { section: '§4 T2', source: 'cn-mm-cart-2022' },
      { section: '§4', source: 'cn-mm-cart-2022' },
    ]);
    expect(result.citations).toEqual(result.outcome.citations);
    expect(result.ruleset).toBe(RULESET.ref);
    expect(result.drivers.map((d) => d.code)).toEqual(['body-surface-area', 'body-weight']);
    expect(result.drivers[0]?.text.en).toBe(
      'body-surface area (Mosteller) √(170 cm × 70 kg / 3600) = 1.82 m²',
    );
  });

  it('gives each dose as a recommendation with a Dose in mg, IV, once on its day', () => {
    const result = planLymphodepletion({ product: 'KARMMA', ...patient });
    expect(result.recommendations).toHaveLength(6);
    expect(result.recommendations[0]).toMatchObject({
      ruleId: 'LD-2',
      dose: { drug: 'fludarabine', mg: 54.6, route: 'IV', schedule: { en: 'once on day -5 (2026-03-05)' } },
    });
  });

  it('says the consensus gives no renal dose adjustment, and which LD-1 regimen this is', () => {
    const notes = planLymphodepletion({ product: 'LCAR_B38M', ...patient }).notes;
    expect(notes.map((n) => n.text.en).join(' | ')).toContain('no renal dose adjustment');
    expect(notes.find((n) => n.ruleId === 'LD-1')?.text.en).toContain('cyclophosphamide alone');
  });

  it('dates cross month boundaries', () => {
    const { outcome } = planLymphodepletion({
      product: 'CT053',
      heightCm: 165,
      weightKg: 60,
      infusionDate: '2026-03-02',
    });
    expect(outcome.days.map((d) => d.date)).toEqual(['2026-02-25', '2026-02-26', '2026-02-27']);
  });

  it.each([19.9, 350.1])(
    'LD-2: weight %s kg is invalid input, between 20 and 350 kg (the TOCI-1 bounds)',
    (weightKg) => {
      expect(() => planLymphodepletion({ product: 'KARMMA', ...patient, weightKg })).toThrow(
        `weightKg must be between 20 and 350 kg; received ${weightKg}`,
      );
    },
  );

  it.each([20, 350])('LD-2: weight %s kg is at a bound and accepted', (weightKg) => {
    expect(planLymphodepletion({ product: 'CT103A', ...patient, weightKg }).outcome.weightKg).toBe(weightKg);
  });

  it('rejects implausible height, weight and dates with field and range', () => {
    expect(() => planLymphodepletion({ product: 'KARMMA', ...patient, heightCm: 90 })).toThrow(
      'heightCm must be between 100 and 250 cm; received 90',
    );
    expect(() => planLymphodepletion({ product: 'KARMMA', ...patient, weightKg: 400 })).toThrow(
      RulesInputError,
    );
    expect(() => planLymphodepletion({ product: 'KARMMA', ...patient, infusionDate: '2026-02-30' })).toThrow(
      'infusionDate',
    );
    expect(() => planLymphodepletion({ ...patient, product: 'ABECMA' as 'KARMMA' })).toThrow(
      'product must be one of',
    );
  });
});

describe('lastLymphodepletionDay', () => {
  it('is -2 for CT103A and -3 for every other product', () => {
    for (const product of LYMPHODEPLETION_PRODUCTS)
      expect(lastLymphodepletionDay(product)).toBe(product === 'CT103A' ? -2 : -3);
  });
});

describe('LD-2 properties', () => {
  const input = fc.record({
    product: fc.constantFrom(...LYMPHODEPLETION_PRODUCTS),
    heightCm: fc.double({ min: 100, max: 250, noNaN: true }),
    weightKg: fc.double({ min: 20, max: 350, noNaN: true }),
    infusionDate: fc
      .date({
        min: new Date('2020-01-01T00:00:00Z'),
        max: new Date('2035-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10)),
  });

  it('days are strictly increasing, before infusion, with matching dates; doses positive and proportional to BSA or weight', () => {
    fc.assert(
      fc.property(input, (plan) => {
        const { outcome } = planLymphodepletion(plan);
        const regimen = regimenOf(plan.product);
        outcome.days.forEach((day, index) => {
          expect(day.day).toBeLessThan(0);
          if (index > 0) expect(day.day).toBeGreaterThan(outcome.days[index - 1]?.day ?? -Infinity);
          expect(daysBetween(day.date, plan.infusionDate)).toBe(-day.day);
          for (const dose of day.doses) {
            const drug = dose.drug === 'fludarabine' ? regimen.fludarabine : regimen.cyclophosphamide;
            if (!drug) throw new Error('dose for a drug the regimen lacks');
            const amount = drug.per === 'kg' ? plan.weightKg : outcome.bodySurfaceAreaM2;
            expect(dose.doseMg).toBeGreaterThan(0);
            expect(Math.abs(dose.doseMg - drug.dose * amount)).toBeLessThanOrEqual(0.05 + 1e-9);
            expect(Math.round(dose.doseMg * 10)).toBeCloseTo(dose.doseMg * 10, 9);
          }
        });
      }),
    );
  });

  it('a larger BSA never gives a smaller m² dose', () => {
    fc.assert(
      fc.property(input, fc.double({ min: 1, max: 50, noNaN: true }), (plan, extraKg) => {
        const heavier = { ...plan, weightKg: Math.min(350, plan.weightKg + extraKg) };
        const a = planLymphodepletion(plan).outcome.days.flatMap((d) => d.doses.map((x) => x.doseMg));
        const b = planLymphodepletion(heavier).outcome.days.flatMap((d) => d.doses.map((x) => x.doseMg));
        a.forEach((mg, i) => {
          expect(b[i]).toBeGreaterThanOrEqual(mg);
        });
      }),
    );
  });

  it('every produced text is bilingual', () => {
    fc.assert(
      fc.property(input, (plan) => {
        expect(localizationProblems(planLymphodepletion(plan))).toEqual([]);
      }),
    );
  });
});
