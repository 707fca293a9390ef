import { describe, expect, it } from 'vitest';
import { checkLvef } from './lvef.ts';

describe('ELIG-2 LVEF ≥ 50 % (≥ 45 % for ide-cel)', () => {
  it.each([
    [49.9, 'EXCLUDED'],
    [50, 'PASS'],
    [50.1, 'PASS'],
  ] as const)('LVEF %s %% with cilta-cel → %s', (lvefPercent, status) => {
    expect(checkLvef({ lvefPercent, product: 'CARTITUDE_1' }).status).toBe(status);
  });

  it.each([
    [44.9, 'EXCLUDED'],
    [45, 'PASS'],
    [45.1, 'PASS'],
  ] as const)('LVEF %s %% with ide-cel → %s', (lvefPercent, status) => {
    expect(checkLvef({ lvefPercent, product: 'KARMMA' }).status).toBe(status);
  });

  it('says so when the ide-cel threshold of 45 % is used', () => {
    const result = checkLvef({ lvefPercent: 47, product: 'KARMMA' });
    expect(result.notes[0]?.en).toContain('45 %');
    expect(result.notes[0]?.zh).toContain('bb2121');
    expect(result.citation.section).toBe('§2.3');
  });

  it('LVEF between 45 and 50 % without a product → UNKNOWN needing the product', () => {
    expect(checkLvef({ lvefPercent: 47 })).toMatchObject({ status: 'UNKNOWN', needs: ['product'] });
  });

  it('below 45 % or at least 50 % is decided without a product', () => {
    expect(checkLvef({ lvefPercent: 44 }).status).toBe('EXCLUDED');
    expect(checkLvef({ lvefPercent: 55 }).status).toBe('PASS');
  });

  it('missing LVEF → UNKNOWN', () => {
    expect(checkLvef({ product: 'KARMMA' })).toMatchObject({ status: 'UNKNOWN', needs: ['lvefPercent'] });
  });
});
