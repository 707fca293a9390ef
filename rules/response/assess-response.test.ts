import { describe, expect, it } from 'vitest';
import { RulesInputError, localizationProblems } from '../core/index.ts';
import { assessResponse } from './assess-response.ts';
import { RESPONSE_CATEGORIES } from './schemas.ts';

describe('RESP-1 response assessment', () => {
  it.each(RESPONSE_CATEGORIES.map((c) => [c]))('%s is named in both languages', (category) => {
    const result = assessResponse({ category });
    expect(result.drivers[0]?.code).toBe(category);
    expect(result.drivers[0]?.text.en).toContain(`(${category})`);
    expect(localizationProblems(result)).toEqual([]);
  });

  it('gives the timing: MRD around 1 month, best response by 6 months, with dates', () => {
    const result = assessResponse({ infusionDate: '2026-01-31' });
    expect(result.outcome).toMatchObject({
      mrdAssessmentDate: '2026-02-28',
      bestResponseByDate: '2026-07-31',
    });
    expect(result.notes[0]?.text.zh).toContain('部分患者甚至在6个月时才能达到最佳疗效');
  });

  it.each([
    ['PR', '2026-07-30', true],
    ['PR', '2026-07-31', false],
    ['VGPR', '2026-03-01', true],
    ['CR', '2026-03-01', false],
    ['sCR', '2026-03-01', false],
    ['PD', '2026-03-01', false],
  ] as const)(
    '%s assessed %s (infusion 2026-01-31): may still deepen %s',
    (category, assessmentDate, deepen) => {
      const result = assessResponse({ category, infusionDate: '2026-01-31', assessmentDate });
      expect(result.outcome.mayStillDeepen).toBe(deepen);
      expect(result.notes.length).toBe(deepen ? 2 : 1);
    },
  );

  it('cannot say whether a partial response may deepen without the dates', () => {
    expect(assessResponse({ category: 'PR' }).outcome.mayStillDeepen).toBeNull();
  });

  it('PD → assess immediately and see the relapse options (§9)', () => {
    const result = assessResponse({ category: 'PD' });
    expect(result.recommendations.at(-1)?.citation.section).toBe('§9');
    expect(result.citations.map((c) => c.section)).toEqual(['§6', '§9']);
  });

  it('rejects an assessment before the infusion', () => {
    expect(() => assessResponse({ infusionDate: '2026-03-01', assessmentDate: '2026-02-01' })).toThrow(
      RulesInputError,
    );
    expect(() => assessResponse({ category: 'XR' as 'CR' })).toThrow(
      'category must be one of sCR, CR, VGPR, PR, MR, SD, PD',
    );
  });
});
