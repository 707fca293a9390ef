import { describe, expect, it } from 'vitest';
import { badUserInput, calculatorClient, dataOf } from '../../test/unit/calculator-client.ts';

const call = calculatorClient();

type Suspicion = {
  status: string;
  daysSinceInfusion: number;
  window: string;
  lateCrsPossible: boolean | null;
  needs: string[];
  driverDetails: { code: string }[];
  recommendations: { ruleId: string; textEn: string }[];
};

const suspicion = async (input: string) =>
  (
    await dataOf<{ crsSuspicion: Suspicion }>(
      call,
      `{ crsSuspicion(input: { ${input} }, language: EN) {
        status daysSinceInfusion window lateCrsPossible needs driverDetails { code } recommendations { ruleId textEn } } }`,
    )
  ).crsSuspicion;

const NORMAL = 'temperatureCelsius: 37.9, systolicBp: 90, spo2Percent: 90';

describe('crsSuspicion (CRS-S1)', () => {
  it('CRS-S1: 37.9 °C, SBP 90, SpO2 90 % → not suspected; the exclusions are always listed', async () => {
    const result = await suspicion(`daysSinceInfusion: 3, ${NORMAL}`);
    expect(result).toMatchObject({ status: 'NOT_SUSPECTED', lateCrsPossible: null, needs: [] });
    expect(result.recommendations.at(-1)?.textEn).toMatch(/infection.*tumour lysis.*allergic/);
  });

  it.each([
    ['temperatureCelsius: 38.0, systolicBp: 90, spo2Percent: 90', 'fever'],
    ['temperatureCelsius: 37.9, systolicBp: 89, spo2Percent: 90', 'hypotension'],
    ['temperatureCelsius: 37.9, systolicBp: 90, spo2Percent: 89.9', 'saturation-below-90'],
    [`${NORMAL}, organToxicity: true`, 'organ-toxicity'],
  ])('CRS-S1: %s → suspected (%s)', async (signs, code) => {
    const result = await suspicion(`daysSinceInfusion: 21, ${signs}`);
    expect(result).toMatchObject({ status: 'SUSPECTED', window: 'WITHIN_3_WEEKS', lateCrsPossible: false });
    expect(result.driverDetails.map((d) => d.code)).toEqual([code]);
  });

  it.each([
    [22, 'WEEKS_3_TO_4'],
    [28, 'WEEKS_3_TO_4'],
    [29, 'AFTER_4_WEEKS'],
  ])('CRS-S1: a fever on day %i → late CRS possible (%s)', async (day, window) => {
    expect(await suspicion(`daysSinceInfusion: ${day}, temperatureCelsius: 38.5`)).toMatchObject({
      status: 'SUSPECTED',
      window,
      lateCrsPossible: true,
    });
  });

  it('CRS-S1: no sign present and the blood pressure missing → UNKNOWN naming it', async () => {
    expect(await suspicion('daysSinceInfusion: 3, temperatureCelsius: 37, spo2Percent: 97')).toMatchObject({
      status: 'UNKNOWN',
      needs: ['systolicBp'],
    });
  });

  it('a temperature of 99 (°F?) is invalid input naming the field', async () => {
    const { body } = await call(
      '{ crsSuspicion(input: { daysSinceInfusion: 3, temperatureCelsius: 99 }) { status } }',
    );
    expect(badUserInput(body).issues).toEqual([
      expect.objectContaining({
        field: 'input.temperatureCelsius',
        allowed: 'between 25 and 45 °C',
        received: 99,
      }),
    ]);
  });
});
