import { describe, expect, it } from 'vitest';
import { badUserInput, calculatorClient, dataOf } from '../../test/unit/calculator-client.ts';

const call = calculatorClient();

type Check = {
  status: string;
  range: { min: number; max: number; unit: string; printed: string; citation: { section: string } } | null;
  doseInRangeUnitE6: number | null;
  needs: string[];
  recommendations: { ruleId: string }[];
};

const cellDose = async (input: string) =>
  (
    await dataOf<{ cellDoseCheck: Check }>(
      call,
      `{ cellDoseCheck(input: { ${input} }, language: EN) {
        status range { min max unit printed citation { section } } doseInRangeUnitE6 needs recommendations { ruleId } } }`,
    )
  ).cellDoseCheck;

describe('cellDoseCheck (INF-3)', () => {
  it.each([
    [299.9, 'OUTSIDE_RANGE'],
    [300, 'WITHIN_RANGE'],
    [460, 'WITHIN_RANGE'],
    [460.1, 'OUTSIDE_RANGE'],
  ])('INF-3: ABECMA %f × 10⁶ CAR⁺ T cells → %s (range 300–460 × 10⁶)', async (dose, status) => {
    const result = await cellDose(`product: KARMMA, doseE6: ${dose}, unit: E6_TOTAL`);
    expect(result).toMatchObject({
      status,
      range: {
        min: 300,
        max: 460,
        unit: 'E6_TOTAL',
        printed: '(300~460)×10⁶',
        citation: { section: '§5.2' },
      },
      doseInRangeUnitE6: dose,
    });
    expect(result.recommendations.map((r) => r.ruleId)).toEqual(status === 'WITHIN_RANGE' ? [] : ['INF-3']);
  });

  it('INF-3: a per-kg dose against a total range needs the weight; with 70 kg 5 × 10⁶/kg is 350 × 10⁶', async () => {
    expect(await cellDose('product: KARMMA, doseE6: 5, unit: E6_PER_KG')).toMatchObject({
      status: 'UNKNOWN',
      needs: ['weightKg'],
      doseInRangeUnitE6: null,
    });
    expect(await cellDose('product: KARMMA, doseE6: 5, unit: E6_PER_KG, weightKg: 70')).toMatchObject({
      status: 'WITHIN_RANGE',
      doseInRangeUnitE6: 350,
    });
  });

  it('INF-3: a product the consensus does not list has no reference range', async () => {
    expect(await cellDose('product: OTHER, doseE6: 100, unit: E6_TOTAL')).toMatchObject({
      status: 'NO_REFERENCE',
      range: null,
    });
  });

  it('a weight below 20 kg is invalid input naming the field', async () => {
    const { body } = await call(
      '{ cellDoseCheck(input: { product: KARMMA, doseE6: 5, unit: E6_PER_KG, weightKg: 19 }) { status } }',
    );
    expect(badUserInput(body).issues).toEqual([
      expect.objectContaining({ field: 'input.weightKg', allowed: 'between 20 and 350 kg', received: 19 }),
    ]);
  });
});
