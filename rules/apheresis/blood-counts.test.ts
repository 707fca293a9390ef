import { describe, expect, it } from 'vitest';
import { checkHemoglobin, checkLymphocytes, checkPlatelets } from './blood-counts.ts';

describe('APH-1 HGB > 80 g/L', () => {
  it.each([
    [79.9, 'NOT_MET'],
    [80, 'NOT_MET'],
    [80.1, 'PASS'],
  ] as const)('HGB %s g/L (not due to progression) → %s', (hemoglobinGPerL, status) => {
    expect(checkHemoglobin({ hemoglobinGPerL, anaemiaDueToProgression: false }).status).toBe(status);
  });
  it('anaemia due to disease progression → RELATIVE: weigh benefit and risk', () => {
    const result = checkHemoglobin({ hemoglobinGPerL: 70, anaemiaDueToProgression: true });
    expect(result.status).toBe('RELATIVE');
    expect(result.advice[0]?.zh).toContain('不是淋巴细胞采集的绝对限制因素');
  });
  it('low HGB with the cause not given → UNKNOWN naming it; missing HGB → UNKNOWN', () => {
    expect(checkHemoglobin({ hemoglobinGPerL: 70 })).toMatchObject({
      status: 'UNKNOWN',
      needs: ['anaemiaDueToProgression'],
    });
    expect(checkHemoglobin({})).toMatchObject({ status: 'UNKNOWN', needs: ['hemoglobinGPerL'] });
  });
});

describe('APH-2 PLT > 50 × 10⁹/L', () => {
  it.each([
    [49.9, 'NOT_MET'],
    [50, 'NOT_MET'],
    [50.1, 'PASS'],
  ] as const)('PLT %s (not due to progression) → %s', (plateletsE9PerL, status) => {
    expect(checkPlatelets({ plateletsE9PerL, thrombocytopeniaDueToProgression: false }).status).toBe(status);
  });
  it('thrombocytopenia due to progression → RELATIVE; cause missing → UNKNOWN', () => {
    expect(checkPlatelets({ plateletsE9PerL: 30, thrombocytopeniaDueToProgression: true }).status).toBe(
      'RELATIVE',
    );
    expect(checkPlatelets({ plateletsE9PerL: 30 })).toMatchObject({
      status: 'UNKNOWN',
      needs: ['thrombocytopeniaDueToProgression'],
    });
  });
});

describe('APH-3 ALC > 500/µL or CD3⁺ > 150/µL', () => {
  it.each([
    [499, 'NOT_MET'],
    [500, 'NOT_MET'],
    [501, 'PASS'],
  ] as const)('ALC %s/µL with CD3⁺ 100/µL → %s', (lymphocytesPerUl, status) => {
    expect(checkLymphocytes({ lymphocytesPerUl, cd3PerUl: 100 }).status).toBe(status);
  });
  it.each([
    [149, 'NOT_MET'],
    [150, 'NOT_MET'],
    [151, 'PASS'],
  ] as const)('CD3⁺ %s/µL with ALC 300/µL → %s', (cd3PerUl, status) => {
    expect(checkLymphocytes({ lymphocytesPerUl: 300, cd3PerUl }).status).toBe(status);
  });
  it('either passing suffices even with the other missing', () => {
    expect(checkLymphocytes({ lymphocytesPerUl: 800 }).status).toBe('PASS');
    expect(checkLymphocytes({ cd3PerUl: 200 }).status).toBe('PASS');
  });
  it('one failing with the other missing → UNKNOWN naming the other', () => {
    expect(checkLymphocytes({ lymphocytesPerUl: 300 })).toMatchObject({
      status: 'UNKNOWN',
      needs: ['cd3PerUl'],
    });
    expect(checkLymphocytes({})).toMatchObject({
      status: 'UNKNOWN',
      needs: ['lymphocytesPerUl', 'cd3PerUl'],
    });
  });
});
