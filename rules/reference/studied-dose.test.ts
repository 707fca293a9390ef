import { describe, expect, it } from 'vitest';
import { LYMPHODEPLETION_PRODUCTS } from './products.ts';
import { studiedDoseOf } from './studied-dose.ts';

describe('T1 studiedDoseOf (dose ranges used by infusion checks)', () => {
  it.each([
    ['CAR_BCMA', 0.3, 9, 'E6_PER_KG'],
    ['LCAR_B38M', 0.5, 0.5, 'E6_PER_KG'],
    ['CT103A', 1, 6, 'E6_PER_KG'],
    ['HRAIN', 9, 9, 'E6_PER_KG'],
    ['ANTI_BCMA_CD19', 1, 1, 'E6_PER_KG'],
    ['CT053', 50, 180, 'E6_TOTAL'],
    ['TANDEM_BCMA_CD38', 0.5, 1, 'E6_PER_KG'],
    ['CARTITUDE_1', 0.75, 0.75, 'E6_PER_KG'],
    ['KARMMA', 150, 450, 'E6_TOTAL'],
  ] as const)('%s: %s–%s %s', (product, min, max, unit) => {
    expect(studiedDoseOf(product)).toMatchObject({ min, max, unit });
  });

  it('CT053 is the union of its three studies, printed as the widest', () => {
    expect(studiedDoseOf('CT053')?.printed).toBe('(50~180)×10⁶');
  });

  it('every T2 product has a studied dose in T1', () => {
    for (const product of LYMPHODEPLETION_PRODUCTS) expect(studiedDoseOf(product)).not.toBeNull();
  });
});
