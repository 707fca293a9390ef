import { describe, expect, it } from 'vitest';
import { T1_STUDIES, T2_REGIMENS } from '#rules';
import { calculatorClient, dataOf } from '../../test/unit/calculator-client.ts';

const call = calculatorClient();

type Cell = { kind: string; value: number | null; printed: string; text: string };
type Study = {
  id: string;
  productId: string | null;
  n: number;
  registryIds: string[];
  dose: { printed: string; min: number; max: number; unit: string };
  crsPercent: Cell;
  neurotoxicityPercent: Cell;
  medianPfsMonths: Cell;
  citation: { section: string };
};
const STUDY = `id productId n registryIds dose { printed min max unit }
  crsPercent { kind value printed text } neurotoxicityPercent { kind value printed text }
  medianPfsMonths { kind value printed text } citation { section }`;

describe('referenceStudies (T1)', () => {
  it('serves the twelve T1 studies as transcribed, in printed order', async () => {
    const { referenceStudies } = await dataOf<{ referenceStudies: Study[] }>(
      call,
      `{ referenceStudies { ${STUDY} } }`,
    );
    expect(referenceStudies.map((s) => [s.id, s.n, s.registryIds, s.dose.printed])).toEqual(
      T1_STUDIES.map((s) => [s.id, s.n, s.registryIds, s.dose.printed]),
    );
    expect(referenceStudies).toHaveLength(12);
    expect(referenceStudies[0]).toMatchObject({
      id: 'brudno-2018',
      productId: 'CAR_BCMA',
      dose: { printed: '(0.3~9)×10⁶/kg', min: 0.3, max: 9, unit: 'E6_PER_KG' },
      crsPercent: { kind: 'VALUE', value: 94, printed: '94', text: '94%' },
      citation: { section: 'T1' },
    });
  });

  it('keeps "N/A" as not reported, never zero', async () => {
    const { referenceStudies } = await dataOf<{ referenceStudies: Study[] }>(
      call,
      `{ referenceStudies(product: CAR_BCMA, language: ZH_CN) { ${STUDY} } }`,
    );
    expect(referenceStudies.map((s) => s.id)).toEqual(['brudno-2018']);
    expect(referenceStudies[0]?.neurotoxicityPercent).toEqual({
      kind: 'NOT_REPORTED',
      value: null,
      printed: 'N/A',
      text: '未报告(N/A)',
    });
  });

  it('filters by product (CT053 has three studies) and keeps studies without a T2 product unfiltered', async () => {
    const { referenceStudies } = await dataOf<{ referenceStudies: Study[] }>(
      call,
      `{ referenceStudies(product: CT053) { id } }`,
    );
    expect(referenceStudies).toHaveLength(3);
    const all = await dataOf<{ referenceStudies: Study[] }>(call, `{ referenceStudies { id productId } }`);
    expect(all.referenceStudies.find((s) => s.id === 'li-2018')?.productId).toBeNull();
  });
});

describe('lymphodepletionRegimens (T2)', () => {
  it('serves the nine T2 regimens with doses per m² or per kg and their days', async () => {
    const { lymphodepletionRegimens } = await dataOf<{
      lymphodepletionRegimens: {
        product: string;
        name: string;
        registryId: string;
        fludarabine: { dose: number; per: string; days: number[] } | null;
        cyclophosphamide: { dose: number; per: string; days: number[]; printed: string };
      }[];
    }>(
      call,
      `{ lymphodepletionRegimens(language: EN) { product name registryId fludarabine { dose per days }
         cyclophosphamide { dose per days printed } } }`,
    );
    expect(lymphodepletionRegimens.map((r) => [r.product, r.registryId])).toEqual(
      T2_REGIMENS.map((r) => [r.product, r.registryId]),
    );
    const ct103a = lymphodepletionRegimens.find((r) => r.product === 'CT103A');
    expect(ct103a).toMatchObject({
      fludarabine: { dose: 25, per: 'PER_M2', days: [-4, -3, -2] },
      cyclophosphamide: { dose: 20, per: 'PER_KG', days: [-4, -3, -2], printed: '20 mg/kg, -4~-2 d' },
    });
    expect(lymphodepletionRegimens.find((r) => r.product === 'LCAR_B38M')?.fludarabine).toBeNull();
    expect(lymphodepletionRegimens.find((r) => r.product === 'KARMMA')?.name).toBe(
      'KarMMa (ide-cel, ABECMA)',
    );
  });
});
