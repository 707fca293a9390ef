import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mostellerBsaM2 } from './body-surface-area.ts';

describe('Mosteller body-surface area, rounded to 2 decimals', () => {
  it.each([
    [170, 70, 1.82],
    [175, 75, 1.91],
    [160, 50, 1.49],
    [180, 100, 2.24],
    [150, 45, 1.37],
  ])('%s cm, %s kg → %s m²', (height, weight, bsa) => {
    expect(mostellerBsaM2(height, weight)).toBe(bsa);
  });

  it('is within 0.005 m² of the unrounded formula and grows with weight', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 100, max: 250, noNaN: true }),
        fc.double({ min: 20, max: 349, noNaN: true }),
        (h, w) => {
          expect(Math.abs(mostellerBsaM2(h, w) - Math.sqrt((h * w) / 3600))).toBeLessThanOrEqual(
            0.005 + 1e-9,
          );
          expect(mostellerBsaM2(h, w + 1)).toBeGreaterThanOrEqual(mostellerBsaM2(h, w));
        },
      ),
    );
  });
});
