import { describe, expect, it } from 'vitest';
import { checkCardiacRisk } from './cardiac-risk.ts';

describe('ELIG-3 cardiac amyloidosis or atrial fibrillation → WARN', () => {
  it.each([
    [true, false, 'WARN'],
    [false, true, 'WARN'],
    [true, true, 'WARN'],
    [true, undefined, 'WARN'],
    [false, false, 'PASS'],
  ] as const)('amyloidosis %s, AF %s → %s', (cardiacAmyloidosis, atrialFibrillation, status) => {
    expect(checkCardiacRisk({ cardiacAmyloidosis, atrialFibrillation }).status).toBe(status);
  });

  it('names both findings and the increased cardiovascular risk even with normal LVEF', () => {
    const result = checkCardiacRisk({ cardiacAmyloidosis: true, atrialFibrillation: true });
    expect(result.text.zh).toContain('心肌淀粉样变性、房颤');
    expect(result.text.zh).toContain('即使LVEF正常');
    expect(result.text.en).toContain('cardiac amyloidosis, atrial fibrillation');
  });

  it('not a pass-through: missing flags → UNKNOWN naming them', () => {
    expect(checkCardiacRisk({ cardiacAmyloidosis: false })).toMatchObject({
      status: 'UNKNOWN',
      needs: ['atrialFibrillation'],
    });
    expect(checkCardiacRisk({})).toMatchObject({
      status: 'UNKNOWN',
      needs: ['cardiacAmyloidosis', 'atrialFibrillation'],
    });
  });
});
