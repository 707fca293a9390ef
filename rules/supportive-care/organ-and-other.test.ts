import { describe, expect, it } from 'vitest';
import { localizationProblems } from '../core/index.ts';
import { organToxicityAdvice } from './organ-toxicity.ts';
import { otherToxicitiesToWatch } from './other-toxicities.ts';

describe('ORG-1 organ toxicity', () => {
  it.each([
    [['CARDIAC'], true],
    [['GASTROINTESTINAL', 'HEPATIC'], true],
    [['HEPATIC', 'PANCREAS'], false],
    [[], false],
  ] as const)('%j → highest risk %s', (organs, highestRisk) => {
    const result = organToxicityAdvice({ organs: [...organs] });
    expect(result.outcome.highestRisk).toBe(highestRisk);
    expect(result.drivers).toHaveLength(organs.length > 0 ? 1 : 0);
  });

  it('manages per NCCN and states it does not change the CRS grade', () => {
    const result = organToxicityAdvice();
    expect(result.recommendations.map((r) => r.text.zh)).toContain('具体可参照NCCN免疫治疗相关毒性管理');
    expect(result.notes[0]?.text.en).toBe(
      'organ toxicities are graded separately (CTCAE) and do not change the CRS grade',
    );
    expect(result.citations).toEqual([{ section: '§7.5', source: 'cn-mm-cart-2022' }]);
    expect(localizationProblems(organToxicityAdvice({ organs: ['CARDIAC', 'OTHER'] }))).toEqual([]);
  });
});

describe('OTH-1 other toxicities', () => {
  it('lists coagulopathy, tumour lysis syndrome and HLH/MAS, citing §7.7', () => {
    const result = otherToxicitiesToWatch();
    expect(result.outcome).toEqual(['COAGULOPATHY', 'TUMOUR_LYSIS_SYNDROME', 'HLH_MAS']);
    expect(result.recommendations[0]?.text.zh).toContain('凝血功能异常、肿瘤溶解综合征、HLH/MAS');
    expect(result.citations).toEqual([{ section: '§7.7', source: 'cn-mm-cart-2022' }]);
  });
});
