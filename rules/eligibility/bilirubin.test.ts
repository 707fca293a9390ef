import { describe, expect, it } from 'vitest';
import { rulesConfigSchema } from '../core/index.ts';
import { bilirubinUmolPerL, checkBilirubin } from './bilirubin.ts';

describe('ELIG-5 total bilirubin below the configured limit (default 34.2 µmol/L)', () => {
  it.each([
    [34.1, 'PASS'],
    [34.2, 'EXCLUDED'],
    [34.3, 'EXCLUDED'],
  ] as const)('%s µmol/L → %s', (value, status) => {
    expect(checkBilirubin({ totalBilirubin: { unit: 'UMOL_PER_L', value } }).status).toBe(status);
  });

  it.each([
    [1.99, 34.03, 'PASS'],
    [2.0, 34.2, 'EXCLUDED'],
    [2.01, 34.37, 'EXCLUDED'],
  ] as const)('%s mg/dL = %s µmol/L → %s', (value, umol, status) => {
    expect(bilirubinUmolPerL({ unit: 'MG_PER_DL', value })).toBe(umol);
    const result = checkBilirubin({ totalBilirubin: { unit: 'MG_PER_DL', value } });
    expect(result.status).toBe(status);
    expect(result.notes[0]?.en).toBe(`total bilirubin converted: ${value} mg/dL × 17.1 = ${umol} µmol/L`);
  });

  it.each([
    [19.9, 'PASS'],
    [20, 'EXCLUDED'],
    [20.1, 'EXCLUDED'],
  ] as const)('with a deployment limit of 20 µmol/L: %s µmol/L → %s', (value, status) => {
    const config = rulesConfigSchema.parse({ bilirubinMaxUmolPerL: 20 });
    const result = checkBilirubin({ totalBilirubin: { unit: 'UMOL_PER_L', value } }, config);
    expect(result.status).toBe(status);
    expect(result.notes.at(-1)?.en).toContain('< 20 µmol/L');
  });

  it('always states the printed "< 0.2 g/L" beside the value used', () => {
    for (const result of [
      checkBilirubin({ totalBilirubin: { unit: 'UMOL_PER_L', value: 10 } }),
      checkBilirubin({}),
    ]) {
      const note = result.notes.at(-1);
      expect(note?.en).toContain('< 0.2 g/L');
      expect(note?.en).toContain('< 34.2 µmol/L');
      expect(note?.zh).toContain('<0.2g/L');
    }
  });

  it('missing bilirubin → UNKNOWN', () => {
    expect(checkBilirubin({})).toMatchObject({ status: 'UNKNOWN', needs: ['totalBilirubin'] });
  });
});
