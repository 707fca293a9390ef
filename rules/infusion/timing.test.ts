import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RulesInputError, addDays, localizationProblems } from '../core/index.ts';
import { LYMPHODEPLETION_PRODUCTS } from '../reference/index.ts';
import { lastLymphodepletionDay, planLymphodepletion } from '../lymphodepletion/index.ts';
import { checkInfusionTiming } from './timing.ts';

const END = '2026-03-07';

describe('INF-2 infusion 1–2 full days after the last lymphodepletion day, never more than 7', () => {
  it.each([
    ['2026-03-08', 0, 'EARLY'],
    ['2026-03-09', 1, 'OK'],
    ['2026-03-10', 2, 'OK'],
    ['2026-03-11', 3, 'LATE'],
    ['2026-03-14', 6, 'LATE'],
    ['2026-03-15', 7, 'LATE'],
    ['2026-03-16', 8, 'VIOLATION'],
    ['2026-03-25', 17, 'VIOLATION'],
  ] as const)(
    'INF-2: last dose 2026-03-07 → infusion %s: %s full days → %s',
    (infusionDate, fullDays, status) => {
      const { outcome } = checkInfusionTiming({ lymphodepletionEndDate: END, infusionDate });
      expect(outcome.fullDaysAfterLymphodepletion).toBe(fullDays);
      expect(outcome.status).toBe(status);
    },
  );

  it.each([
    [1, 'OK', 0],
    [2, 'OK', 0],
    [3, 'LATE', 1],
    [7, 'LATE', 1],
    [8, 'VIOLATION', 1],
  ] as const)(
    'INF-2: boundary %s full days → %s (spec: 1–2 OK, 3–7 WARN, > 7 VIOLATION), %s recommendation',
    (fullDays, status, recommendations) => {
      const result = checkInfusionTiming({
        lymphodepletionEndDate: END,
        infusionDate: addDays(END, fullDays + 1),
      });
      expect(result.outcome.status).toBe(status);
      expect(result.recommendations).toHaveLength(recommendations);
      expect(result.drivers[0]?.ruleId).toBe('INF-2');
    },
  );

  it('INF-2: 0 full days (the day right after the last dose) is EARLY, a warning, not a violation, and says why', () => {
    const result = checkInfusionTiming({ lymphodepletionEndDate: END, infusionDate: '2026-03-08' });
    expect(result.outcome.status).toBe('EARLY');
    expect(result.drivers[0]?.text.en).toContain('earlier than the recommended 1–2 days');
    expect(result.recommendations[0]?.ruleId).toBe('INF-2');
  });

  it('INF-2: shows the calendar dates of the recommended window and the latest date', () => {
    const result = checkInfusionTiming({ lymphodepletionEndDate: END, infusionDate: '2026-03-16' });
    expect(result.outcome.recommendedDates).toEqual(['2026-03-09', '2026-03-10']);
    expect(result.outcome.latestDate).toBe('2026-03-15');
    expect(result.recommendations[0]?.text.zh).toBe(
      '预处理化疗结束后1~2 d输注CAR-T细胞:2026-03-09或2026-03-10;最长不宜超过7 d(最晚 2026-03-15)',
    );
    expect(result.drivers[0]?.text.en).toContain('8 full days between');
  });

  it('INF-2: OK gives no recommendation; the counting rule is always noted', () => {
    const result = checkInfusionTiming({ lymphodepletionEndDate: END, infusionDate: '2026-03-10' });
    expect(result.recommendations).toEqual([]);
    expect(result.notes[0]?.text.en).toContain('full days between');
  });

  it('INF-2: every T2 regimen infused on day 0 lands in the recommended 1–2 days', () => {
    for (const product of LYMPHODEPLETION_PRODUCTS) {
      const plan = planLymphodepletion({
        product,
        heightCm: 170,
        weightKg: 70,
        infusionDate: '2026-03-10',
      }).outcome;
      const end = plan.days.at(-1)?.date ?? '';
      expect(end).toBe(addDays('2026-03-10', lastLymphodepletionDay(product)));
      expect(
        checkInfusionTiming({ lymphodepletionEndDate: end, infusionDate: '2026-03-10' }).outcome.status,
      ).toBe('OK');
    }
  });

  it('INF-2: infusion on or before the last lymphodepletion day is invalid input', () => {
    expect(() => checkInfusionTiming({ lymphodepletionEndDate: END, infusionDate: END })).toThrow(
      RulesInputError,
    );
    expect(() => checkInfusionTiming({ lymphodepletionEndDate: END, infusionDate: '2026-03-01' })).toThrow(
      'infusionDate must be a date after lymphodepletionEndDate (2026-03-07)',
    );
  });

  it('INF-2: property: status follows the full-day count, across month and year ends; texts bilingual', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2020-01-01T00:00:00Z'),
          max: new Date('2035-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: 0, max: 40 }),
        (date, fullDays) => {
          const lymphodepletionEndDate = date.toISOString().slice(0, 10);
          const result = checkInfusionTiming({
            lymphodepletionEndDate,
            infusionDate: addDays(lymphodepletionEndDate, fullDays + 1),
          });
          expect(result.outcome.fullDaysAfterLymphodepletion).toBe(fullDays);
          expect(result.outcome.status).toBe(
            fullDays === 0 ? 'EARLY' : fullDays <= 2 ? 'OK' : fullDays <= 7 ? 'LATE' : 'VIOLATION',
          );
          expect(localizationProblems(result)).toEqual([]);
        },
      ),
    );
  });
});
