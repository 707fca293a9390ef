import { describe, expect, it } from 'vitest';
import { localizationProblems } from '../core/index.ts';
import { checkCellDose, referenceDoseRange } from './cell-dose.ts';

describe('INF-3 ABECMA (300–460) × 10⁶', () => {
  it.each([
    [299, 'OUTSIDE_RANGE'],
    [300, 'WITHIN_RANGE'],
    [301, 'WITHIN_RANGE'],
    [459, 'WITHIN_RANGE'],
    [460, 'WITHIN_RANGE'],
    [461, 'OUTSIDE_RANGE'],
  ] as const)('%s × 10⁶ → %s', (doseE6, status) => {
    expect(checkCellDose({ product: 'KARMMA', doseE6, unit: 'E6_TOTAL' }).outcome.status).toBe(status);
  });

  it('cites §5.2 and notes the KarMMa studied range beside the label range', () => {
    const result = checkCellDose({ product: 'KARMMA', doseE6: 200, unit: 'E6_TOTAL' });
    expect(result.citations.map((c) => c.section)).toEqual(['§5.2']);
    expect(result.notes[0]?.text.zh).toContain('(300~460)×10⁶');
    expect(result.recommendations[0]?.text.en).toContain('outside (300~460)×10⁶');
  });
});

describe('INF-3 other products against their T1 studied range', () => {
  it.each([
    [0.99, 'OUTSIDE_RANGE'],
    [1, 'WITHIN_RANGE'],
    [1.01, 'WITHIN_RANGE'],
    [5.99, 'WITHIN_RANGE'],
    [6, 'WITHIN_RANGE'],
    [6.01, 'OUTSIDE_RANGE'],
  ] as const)('CT103A %s × 10⁶/kg → %s', (doseE6, status) => {
    expect(checkCellDose({ product: 'CT103A', doseE6, unit: 'E6_PER_KG' }).outcome.status).toBe(status);
  });

  it.each([
    [0.74, 'OUTSIDE_RANGE'],
    [0.75, 'WITHIN_RANGE'],
    [0.76, 'OUTSIDE_RANGE'],
  ] as const)('cilta-cel (single studied dose 0.75 × 10⁶/kg) %s → %s', (doseE6, status) => {
    expect(checkCellDose({ product: 'CARTITUDE_1', doseE6, unit: 'E6_PER_KG' }).outcome.status).toBe(status);
  });

  it('CT053 uses the union of its three studies, (50~180) × 10⁶, cited to T1', () => {
    expect(referenceDoseRange('CT053')).toMatchObject({ min: 50, max: 180, unit: 'E6_TOTAL' });
    const result = checkCellDose({ product: 'CT053', doseE6: 181, unit: 'E6_TOTAL' });
    expect(result.outcome.status).toBe('OUTSIDE_RANGE');
    expect(result.citations.map((c) => c.section)).toEqual(['§5.2', 'T1']);
  });

  it('converts between per-kg and total doses with the weight', () => {
    const perKg = checkCellDose({ product: 'KARMMA', doseE6: 5, unit: 'E6_PER_KG', weightKg: 70 });
    expect(perKg.outcome).toMatchObject({ status: 'WITHIN_RANGE', doseInRangeUnitE6: 350 });
    expect(perKg.notes.at(-1)?.text.en).toBe('converted with 70 kg: 5×10⁶/kg = 350×10⁶');
    const total = checkCellDose({ product: 'CT103A', doseE6: 420, unit: 'E6_TOTAL', weightKg: 70 });
    expect(total.outcome).toMatchObject({ status: 'WITHIN_RANGE', doseInRangeUnitE6: 6 });
    expect(
      checkCellDose({ product: 'CT103A', doseE6: 421, unit: 'E6_TOTAL', weightKg: 70 }).outcome.status,
    ).toBe('OUTSIDE_RANGE');
  });

  it('different units without the weight → UNKNOWN needing it', () => {
    expect(checkCellDose({ product: 'KARMMA', doseE6: 5, unit: 'E6_PER_KG' }).outcome).toMatchObject({
      status: 'UNKNOWN',
      needs: ['weightKg'],
    });
  });

  it('a product the consensus does not list → NO_REFERENCE with the "own recommended dose" note', () => {
    const result = checkCellDose({ product: 'OTHER', doseE6: 100, unit: 'E6_TOTAL' });
    expect(result.outcome.status).toBe('NO_REFERENCE');
    expect(result.notes[0]?.text.zh).toContain('具体剂量要依据各产品前期预实验的推荐剂量');
    expect(localizationProblems(result)).toEqual([]);
  });
});
