import { describe, expect, it } from 'vitest';
import { badUserInput, calculatorClient, dataOf } from '../../test/unit/calculator-client.ts';

const call = calculatorClient();

type Window = {
  status: string;
  fullDaysAfterLymphodepletion: number;
  recommendedDates: string[];
  latestDate: string;
  drivers: string[];
  recommendations: { ruleId: string; text: string }[];
  notes: { ruleId: string }[];
};

const window = async (infusionDate: string, language = 'EN') =>
  (
    await dataOf<{ infusionWindow: Window }>(
      call,
      `{ infusionWindow(input: { lymphodepletionEndDate: "2026-03-07", infusionDate: "${infusionDate}" }, language: ${language}) {
        status fullDaysAfterLymphodepletion recommendedDates latestDate drivers recommendations { ruleId text } notes { ruleId } } }`,
    )
  ).infusionWindow;

describe('infusionWindow (INF-2)', () => {
  it.each([
    ['2026-03-08', 0, 'EARLY'],
    ['2026-03-09', 1, 'OK'],
    ['2026-03-10', 2, 'OK'],
    ['2026-03-11', 3, 'LATE'],
    ['2026-03-15', 7, 'LATE'],
    ['2026-03-16', 8, 'VIOLATION'],
  ])('lymphodepletion ends 2026-03-07, infusion %s: %i full days → %s', async (date, days, status) => {
    const result = await window(date);
    expect(result).toMatchObject({
      status,
      fullDaysAfterLymphodepletion: days,
      recommendedDates: ['2026-03-09', '2026-03-10'],
      latestDate: '2026-03-15',
    });
    expect(result.recommendations.map((r) => r.ruleId)).toEqual(status === 'OK' ? [] : ['INF-2']);
    expect(result.notes.map((n) => n.ruleId)).toEqual(['INF-2']);
  });

  it('explains in the requested language', async () => {
    const result = await window('2026-03-16', 'ZH_CN');
    expect(result.recommendations[0]?.text).toContain('最长不宜超过7 d');
  });

  it('an infusion on or before the last lymphodepletion day is invalid input', async () => {
    const { body } = await call(
      '{ infusionWindow(input: { lymphodepletionEndDate: "2026-03-07", infusionDate: "2026-03-07" }) { status } }',
    );
    expect(badUserInput(body).issues).toEqual([
      {
        field: 'input.infusionDate',
        allowed: 'a date after lymphodepletionEndDate (2026-03-07)',
        received: '2026-03-07',
        message:
          'input.infusionDate must be a date after lymphodepletionEndDate (2026-03-07); received "2026-03-07"',
      },
    ]);
  });
});
