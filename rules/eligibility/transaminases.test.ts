import { describe, expect, it } from 'vitest';
import { checkTransaminases, transaminaseLimit } from './transaminases.ts';

const normal = { altUPerL: 20, altUlnUPerL: 40, astUPerL: 20, astUlnUPerL: 40 };

describe('ELIG-4 ALT and AST each < 3 × ULN', () => {
  it.each([
    [119.9, 'PASS'],
    [120, 'EXCLUDED'],
    [120.1, 'EXCLUDED'],
  ] as const)('ALT %s U/L with ULN 40 → %s', (altUPerL, status) => {
    expect(checkTransaminases({ ...normal, altUPerL }).status).toBe(status);
  });

  it.each([
    [104.9, 'PASS'],
    [105, 'EXCLUDED'],
    [105.1, 'EXCLUDED'],
  ] as const)('AST %s U/L with ULN 35 → %s', (astUPerL, status) => {
    expect(checkTransaminases({ ...normal, astUPerL, astUlnUPerL: 35 }).status).toBe(status);
  });

  it('uses the institution ULN without floating-point noise (3 × 33.3 = 99.9)', () => {
    expect(transaminaseLimit(33.3)).toBe(99.9);
    expect(checkTransaminases({ ...normal, altUPerL: 99.9, altUlnUPerL: 33.3 }).status).toBe('EXCLUDED');
    expect(checkTransaminases({ ...normal, altUPerL: 99.89, altUlnUPerL: 33.3 }).status).toBe('PASS');
  });

  it('names each value over its limit', () => {
    const result = checkTransaminases({ altUPerL: 200, altUlnUPerL: 40, astUPerL: 150, astUlnUPerL: 40 });
    expect(result.text.en).toContain('ALT 200 U/L');
    expect(result.text.en).toContain('AST 150 U/L');
  });

  it('one value over its limit excludes even with the other missing', () => {
    expect(checkTransaminases({ altUPerL: 130, altUlnUPerL: 40 }).status).toBe('EXCLUDED');
  });

  it('missing values or ULNs → UNKNOWN naming them', () => {
    expect(checkTransaminases({ altUPerL: 20, astUPerL: 20 })).toMatchObject({
      status: 'UNKNOWN',
      needs: ['altUlnUPerL', 'astUlnUPerL'],
    });
  });
});
