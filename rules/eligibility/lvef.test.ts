import { describe, expect, it } from 'vitest';
import { CAR_T_PRODUCTS, isIdeCel } from '../reference/index.ts';
import { checkLvef } from './lvef.ts';

const OTHER_PRODUCTS = CAR_T_PRODUCTS.filter((product) => !isIdeCel(product));

describe('ELIG-2 LVEF ≥ 50 % (≥ 45 % for ide-cel)', () => {
  it.each(
    OTHER_PRODUCTS.flatMap((product) =>
      (
        [
          [44.9, 'EXCLUDED'],
          [45, 'EXCLUDED'],
          [49.9, 'EXCLUDED'],
          [50, 'PASS'],
          [50.1, 'PASS'],
        ] as const
      ).map(([lvef, status]) => [lvef, product, status] as const),
    ),
  )('ELIG-2: LVEF %s %% with %s → %s (threshold 50 %%)', (lvefPercent, product, status) => {
    const result = checkLvef({ lvefPercent, product });
    expect(result.status).toBe(status);
    expect(result.notes).toEqual([]);
  });

  it.each([
    [44.9, 'EXCLUDED'],
    [45, 'PASS'],
    [45.1, 'PASS'],
    [49.9, 'PASS'],
    [50, 'PASS'],
  ] as const)(
    'ELIG-2: LVEF %s %% with ide-cel (KARMMA) → %s (threshold 45 %%, the trial criterion)',
    (lvefPercent, status) => {
      expect(checkLvef({ lvefPercent, product: 'KARMMA' }).status).toBe(status);
    },
  );

  it.each([44.9, 45, 49.9])(
    'ELIG-2: ide-cel at LVEF %s %% says 45 %% is the bb2121 trial criterion, not the consensus recommendation',
    (lvefPercent) => {
      const result = checkLvef({ lvefPercent, product: 'KARMMA' });
      expect(result.notes).toHaveLength(1);
      expect(result.notes[0]?.en).toContain("the bb2121 (KarMMa) trial's eligibility criterion");
      expect(result.notes[0]?.en).toContain('not a consensus recommendation');
      expect(result.notes[0]?.zh).toContain('bb2121(KarMMa)临床试验的入组标准');
      expect(result.citation.section).toBe('§2.3');
    },
  );

  it('ELIG-2: ide-cel at LVEF ≥ 50 % meets the general requirement; no trial note needed', () => {
    const result = checkLvef({ lvefPercent: 50, product: 'KARMMA' });
    expect(result.text.en).toBe('LVEF 50 %: meets LVEF ≥ 50 %');
    expect(result.notes).toEqual([]);
  });

  it('ELIG-2: LVEF between 45 and 50 % without a product → UNKNOWN needing the product', () => {
    expect(checkLvef({ lvefPercent: 47 })).toMatchObject({ status: 'UNKNOWN', needs: ['product'] });
  });

  it('ELIG-2: below 45 % or at least 50 % is decided without a product', () => {
    expect(checkLvef({ lvefPercent: 44.9 }).status).toBe('EXCLUDED');
    expect(checkLvef({ lvefPercent: 50 }).status).toBe('PASS');
  });

  it('ELIG-2: missing LVEF → UNKNOWN', () => {
    expect(checkLvef({ product: 'KARMMA' })).toMatchObject({ status: 'UNKNOWN', needs: ['lvefPercent'] });
  });
});
