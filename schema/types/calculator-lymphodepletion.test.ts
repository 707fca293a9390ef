import { describe, expect, it } from 'vitest';
import { badUserInput, calculatorClient, dataOf } from '../../test/unit/calculator-client.ts';

const call = calculatorClient();

type Plan = {
  product: string;
  bodySurfaceAreaM2: number;
  days: {
    day: number;
    date: string;
    doses: { drug: string; drugName: string; doseMg: number; basis: string; arithmetic: string }[];
  }[];
  citations: { section: string; source: string }[];
  regimen: { registryId: string };
  recommendations: { ruleId: string; dose: { drug: string; mg: number } | null }[];
  notes: { ruleId: string }[];
};
const FIELDS = `product bodySurfaceAreaM2 days { day date doses { drug drugName doseMg basis arithmetic } }
  citations { section source } regimen { registryId } recommendations { ruleId dose { drug mg } } notes { ruleId }`;

const plan = async (input: string, language = 'EN') =>
  (
    await dataOf<{ lymphodepletionPlan: Plan }>(
      call,
      `{ lymphodepletionPlan(input: ${input}, language: ${language}) { ${FIELDS} } }`,
    )
  ).lymphodepletionPlan;

const doseTable = (result: Plan) =>
  result.days.map((day) => [
    day.day,
    day.date,
    day.doses.map((dose) => [dose.drug, dose.doseMg, dose.basis]),
  ]);

describe('lymphodepletionPlan', () => {
  it('KarMMa, 170 cm / 70 kg: BSA 1.82 m² (Mosteller), Flu 30 and Cy 300 mg/m² on days -5 to -3', async () => {
    const result = await plan('{ product: KARMMA, heightCm: 170, weightKg: 70, infusionDate: "2026-03-10" }');
    expect(result.bodySurfaceAreaM2).toBe(1.82);
    const flu = ['fludarabine', 54.6, '30 mg/m²'];
    const cy = ['cyclophosphamide', 546, '300 mg/m²'];
    expect(doseTable(result)).toEqual([
      [-5, '2026-03-05', [flu, cy]],
      [-4, '2026-03-06', [flu, cy]],
      [-3, '2026-03-07', [flu, cy]],
    ]);
    expect(result.citations).toEqual([
      { section: '§4 T2', source: 'cn-mm-cart-2022' },
      { section: '§4', source: 'cn-mm-cart-2022' },
    ]);
    expect(result.regimen.registryId).toBe('NCT03361748');
    expect(result.recommendations).toHaveLength(6);
    expect(result.notes.map((n) => n.ruleId)).toEqual(['LD-2', 'LD-2', 'LD-1']);
  });

  it('CT103A doses cyclophosphamide by weight (20 mg/kg) on days -4 to -2', async () => {
    const result = await plan('{ product: CT103A, heightCm: 160, weightKg: 81, infusionDate: "2026-01-02" }');
    // √(160 × 81 / 3600) = √3.6 = 1.897… → 1.90 m²
    expect(result.bodySurfaceAreaM2).toBe(1.9);
    const flu = ['fludarabine', 47.5, '25 mg/m²'];
    const cy = ['cyclophosphamide', 1620, '20 mg/kg'];
    expect(doseTable(result)).toEqual([
      [-4, '2025-12-29', [flu, cy]],
      [-3, '2025-12-30', [flu, cy]],
      [-2, '2025-12-31', [flu, cy]],
    ]);
  });

  it('LCAR-B38M has no fludarabine; anti-BCMA/CD19 gives cyclophosphamide 750 mg/m² on day -5 only', async () => {
    const lcar = await plan(
      '{ product: LCAR_B38M, heightCm: 170, weightKg: 70, infusionDate: "2026-03-10" }',
    );
    expect(lcar.days.flatMap((d) => d.doses.map((dose) => dose.drug))).toEqual([
      'cyclophosphamide',
      'cyclophosphamide',
      'cyclophosphamide',
    ]);
    const dual = await plan(
      '{ product: ANTI_BCMA_CD19, heightCm: 170, weightKg: 70, infusionDate: "2026-03-10" }',
    );
    expect(doseTable(dual)).toEqual([
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
    ]);
  });

  it('gives drug names and arithmetic in the requested language; drug and basis stay as the contract says', async () => {
    const result = await plan(
      '{ product: KARMMA, heightCm: 170, weightKg: 70, infusionDate: "2026-03-10" }',
      'ZH_CN',
    );
    const [dose] = result.days[0]?.doses ?? [];
    expect(dose).toMatchObject({ drug: 'fludarabine', drugName: '氟达拉滨', basis: '30 mg/m²' });
    expect(dose?.arithmetic).toBe('30 mg/m² × 1.82 m² = 54.6 mg(按体表面积计算)');
  });

  it.each([
    [99.9, 70, 'input.heightCm', 'between 100 and 250 cm', 99.9],
    [250.1, 70, 'input.heightCm', 'between 100 and 250 cm', 250.1],
    [170, 19.9, 'input.weightKg', 'between 20 and 350 kg', 19.9],
    [170, 350.1, 'input.weightKg', 'between 20 and 350 kg', 350.1],
  ])('invalid: %f cm, %f kg', async (heightCm, weightKg, field, allowed, received) => {
    const { body } = await call(
      `{ lymphodepletionPlan(input: { product: KARMMA, heightCm: ${heightCm}, weightKg: ${weightKg}, infusionDate: "2026-03-10" }) { bodySurfaceAreaM2 } }`,
    );
    expect(badUserInput(body).issues).toEqual([
      { field, allowed, received, message: `${field} must be ${allowed}; received ${received}` },
    ]);
  });
});
