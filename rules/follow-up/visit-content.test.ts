import { describe, expect, it } from 'vitest';
import { localizationProblems } from '../core/index.ts';
import { followUpVisitContent } from './visit-content.ts';

const ids = (input: Parameters<typeof followUpVisitContent>[0]) =>
  followUpVisitContent(input).recommendations.map((r) => r.ruleId);

describe('FU-2 … FU-5 visit content', () => {
  it('FU-2 assessment indicators and FU-4 infection prevention are always given', () => {
    const result = followUpVisitContent({ extramedullaryDisease: false, viralVectorProduct: false });
    expect(ids({ extramedullaryDisease: false, viralVectorProduct: false })).toEqual(['FU-2', 'FU-4']);
    expect(result.outcome.needs).toEqual([]);
  });

  it('FU-2: the indicators §10 lists, in the consensus wording, not every item at every visit', () => {
    const fu2 = followUpVisitContent({}).recommendations.find((r) => r.ruleId === 'FU-2');
    expect(fu2?.text.zh).toContain(
      '评估的指标包括M蛋白定量、血清蛋白电泳、免疫固定电泳及游离轻链检测、骨髓细胞学、MRD',
    );
    expect(fu2?.text.zh).toContain('并非每次随访均需全部检查');
    expect(fu2?.text.en).toContain('not every item at every visit');
    for (const indicator of [
      'M-protein quantification',
      'serum protein electrophoresis',
      'immunofixation',
      'serum free light chains',
      'bone-marrow cytology and MRD as clinically indicated',
    ]) {
      expect(fu2?.text.en).toContain(indicator);
    }
    expect(fu2?.text.en).not.toMatch(/each (visit|assessment)/);
  });

  it('FU-3 extramedullary disease: imaging, MRI/CT/X-ray from 1 month and PET-CT from 3 months, with dates', () => {
    const result = followUpVisitContent({
      infusionDate: '2026-01-31',
      extramedullaryDisease: true,
      viralVectorProduct: true,
    });
    expect(result.outcome.emdImaging).toEqual({ firstAssessmentFrom: '2026-02-28', petCtFrom: '2026-04-30' });
    expect(result.recommendations.map((r) => r.ruleId)).toEqual(['FU-2', 'FU-3', 'FU-3', 'FU-4', 'FU-5']);
    expect(result.recommendations[2]?.text.en).toBe(
      'extramedullary disease: MRI, CT or X-ray from 2026-02-28 (1 month); PET-CT may be considered from 2026-04-30 (3 months)',
    );
  });

  it('FU-3 without an infusion date gives the timing in words', () => {
    expect(
      followUpVisitContent({ extramedullaryDisease: true, viralVectorProduct: true }).recommendations[2]?.text
        .zh,
    ).toContain('3个月后可考虑PET-CT评估');
  });

  it('FU-5 viral-vector products: long-term biosafety monitoring', () => {
    expect(ids({ extramedullaryDisease: false, viralVectorProduct: true })).toEqual(['FU-2', 'FU-4', 'FU-5']);
  });

  it('missing deciding inputs are named, never silently skipped', () => {
    const result = followUpVisitContent();
    expect(result.outcome.needs).toEqual(['extramedullaryDisease', 'viralVectorProduct']);
    expect(result.drivers.map((d) => d.ruleId)).toEqual(['FU-3', 'FU-5']);
    expect(localizationProblems(result)).toEqual([]);
    expect(result.citations.map((c) => c.section)).toEqual(['§10', '§7.3', '§7.4']);
  });
});
