import { describe, expect, it } from 'vitest';
import { badUserInput, calculatorClient, dataOf } from '../../test/unit/calculator-client.ts';

const call = calculatorClient();

type Check = {
  status: string;
  unmet: string[];
  needs: string[];
  driverDetails: { ruleId: string; code: string }[];
  recommendations: { ruleId: string }[];
  notes: { ruleId: string }[];
  citations: { section: string }[];
};

const indication = async (input: string) =>
  (
    await dataOf<{ indicationCheck: Check }>(
      call,
      `{ indicationCheck(input: { ${input} }, language: EN) {
        status unmet needs driverDetails { ruleId code } recommendations { ruleId } notes { ruleId } citations { section } } }`,
    )
  ).indicationCheck;

const LABEL =
  'ageYears: 18, priorImmunomodulatoryDrug: true, priorProteasomeInhibitor: true, priorAntiCd38Antibody: true';

describe('indicationCheck (IND-1, IND-2)', () => {
  it.each([
    [4, 'ON_LABEL', []],
    [3, 'CLINICAL_TRIAL', ['PRIOR_LINES']],
  ])('IND-1: %i prior lines → %s', async (lines, status, unmet) => {
    const result = await indication(`${LABEL}, priorLines: ${lines}`);
    expect(result).toMatchObject({ status, unmet, needs: [] });
    expect(result.recommendations.map((r) => r.ruleId)).toEqual(['IND-1']);
  });

  it('IND-1: age 17 is not adult → clinical trial', async () => {
    expect(await indication(LABEL.replace('ageYears: 18', 'ageYears: 17') + ', priorLines: 5')).toMatchObject(
      {
        status: 'CLINICAL_TRIAL',
        unmet: ['ADULT'],
      },
    );
  });

  it('IND-1: nothing failed but the prior lines missing → UNKNOWN naming them', async () => {
    expect(await indication(LABEL)).toMatchObject({ status: 'UNKNOWN', needs: ['priorLines'] });
  });

  it('IND-2: with a CAR origin its information joins the answer', async () => {
    const result = await indication(`${LABEL}, priorLines: 4, carOrigin: FULLY_HUMAN`);
    expect(result.driverDetails).toEqual([{ ruleId: 'IND-2', code: 'FULLY_HUMAN' }]);
    expect(result.notes.map((n) => n.ruleId)).toEqual(['IND-1', 'IND-2', 'IND-2']);
    expect(result.citations.map((c) => c.section)).toEqual(['§2.1', '§2.2']);
  });

  it('a prior-line count above 30 is invalid input naming the field', async () => {
    const { body } = await call('{ indicationCheck(input: { priorLines: 31 }) { status } }');
    expect(badUserInput(body).issues).toEqual([
      expect.objectContaining({
        field: 'input.priorLines',
        allowed: 'a whole number between 0 and 30 lines',
        received: 31,
      }),
    ]);
  });
});
