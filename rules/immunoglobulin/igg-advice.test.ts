import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localizationProblems } from '../core/index.ts';
import { immunoglobulinAdvice } from './igg-advice.ts';

describe('IG-2 … IG-4 IgG thresholds', () => {
  it.each([
    [3.9, true, 'IVIG', 'IG-2'],
    [3.9, false, 'IVIG', 'IG-2'],
    [3.9, undefined, 'IVIG', 'IG-2'],
    [4.0, true, 'IVIG', 'IG-3'],
    [4.0, false, 'MONITOR', 'IG-1'],
    [4.0, undefined, 'UNKNOWN', 'IG-3'],
    [4.1, true, 'IVIG', 'IG-3'],
    [4.1, false, 'MONITOR', 'IG-1'],
    [5.9, true, 'IVIG', 'IG-3'],
    [6.0, true, 'IVIG', 'IG-3'],
    [6.0, false, 'MONITOR', 'IG-1'],
    [6.0, undefined, 'UNKNOWN', 'IG-3'],
    [6.1, true, 'EVALUATE_IMMUNOGLOBULINS_AND_B_CELLS', 'IG-4'],
    [6.1, false, 'MONITOR', 'IG-1'],
    [6.1, undefined, 'UNKNOWN', 'IG-4'],
  ] as const)('IgG %s g/L, infection %s → %s (%s)', (igGGPerL, infection, status, ruleId) => {
    const { outcome } = immunoglobulinAdvice({ igGGPerL, ...(infection === undefined ? {} : { infection }) });
    expect(outcome.status).toBe(status);
    expect(outcome.ruleId).toBe(ruleId);
    expect(outcome.needs).toEqual(status === 'UNKNOWN' ? ['infection'] : []);
  });

  it('IG-4 names IgG, IgA, IgM and B cells', () => {
    const result = immunoglobulinAdvice({ igGGPerL: 8, infection: true });
    expect(result.recommendations[0]?.text.zh).toContain('(IgG、IgA及IgM)和B细胞数量');
  });

  it('IVIG states that the consensus gives no dose', () => {
    expect(immunoglobulinAdvice({ igGGPerL: 3 }).notes.map((n) => n.text.en)).toContain(
      'the consensus gives no IVIG dose: follow the local protocol',
    );
  });

  it('missing IgG → UNKNOWN needing it', () => {
    expect(immunoglobulinAdvice({}).outcome).toMatchObject({ status: 'UNKNOWN', needs: ['igGGPerL'] });
  });
});

describe('IG-1 monthly IgG for 3 months', () => {
  it('gives the dates from the infusion date (month ends clamped)', () => {
    const result = immunoglobulinAdvice({ infusionDate: '2026-01-31', igGGPerL: 7, infection: false });
    expect(result.outcome.monitoringDates).toEqual(['2026-02-28', '2026-03-31', '2026-04-30']);
    expect(result.recommendations.at(-1)?.text.en).toBe(
      'monthly serum IgG for the first 3 months: 2026-02-28, 2026-03-31, 2026-04-30',
    );
  });
  it('without the infusion date gives the rule in words', () => {
    expect(immunoglobulinAdvice({ igGGPerL: 7, infection: false }).recommendations.at(-1)?.text.zh).toBe(
      'CAR-T细胞治疗后3个月内应每月监测患者血清IgG水平',
    );
  });
});

describe('IG properties', () => {
  it('IVIG exactly when IgG < 4, or 4–6 with infection; texts bilingual', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 60, noNaN: true }), fc.boolean(), (igGGPerL, infection) => {
        const result = immunoglobulinAdvice({ igGGPerL, infection });
        expect(result.outcome.status === 'IVIG').toBe(igGGPerL < 4 || (igGGPerL <= 6 && infection));
        expect(localizationProblems(result)).toEqual([]);
      }),
    );
  });
});
