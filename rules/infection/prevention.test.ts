import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localizationProblems } from '../core/index.ts';
import { infectionPrevention } from './prevention.ts';
import { INFECTION_PHASES } from './schemas.ts';

const ruleIds = (input: Parameters<typeof infectionPrevention>[0]) =>
  infectionPrevention(input).recommendations.map((r) => r.ruleId);

describe('INFX-1 … INFX-5 by phase', () => {
  it('before lymphodepletion: INFX-1 screening (HIV, HCV, HBV, CMV, TB) and control of active infection', () => {
    const result = infectionPrevention({ phase: 'BEFORE_LYMPHODEPLETION' });
    expect(ruleIds({ phase: 'BEFORE_LYMPHODEPLETION' })).toEqual(['INFX-1']);
    expect(result.recommendations[0]?.text.zh).toContain(
      '人类免疫缺陷病毒、丙型肝炎病毒、乙型肝炎病毒、巨细胞病毒、结核分枝杆菌',
    );
  });

  it('from lymphodepletion start: INFX-2 acyclovir or valacyclovir', () => {
    const result = infectionPrevention({ phase: 'FROM_LYMPHODEPLETION_START' });
    expect(ruleIds({ phase: 'FROM_LYMPHODEPLETION_START' })).toEqual(['INFX-2']);
    expect(result.recommendations[0]?.text.en).toContain('acyclovir or valacyclovir');
  });

  it('INFX-3 after infusion before neutrophil recovery: antiviral, norfloxacin + triazole + TMP-SMX, PJP ≥ 3 months with its date', () => {
    const result = infectionPrevention({
      phase: 'AFTER_INFUSION',
      infusionDate: '2026-01-31',
      neutrophilsRecovered: false,
    });
    expect(result.recommendations.map((r) => r.ruleId)).toEqual(['INFX-2', 'INFX-3', 'INFX-3']);
    expect(result.recommendations[1]?.text.zh).toContain('诺氟沙星、三唑类抗真菌药及复方磺胺甲噁唑片');
    expect(result.outcome.pjpProphylaxisUntil).toBe('2026-04-30');
    expect(result.recommendations[2]?.text.en).toBe(
      'Pneumocystis prophylaxis for at least 3 months: until at least 2026-04-30',
    );
    expect(result.outcome.status).toBe('ADVICE');
  });

  it('INFX-3 after neutrophil recovery the antibacterial/antifungal stop but PJP continues', () => {
    const result = infectionPrevention({ phase: 'AFTER_INFUSION', neutrophilsRecovered: true });
    expect(result.recommendations[1]?.text.en).toContain('can stop');
    expect(result.recommendations[2]?.text.en).toBe('Pneumocystis prophylaxis for at least 3 months');
  });

  it('INFX-3 after infusion with recovery status missing → INCOMPLETE needing it', () => {
    expect(infectionPrevention({ phase: 'AFTER_INFUSION' }).outcome).toMatchObject({
      status: 'INCOMPLETE',
      needs: ['neutrophilsRecovered'],
    });
  });

  it.each([
    [0.99, true],
    [1.0, false],
    [1.01, false],
    [0.3, true],
  ] as const)('INFX-4: ANC %s × 10⁹/L → isolation and G-CSF %s', (ancE9PerL, applies) => {
    const result = infectionPrevention({ phase: 'FROM_LYMPHODEPLETION_START', ancE9PerL });
    expect(result.outcome.severeNeutropenia).toBe(applies);
    expect(result.recommendations.some((r) => r.ruleId === 'INFX-4')).toBe(applies);
  });

  it('INFX-5: suspected infection → treat per the 2016 guideline, with the pathogen distribution', () => {
    const result = infectionPrevention({
      phase: 'AFTER_INFUSION',
      neutrophilsRecovered: false,
      suspectedInfection: true,
    });
    expect(result.recommendations.at(-1)).toMatchObject({ ruleId: 'INFX-5' });
    expect(result.notes.map((n) => n.text.en).join()).toContain('bacteria 57 %');
  });

  it('INFX-1 … INFX-5 property: every output cites §7.3 and is bilingual', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...INFECTION_PHASES),
        fc.option(fc.boolean(), { nil: undefined }),
        fc.option(fc.double({ min: 0, max: 20, noNaN: true }), { nil: undefined }),
        fc.option(fc.boolean(), { nil: undefined }),
        (phase, neutrophilsRecovered, ancE9PerL, suspectedInfection) => {
          const result = infectionPrevention({
            phase,
            neutrophilsRecovered,
            ancE9PerL,
            suspectedInfection,
            infusionDate: '2026-03-01',
          });
          expect(result.citations).toEqual([{ section: '§7.3', source: 'cn-mm-cart-2022' }]);
          expect(localizationProblems(result)).toEqual([]);
        },
      ),
    );
  });
});
