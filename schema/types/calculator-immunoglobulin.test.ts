import { describe, expect, it } from 'vitest';
import { badUserInput, calculatorClient, dataOf } from '../../test/unit/calculator-client.ts';

const call = calculatorClient();

type Advice = {
  status: string;
  ruleId: string;
  needs: string[];
  monitoringDates: string[] | null;
  recommendations: { ruleId: string; text: string; textZh: string }[];
};

const advice = async (input: string, headers: Record<string, string> = {}) =>
  (
    await dataOf<{ immunoglobulinAdvice: Advice }>(
      call,
      `{ immunoglobulinAdvice(input: ${input}) { status ruleId needs monitoringDates recommendations { ruleId text textZh } } }`,
      { headers },
    )
  ).immunoglobulinAdvice;

describe('immunoglobulinAdvice (IG-1 … IG-4)', () => {
  it.each([
    ['{ igGGPerL: 3.9 }', 'IVIG', 'IG-2'],
    ['{ igGGPerL: 4, infection: true }', 'IVIG', 'IG-3'],
    ['{ igGGPerL: 6, infection: true }', 'IVIG', 'IG-3'],
    ['{ igGGPerL: 6.1, infection: true }', 'EVALUATE_IMMUNOGLOBULINS_AND_B_CELLS', 'IG-4'],
    ['{ igGGPerL: 4, infection: false }', 'MONITOR', 'IG-1'],
  ])('%s → %s (%s)', async (input, status, ruleId) => {
    expect(await advice(input)).toMatchObject({ status, ruleId, needs: [] });
  });

  it('IgG 4–6 g/L without the infection status is UNKNOWN and names what it needs', async () => {
    expect(await advice('{ igGGPerL: 5, infection: null }')).toMatchObject({
      status: 'UNKNOWN',
      needs: ['infection'],
    });
  });

  it('gives the monthly IgG dates for the first 3 months from the infusion date (IG-1)', async () => {
    const result = await advice('{ igGGPerL: 3, infusionDate: "2026-01-31" }');
    expect(result.monitoringDates).toEqual(['2026-02-28', '2026-03-31', '2026-04-30']);
    expect(result.recommendations.map((r) => r.ruleId)).toEqual(['IG-2', 'IG-1']);
    expect((await advice('{ igGGPerL: 3 }')).monitoringDates).toBeNull();
  });

  it('answers in Chinese for Accept-Language zh-CN', async () => {
    const result = await advice('{ igGGPerL: 3 }', { 'accept-language': 'zh-CN' });
    expect(result.recommendations.map((r) => r.text)).toEqual(result.recommendations.map((r) => r.textZh));
  });

  it('an IgG outside 0–60 g/L is invalid input', async () => {
    const { body } = await call('{ immunoglobulinAdvice(input: { igGGPerL: 60.1 }) { status } }');
    expect(badUserInput(body).issues).toEqual([
      expect.objectContaining({ field: 'input.igGGPerL', allowed: 'between 0 and 60 g/L', received: 60.1 }),
    ]);
  });
});
