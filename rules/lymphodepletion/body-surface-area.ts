/**
 * Body-surface area by Mosteller, √(height cm × weight kg / 3600), rounded to 2 decimals. The
 * rounded value is the one used for every dose, so the arithmetic shown can be redone by hand.
 */
export const mostellerBsaM2 = (heightCm: number, weightKg: number): number =>
  Math.round(Math.sqrt((heightCm * weightKg) / 3600) * 100) / 100;
