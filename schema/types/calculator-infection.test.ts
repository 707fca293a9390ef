import { describe, expect, it } from 'vitest';
import { badUserInput, calculatorClient, dataOf } from '../../test/unit/calculator-client.ts';

const call = calculatorClient();

type Prophylaxis = {
  phase: string;
  status: string;
  needs: string[];
  pjpProphylaxisUntil: string | null;
  severeNeutropenia: boolean | null;
  recommendations: { ruleId: string; text: string; textZh: string; textEn: string }[];
  notes: { ruleId: string }[];
  citations: { section: string }[];
};
const FIELDS = `phase status needs pjpProphylaxisUntil severeNeutropenia
  recommendations { ruleId text textZh textEn } notes { ruleId } citations { section }`;

const prophylaxis = async (input: string, language = 'EN') =>
  (
    await dataOf<{ infectionProphylaxis: Prophylaxis }>(
      call,
      `{ infectionProphylaxis(input: { ${input} }, language: ${language}) { ${FIELDS} } }`,
    )
  ).infectionProphylaxis;

describe('infectionProphylaxis (INFX-1 … INFX-5)', () => {
  it('INFX-1: before lymphodepletion, full screening', async () => {
    const result = await prophylaxis('phase: BEFORE_LYMPHODEPLETION');
    expect(result).toMatchObject({ phase: 'BEFORE_LYMPHODEPLETION', status: 'ADVICE', needs: [] });
    expect(result.recommendations.map((r) => r.ruleId)).toEqual(['INFX-1']);
    expect(result.recommendations[0]?.textZh).toContain('结核分枝杆菌');
    expect(result.citations).toEqual([{ section: '§7.3' }]);
  });

  it('INFX-2: from the start of lymphodepletion, acyclovir or valacyclovir', async () => {
    const result = await prophylaxis('phase: FROM_LYMPHODEPLETION_START');
    expect(result.recommendations.map((r) => [r.ruleId, r.textEn])).toEqual([
      [
        'INFX-2',
        'from the start of lymphodepletion: acyclovir or valacyclovir, continued according to immune recovery',
      ],
    ]);
  });

  it('INFX-3: after an infusion on 31 January, Pneumocystis prophylaxis until at least 30 April (3 months, month end)', async () => {
    const result = await prophylaxis(
      'phase: AFTER_INFUSION, infusionDate: "2026-01-31", neutrophilsRecovered: false',
    );
    expect(result).toMatchObject({ status: 'ADVICE', pjpProphylaxisUntil: '2026-04-30' });
    expect(result.recommendations.map((r) => r.ruleId)).toEqual(['INFX-2', 'INFX-3', 'INFX-3']);
    expect(result.notes.map((n) => n.ruleId)).toEqual(['INFX-3']);
  });

  it('INFX-3: after infusion without the neutrophil recovery status → INCOMPLETE naming it', async () => {
    const result = await prophylaxis('phase: AFTER_INFUSION');
    expect(result).toMatchObject({
      status: 'INCOMPLETE',
      needs: ['neutrophilsRecovered'],
      pjpProphylaxisUntil: null,
    });
  });

  it.each([
    [0.99, true, ['INFX-1', 'INFX-4']],
    [1.0, false, ['INFX-1']],
  ])('INFX-4: ANC %f × 10⁹/L → severe neutropenia %s', async (anc, severe, ruleIds) => {
    const result = await prophylaxis(`phase: BEFORE_LYMPHODEPLETION, ancE9PerL: ${anc}`);
    expect(result.severeNeutropenia).toBe(severe);
    expect(result.recommendations.map((r) => r.ruleId)).toEqual(ruleIds);
  });

  it('INFX-5: suspected infection → treat per the 2016 guideline, in Chinese on request', async () => {
    const result = await prophylaxis(
      'phase: AFTER_INFUSION, neutrophilsRecovered: true, suspectedInfection: true',
      'ZH_CN',
    );
    const infection = result.recommendations.find((r) => r.ruleId === 'INFX-5');
    expect(infection?.text).toBe(infection?.textZh);
    expect(infection?.text).toContain('2016年版');
    expect(result.notes.map((n) => n.ruleId)).toContain('INFX-5');
  });

  it('an ANC above 100 × 10⁹/L is invalid input naming the field', async () => {
    const { body } = await call(
      '{ infectionProphylaxis(input: { phase: AFTER_INFUSION, ancE9PerL: 101 }) { status } }',
    );
    expect(badUserInput(body).issues).toEqual([
      expect.objectContaining({
        field: 'input.ancE9PerL',
        allowed: 'between 0 and 100 × 10⁹/L',
        received: 101,
      }),
    ]);
  });
});
