import { describe, expect, it } from 'vitest';
import { LYMPHODEPLETION_PRODUCTS } from './products.ts';
import { regimenOf } from './table2-regimens.ts';

describe('regimenOf', () => {
  it('returns the row of each product', () => {
    for (const product of LYMPHODEPLETION_PRODUCTS) expect(regimenOf(product).product).toBe(product);
  });

  it('CT103A doses cyclophosphamide by weight on d-4 to d-2; anti-BCMA/anti-CD19 gives cyclophosphamide on d-5 only', () => {
    expect(regimenOf('CT103A').cyclophosphamide).toMatchObject({ dose: 20, per: 'kg', days: [-4, -3, -2] });
    expect(regimenOf('ANTI_BCMA_CD19').cyclophosphamide).toMatchObject({ dose: 750, per: 'm2', days: [-5] });
    expect(regimenOf('LCAR_B38M').fludarabine).toBeNull();
  });
});
