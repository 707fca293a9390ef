import { describe, expect, it } from 'vitest';
import { checkPerformanceStatus } from './performance-status.ts';

describe('ELIG-1 performance status: KPS ≥ 50 or ECOG ≤ 2', () => {
  it.each([
    [49, 'EXCLUDED'],
    [50, 'PASS'],
    [51, 'PASS'],
  ] as const)('KPS %s alone → %s', (kps, status) => {
    expect(checkPerformanceStatus({ kps, noBetterOption: false, product: 'CT053' }).status).toBe(status);
  });

  it.each([
    [1, 'PASS'],
    [2, 'PASS'],
    [3, 'EXCLUDED'],
  ] as const)('ECOG %s alone → %s', (ecog, status) => {
    expect(checkPerformanceStatus({ ecog, noBetterOption: false, product: 'CT053' }).status).toBe(status);
  });

  it('either scale meeting its threshold suffices', () => {
    expect(checkPerformanceStatus({ kps: 40, ecog: 2, noBetterOption: false, product: 'HRAIN' }).status).toBe(
      'PASS',
    );
    expect(checkPerformanceStatus({ kps: 50, ecog: 4, noBetterOption: false, product: 'HRAIN' }).status).toBe(
      'PASS',
    );
    expect(checkPerformanceStatus({ kps: 40, ecog: 3, noBetterOption: false, product: 'HRAIN' }).status).toBe(
      'EXCLUDED',
    );
  });

  it('both scales missing → UNKNOWN needing kps or ecog', () => {
    const result = checkPerformanceStatus({});
    expect(result.status).toBe('UNKNOWN');
    expect(result.needs).toEqual(['kps', 'ecog']);
  });

  it('a failed score is RELATIVE with no better option (§2.3)', () => {
    const result = checkPerformanceStatus({ kps: 40, noBetterOption: true, product: 'CT053' });
    expect(result.status).toBe('RELATIVE');
    expect(result.citation.section).toBe('§2.3');
    expect(result.advice[0]?.zh).toContain('不是绝对禁忌');
  });

  it('a failed score is RELATIVE with ide-cel (ABECMA has no performance-status requirement)', () => {
    const result = checkPerformanceStatus({ ecog: 3, noBetterOption: false, product: 'KARMMA' });
    expect(result.status).toBe('RELATIVE');
    expect(result.advice[0]?.en).toContain('ABECMA');
  });

  it('a failed score with the deciding context missing → UNKNOWN naming it, never EXCLUDED by default', () => {
    expect(checkPerformanceStatus({ kps: 40, product: 'CT053' })).toMatchObject({
      status: 'UNKNOWN',
      needs: ['noBetterOption'],
    });
    expect(checkPerformanceStatus({ kps: 40, noBetterOption: false })).toMatchObject({
      status: 'UNKNOWN',
      needs: ['product'],
    });
    expect(checkPerformanceStatus({ kps: 40 })).toMatchObject({
      status: 'UNKNOWN',
      needs: ['noBetterOption', 'product'],
    });
  });

  it('a product other than ide-cel with a better option available → EXCLUDED', () => {
    expect(checkPerformanceStatus({ kps: 30, noBetterOption: false, product: 'OTHER' }).status).toBe(
      'EXCLUDED',
    );
  });
});
