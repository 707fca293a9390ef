import { describe, expect, it } from 'vitest';
import { monitoringPlan } from './monitoring-plan.ts';

describe('INF-5 monitoring after infusion', () => {
  it.each([
    [undefined, 'CRS_SYMPTOMS_RESOLVED', null],
    [0, 'CRS_SYMPTOMS_RESOLVED', null],
    [1, 'CRS_SYMPTOMS_RESOLVED', 4],
    [2, 'CRS_GRADE_1_OR_LESS', 4],
    [3, 'CRS_GRADE_1_OR_LESS', 4],
  ] as const)(
    'CRS grade %s → monitor until %s, vital signs every %s h',
    (currentCrsGrade, monitorUntil, hours) => {
      const { outcome, recommendations } = monitoringPlan(
        currentCrsGrade === undefined ? {} : { currentCrsGrade },
      );
      expect(outcome.monitorUntil).toBe(monitorUntil);
      expect(outcome.vitalSignsMaxIntervalHours).toBe(hours);
      expect(recommendations.some((r) => r.text.zh.includes('降至≤1级'))).toBe(
        monitorUntil === 'CRS_GRADE_1_OR_LESS',
      );
    },
  );

  it('inpatient observation 7–14 days with dates from the infusion date', () => {
    const result = monitoringPlan({ infusionDate: '2026-03-28' });
    expect(result.outcome.inpatient).toEqual({
      from: '2026-03-28',
      atLeastUntil: '2026-04-04',
      upTo: '2026-04-11',
    });
    expect(result.recommendations.map((r) => r.text.en)).toContain(
      'inpatient monitoring from 2026-03-28 until at least 2026-04-04 (7 days) to 2026-04-11 (14 days)',
    );
  });

  it('lists the daily CRS work-up and 4-hourly vital signs, citing §5.3', () => {
    const result = monitoringPlan({});
    const zh = result.recommendations.map((r) => r.text.zh).join('\n');
    expect(zh).toContain('至少每4 h评估1次生命体征');
    expect(zh).toContain('铁蛋白、白细胞介素-6');
    expect(result.citations).toEqual([{ section: '§5.3', source: 'cn-mm-cart-2022' }]);
  });

  it('rejects a CRS grade outside 0–4', () => {
    expect(() => monitoringPlan({ currentCrsGrade: 5 })).toThrow(
      'currentCrsGrade must be a whole number between 0 and 4',
    );
  });
});
