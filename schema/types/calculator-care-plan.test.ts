import { describe, expect, it } from 'vitest';
import { badUserInput, calculatorClient, dataOf } from '../../test/unit/calculator-client.ts';

const call = calculatorClient();

type Item = {
  key: string;
  ruleId: string;
  kind: string;
  phase: string;
  status: string;
  text: string;
  timingEn: string;
  dueDate: string | null;
  dueBefore: string | null;
  startDate: string | null;
  stopDate: string | null;
  earliestStopDate: string | null;
  needs: string[];
  dose: { mg: number; route: string } | null;
  citation: { section: string };
};
type Plan = {
  today: string;
  dayAfterInfusion: number | null;
  neutrophilRecovery: string;
  neutrophilRecoveredAt: string | null;
  items: Item[];
  needs: string[];
  recommendations: { ruleId: string; textEn: string; dose: { mg: number } | null }[];
  citations: { section: string; source: string }[];
};
const FIELDS = `today dayAfterInfusion neutrophilRecovery neutrophilRecoveredAt needs
  items { key ruleId kind phase status text timingEn dueDate dueBefore startDate stopDate earliestStopDate needs dose { mg route } citation { section } }
  recommendations { ruleId textEn dose { mg } } citations { section source }`;

const plan = async (input: Record<string, unknown>, language = 'EN') =>
  (
    await dataOf<{ carePlan: Plan }>(
      call,
      `query ($input: CarePlanInput!) { carePlan(input: $input, language: ${language}) { ${FIELDS} } }`,
      { variables: { input: { product: 'KARMMA', ...input } } },
    )
  ).carePlan;

const COURSE = {
  lymphodepletionStartDate: '2026-02-24',
  infusionDate: '2026-03-01',
  followUpThroughMonth: 1,
};

describe('carePlan (PLAN-1)', () => {
  it('PLAN-1: on the infusion day, the items by phase with dates and status; the recommendations are those due or active', async () => {
    const result = await plan({ ...COURSE, priorCnsDisease: true, today: '2026-03-01' });
    expect(result.dayAfterInfusion).toBe(0);
    expect(result.items.map((i) => [i.key, i.status])).toEqual([
      ['INFX-1', 'DONE'],
      ['INFX-2', 'ACTIVE'],
      ['INF-1', 'DUE'],
      ['INFX-3-NEUTROPENIA', 'ACTIVE'],
      ['INFX-3-PNEUMOCYSTIS', 'ACTIVE'],
      ['FU-1-D14', 'UPCOMING'],
      ['FU-1-D28', 'UPCOMING'],
      ['IG-1-M1', 'UPCOMING'],
      ['IG-1-M2', 'UPCOMING'],
      ['IG-1-M3', 'UPCOMING'],
    ]);
    expect(result.items.find((i) => i.key === 'INFX-3-PNEUMOCYSTIS')).toMatchObject({
      startDate: '2026-03-01',
      earliestStopDate: '2026-06-01',
      stopDate: null,
    });
    expect(result.items.find((i) => i.key === 'INF-1')?.dose).toEqual({ mg: 750, route: 'PO' });
    expect(result.recommendations.map((r) => r.ruleId)).toEqual(['INFX-2', 'INF-1', 'INFX-3', 'INFX-3']);
    expect(result.recommendations[1]?.dose).toEqual({ mg: 750 });
    expect(result.citations[0]).toEqual({ section: 'Care plan', source: 'product-design' });
    expect(result.needs).toEqual(['neutrophilRecoveredAt']);
  });

  it('INFX-3: Pneumocystis prophylaxis reaches its minimum on infusion + 3 months exactly (recovered neutrophils)', async () => {
    const status = async (today: string) =>
      (await plan({ ...COURSE, neutrophilRecoveredAt: '2026-03-20', today })).items.find(
        (i) => i.key === 'INFX-3-PNEUMOCYSTIS',
      )?.status;
    expect(await status('2026-05-31')).toBe('ACTIVE');
    expect(await status('2026-06-01')).toBe('DONE');
  });

  it('PLAN-2: neutrophil recovery read from counts (1.0 × 10⁹/L counts as recovered)', async () => {
    const result = await plan({
      ...COURSE,
      today: '2026-03-14',
      neutrophilCounts: [
        { date: '2026-03-10', ancE9PerL: 0.4 },
        { date: '2026-03-13', ancE9PerL: 1.0 },
      ],
    });
    expect(result).toMatchObject({ neutrophilRecovery: 'RECOVERED', neutrophilRecoveredAt: '2026-03-13' });
    expect(result.items.find((i) => i.key === 'INFX-3-NEUTROPENIA')).toMatchObject({
      status: 'DONE',
      stopDate: '2026-03-13',
    });
  });

  it('PLAN-1: without dates nothing is dated and each item says what it needs; filter by status', async () => {
    const result = await plan({ today: '2026-03-01' });
    expect(result.dayAfterInfusion).toBeNull();
    expect(result.needs).toEqual(['lymphodepletionStartDate', 'priorCnsDisease', 'infusionDate']);
    for (const item of result.items) {
      expect([item.dueDate, item.dueBefore, item.startDate, item.stopDate, item.earliestStopDate]).toEqual([
        null,
        null,
        null,
        null,
        null,
      ]);
      expect(item.status).toBe('UNKNOWN');
    }
    const { carePlan } = await dataOf<{ carePlan: { items: { key: string }[] } }>(
      call,
      '{ carePlan(input: { product: KARMMA, infusionDate: "2026-03-01", today: "2026-03-15", followUpThroughMonth: 1 }) { items(status: [DUE]) { key } } }',
    );
    expect(carePlan.items).toEqual([{ key: 'FU-1-D14' }]);
  });

  it('PLAN-1: text in Chinese on request', async () => {
    const result = await plan({ ...COURSE, today: '2026-03-01' }, 'ZH_CN');
    expect(result.items[0]?.text).toContain('结核分枝杆菌');
  });

  it('PLAN-1: today defaults to the request day', async () => {
    const result = await plan({ infusionDate: '2026-03-01' });
    expect(result.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('a lymphodepletion start on the infusion day is invalid input naming the field', async () => {
    const { body } = await call(
      '{ carePlan(input: { product: KARMMA, lymphodepletionStartDate: "2026-03-01", infusionDate: "2026-03-01", today: "2026-03-02" }) { today } }',
    );
    expect(badUserInput(body).issues).toEqual([
      {
        field: 'input.lymphodepletionStartDate',
        allowed: 'a date before infusionDate (2026-03-01)',
        received: '2026-03-01',
        message:
          'input.lymphodepletionStartDate must be a date before infusionDate (2026-03-01); received "2026-03-01"',
      },
    ]);
  });

  it('followUpThroughMonth 0 is invalid input naming the field', async () => {
    const { body } = await call(
      '{ carePlan(input: { product: KARMMA, followUpThroughMonth: 0, today: "2026-03-02" }) { today } }',
    );
    expect(badUserInput(body).issues).toEqual([
      expect.objectContaining({
        field: 'input.followUpThroughMonth',
        allowed: 'a whole number between 1 and 120 months',
        received: 0,
      }),
    ]);
  });
});
