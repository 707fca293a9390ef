import { describe, expect, it } from 'vitest';
import { badUserInput, calculatorClient, dataOf } from '../../test/unit/calculator-client.ts';

const call = calculatorClient();

type Visit = { date: string; label: string; labelZh: string; labelEn: string; phase: string; month: number };

const schedule = async (args: string, headers: Record<string, string> = {}) =>
  (
    await dataOf<{ followUpSchedule: Visit[] }>(
      call,
      `{ followUpSchedule(${args}) { date label labelZh labelEn phase month } }`,
      { headers },
    )
  ).followUpSchedule;

describe('followUpSchedule', () => {
  it('lists visits through month 36 by default (FU-1): day 14 and 28, monthly to 6, every 2 to 12, every 3 after', async () => {
    const visits = await schedule('infusionDate: "2026-01-31"');
    expect(visits.map((v) => [v.phase, v.month])).toEqual([
      ['EARLY', 1],
      ['EARLY', 1],
      ...[2, 3, 4, 5, 6].map((m) => ['MONTHLY', m]),
      ...[8, 10, 12].map((m) => ['EVERY_2_MONTHS', m]),
      ...[15, 18, 21, 24].map((m) => ['YEAR_2', m]),
      ...[27, 30, 33, 36].map((m) => ['YEAR_3_ON', m]),
    ]);
    // Month arithmetic clamps to the month's last day: 31 January + 1 month → 28 February.
    expect(visits.slice(0, 4).map((v) => v.date)).toEqual([
      '2026-02-14',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
    ]);
    expect(visits.at(-1)?.date).toBe('2029-01-31');
  });

  it('stops at throughMonth', async () => {
    const visits = await schedule('infusionDate: "2026-03-01", throughMonth: 1');
    expect(visits.map((v) => v.date)).toEqual(['2026-03-15', '2026-03-29']);
  });

  it('labels follow the language: argument, else Accept-Language', async () => {
    const [zh] = await schedule('infusionDate: "2026-03-01", throughMonth: 1', {
      'accept-language': 'zh-CN',
    });
    expect(zh?.label).toBe(zh?.labelZh);
    expect(zh?.label).toContain('第14天');
    const [en] = await schedule('infusionDate: "2026-03-01", throughMonth: 1, language: EN', {
      'accept-language': 'zh-CN',
    });
    expect(en?.label).toBe(en?.labelEn);
    expect(en?.label).toContain('Day 14');
  });

  it.each([0, 121])('throughMonth %i is outside 1–120', async (month) => {
    const { body } = await call(
      `{ followUpSchedule(infusionDate: "2026-03-01", throughMonth: ${month}) { date } }`,
    );
    expect(badUserInput(body).issues).toEqual([
      expect.objectContaining({
        field: 'throughMonth',
        allowed: 'a whole number between 1 and 120 months',
        received: month,
      }),
    ]);
  });

  it('an impossible date is a client error naming the Date format, never a 500', async () => {
    const { status, body } = await call('{ followUpSchedule(infusionDate: "2026-02-30") { date } }');
    expect(status).toBeLessThan(500);
    expect(body.errors?.[0]?.message).toContain('Date must be an ISO 8601 calendar date');
  });
});
