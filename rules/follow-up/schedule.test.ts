import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RulesInputError, localizationProblems } from '../core/index.ts';
import { followUpSchedule, toContractVisits } from './schedule.ts';

describe('FU-1 follow-up schedule', () => {
  it('default through month 36, from an infusion on a month end', () => {
    const { outcome } = followUpSchedule({ infusionDate: '2026-01-31' });
    expect(outcome.visits.map((v) => [v.day ?? v.month, v.date])).toEqual([
      [14, '2026-02-14'],
      [28, '2026-02-28'],
      [2, '2026-03-31'],
      [3, '2026-04-30'],
      [4, '2026-05-31'],
      [5, '2026-06-30'],
      [6, '2026-07-31'],
      [8, '2026-09-30'],
      [10, '2026-11-30'],
      [12, '2027-01-31'],
      [15, '2027-04-30'],
      [18, '2027-07-31'],
      [21, '2027-10-31'],
      [24, '2028-01-31'],
      [27, '2028-04-30'],
      [30, '2028-07-31'],
      [33, '2028-10-31'],
      [36, '2029-01-31'],
    ]);
    expect(outcome.visits.map((v) => v.phase)).toEqual([
      'EARLY',
      'EARLY',
      ...Array<string>(5).fill('MONTHLY'),
      ...Array<string>(3).fill('EVERY_2_MONTHS'),
      ...Array<string>(4).fill('YEAR_2'),
      ...Array<string>(4).fill('YEAR_3_ON'),
    ]);
  });

  it.each([
    [1, 2],
    [2, 3],
    [6, 7],
    [7, 7],
    [8, 8],
    [12, 10],
    [13, 10],
    [14, 10],
    [15, 11],
    [24, 14],
    [26, 14],
    [27, 15],
    [36, 18],
    [120, 46],
  ])('through month %s → %s visits', (throughMonth, count) => {
    expect(followUpSchedule({ infusionDate: '2026-03-01', throughMonth }).outcome.visits).toHaveLength(count);
  });

  it('labels are bilingual; year 3 says "every 3–6 months or as clinically indicated"', () => {
    const { outcome, notes, recommendations } = followUpSchedule({
      infusionDate: '2026-03-01',
      throughMonth: 27,
    });
    expect(outcome.visits[0]?.label).toEqual({
      zh: 'CAR-T细胞治疗后第14天:评估疾病的缓解状况和不良反应',
      en: 'Day 14 after infusion: response and adverse effects',
    });
    expect(outcome.visits.at(-1)?.label.en).toBe(
      'Month 27: comprehensive assessment, every 3–6 months or as clinically indicated from year 3',
    );
    expect(outcome.visits.at(-1)?.label.zh).toContain('每3~6个月或根据临床情况');
    expect(notes.map((n) => n.text.en).join()).toContain('every 3–6 months');
    expect(recommendations[0]?.text.zh).toBe('对于考虑疾病进展的患者应立即予以评估');
  });

  it('maps onto the contract FollowUpVisit in the requested language', () => {
    const { outcome } = followUpSchedule({ infusionDate: '2026-03-01', throughMonth: 1 });
    expect(toContractVisits(outcome.visits, 'en')).toEqual([
      { date: '2026-03-15', label: 'Day 14 after infusion: response and adverse effects' },
      { date: '2026-03-29', label: 'Day 28 after infusion: response and adverse effects' },
    ]);
    expect(toContractVisits(outcome.visits, 'zh-CN')[0]?.label).toContain('第14天');
  });

  it('rejects throughMonth outside 1–120 and invalid dates', () => {
    expect(() => followUpSchedule({ infusionDate: '2026-03-01', throughMonth: 0 })).toThrow(
      'throughMonth must be a whole number between 1 and 120 months; received 0',
    );
    expect(() => followUpSchedule({ infusionDate: '2026-13-01' })).toThrow(RulesInputError);
  });

  it('property: dates strictly increase, months are the consensus months, labels bilingual', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2015-01-01T00:00:00Z'),
          max: new Date('2040-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: 1, max: 120 }),
        (date, throughMonth) => {
          const infusionDate = date.toISOString().slice(0, 10);
          const result = followUpSchedule({ infusionDate, throughMonth });
          const { visits } = result.outcome;
          visits.forEach((visit, i) => {
            if (i > 0) expect(visit.date > (visits[i - 1]?.date ?? '')).toBe(true);
            expect(visit.month).toBeLessThanOrEqual(throughMonth);
            expect(visit.daysAfterInfusion).toBeGreaterThan(0);
          });
          const months = visits.filter((v) => v.phase !== 'EARLY').map((v) => v.month);
          for (const m of months) expect(m <= 6 || (m <= 12 && m % 2 === 0) || m % 3 === 0).toBe(true);
          expect(localizationProblems(result)).toEqual([]);
        },
      ),
    );
  });
});
