import { describe, expect, it } from 'vitest';
import { checkEarlyCollection, checkManufacturingRisk, checkYield } from './advice.ts';

describe('APH-4 usual yield (60–600) × 10⁶/kg', () => {
  it.each([
    [59.9, 'outside'],
    [60, 'within'],
    [60.1, 'within'],
    [599.9, 'within'],
    [600, 'within'],
    [600.1, 'outside'],
  ] as const)('%s × 10⁶/kg → %s the usual range (INFO)', (collectedE6PerKg, where) => {
    const result = checkYield({ collectedE6PerKg });
    expect(result.status).toBe('INFO');
    expect(result.text.en).toContain(where === 'within' ? 'within the usual' : 'outside the usual');
  });
  it('without a yield states the usual range', () => {
    expect(checkYield({}).text.zh).toBe('淋巴细胞采集量一般为(60~600)×10⁶/kg');
  });
});

describe('APH-6 prior bendamustine or fludarabine', () => {
  it.each([
    [true, false, 'WARN'],
    [false, true, 'WARN'],
    [true, undefined, 'WARN'],
    [false, false, 'PASS'],
  ] as const)('bendamustine %s, fludarabine %s → %s', (priorBendamustine, priorFludarabine, status) => {
    expect(checkManufacturingRisk({ priorBendamustine, priorFludarabine }).status).toBe(status);
  });
  it('names the risk of manufacturing failure; missing → UNKNOWN', () => {
    expect(checkManufacturingRisk({ priorFludarabine: true }).text.zh).toContain(
      '自体CAR-T细胞制备失败的可能性增加',
    );
    expect(checkManufacturingRisk({ priorBendamustine: false })).toMatchObject({
      status: 'UNKNOWN',
      needs: ['priorFludarabine'],
    });
  });
});

describe('APH-7 early collection', () => {
  it('high risk or lenalidomide needed → INFO advising early collection', () => {
    for (const input of [{ highRisk: true }, { needsLenalidomide: true }]) {
      const result = checkEarlyCollection(input);
      expect(result.status).toBe('INFO');
      expect(result.advice[0]?.zh).toContain('提前采集淋巴细胞以备用');
    }
  });
  it('neither → PASS; not given → general INFO without advice', () => {
    expect(checkEarlyCollection({ highRisk: false, needsLenalidomide: false }).status).toBe('PASS');
    expect(checkEarlyCollection({})).toMatchObject({ status: 'INFO', advice: [] });
  });
});
