import { describe, expect, it } from 'vitest';
import { badUserInput, calculatorClient, dataOf } from '../../test/unit/calculator-client.ts';

const call = calculatorClient();

type Check = {
  status: string;
  hoursSinceIntervention: number;
  recheckAt: string | null;
  recommendations: { ruleId: string; text: string }[];
};

const hlh = async (assessedAt: string, fever = 'NOT_IMPROVED', endOrgan = 'NOT_PRESENT', language = 'EN') =>
  (
    await dataOf<{ hlhCheck: Check }>(
      call,
      `{ hlhCheck(input: { firstLineInterventionAt: "2026-03-01T08:00:00Z", assessedAt: "${assessedAt}", fever: ${fever}, endOrganToxicity: ${endOrgan} }, language: ${language}) {
        status hoursSinceIntervention recheckAt recommendations { ruleId text } } }`,
    )
  ).hlhCheck;

describe('hlhCheck (CRS-HLH)', () => {
  it.each([
    ['2026-03-01T19:59:00Z', 'RECHECK', 11.98, '2026-03-01T20:00:00.000Z'],
    ['2026-03-01T20:00:00Z', 'SUSPECTED', 12, null],
    ['2026-03-01T20:01:00Z', 'SUSPECTED', 12.02, null],
  ])('CRS-HLH: fever not improved, assessed %s → %s', async (at, status, hours, recheckAt) => {
    expect(await hlh(at)).toMatchObject({ status, hoursSinceIntervention: hours, recheckAt });
  });

  it('CRS-HLH: end-organ toxicity not improved at 12 h also suspects HLH/MAS, in Chinese on request', async () => {
    const result = await hlh('2026-03-01T20:00:00Z', 'IMPROVED', 'NOT_IMPROVED', 'ZH_CN');
    expect(result.status).toBe('SUSPECTED');
    expect(result.recommendations[0]?.ruleId).toBe('CRS-HLH');
    expect(result.recommendations[0]?.text).toMatch(/\p{Script=Han}/u);
  });

  it('CRS-HLH: both improved or never present → not suspected', async () => {
    expect((await hlh('2026-03-02T08:00:00Z', 'IMPROVED', 'NOT_PRESENT')).status).toBe('NOT_SUSPECTED');
  });

  it('an assessment before the intervention is invalid input naming the field', async () => {
    const { body } = await call(
      '{ hlhCheck(input: { firstLineInterventionAt: "2026-03-01T08:00:00Z", assessedAt: "2026-03-01T07:00:00Z", fever: IMPROVED, endOrganToxicity: IMPROVED }) { status } }',
    );
    expect(badUserInput(body).issues).toEqual([
      expect.objectContaining({
        field: 'input.assessedAt',
        allowed: 'a time at or after firstLineInterventionAt (2026-03-01T08:00:00Z)',
        received: '2026-03-01T07:00:00Z',
      }),
    ]);
  });
});
