import { describe, expect, it } from 'vitest';
import { badUserInput, calculatorClient, dataOf } from '../../test/unit/calculator-client.ts';

const call = calculatorClient();

type Assessment = {
  category: string | null;
  mrdAssessmentDate: string | null;
  bestResponseByDate: string | null;
  mayStillDeepen: boolean | null;
  drivers: string[];
  recommendations: { ruleId: string; citation: { section: string } }[];
  notes: { ruleId: string; textEn: string }[];
};

const response = async (input: string) =>
  (
    await dataOf<{ responseAssessment: Assessment }>(
      call,
      `{ responseAssessment(input: { ${input} }, language: EN) {
        category mrdAssessmentDate bestResponseByDate mayStillDeepen drivers
        recommendations { ruleId citation { section } } notes { ruleId textEn } } }`,
    )
  ).responseAssessment;

describe('responseAssessment (RESP-1)', () => {
  it('RESP-1: sCR is the enum value SCR; MRD date infusion + 1 month, best response by + 6 months (month ends)', async () => {
    expect(await response('category: SCR, infusionDate: "2026-01-31"')).toMatchObject({
      category: 'SCR',
      mrdAssessmentDate: '2026-02-28',
      bestResponseByDate: '2026-07-31',
      mayStillDeepen: false,
    });
  });

  it.each([
    ['2026-07-30', true],
    ['2026-07-31', false],
  ])(
    'RESP-1: VGPR assessed on %s (best response by 2026-07-31) → may still deepen %s',
    async (date, deepen) => {
      const result = await response(`category: VGPR, infusionDate: "2026-01-31", assessmentDate: "${date}"`);
      expect(result.mayStillDeepen).toBe(deepen);
      expect(result.notes.map((n) => n.ruleId)).toEqual(deepen ? ['RESP-1', 'RESP-1'] : ['RESP-1']);
    },
  );

  it('RESP-1: progression → assess immediately and see the relapse options (§9)', async () => {
    const result = await response('category: PD');
    expect(result.recommendations.map((r) => r.citation.section)).toEqual(['§6', '§9']);
    expect(result.mayStillDeepen).toBe(false);
  });

  it('an assessment before the infusion is invalid input naming the field', async () => {
    const { body } = await call(
      '{ responseAssessment(input: { infusionDate: "2026-03-01", assessmentDate: "2026-02-28" }) { category } }',
    );
    expect(badUserInput(body).issues).toEqual([
      expect.objectContaining({
        field: 'input.assessmentDate',
        allowed: 'a date on or after infusionDate (2026-03-01)',
        received: '2026-02-28',
      }),
    ]);
  });
});
