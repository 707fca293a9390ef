import { describe, expect, it } from 'vitest';
import { relapseOptions } from '#rules';
import { badUserInput, calculatorClient, dataOf } from '../../test/unit/calculator-client.ts';

const call = calculatorClient();

type Options = { options: string[]; needs: string[]; recommendations: { ruleId: string; textEn: string }[] };

const options = async (input: string) =>
  (
    await dataOf<{ relapseOptions: Options }>(
      call,
      `{ relapseOptions(input: ${input}) { options needs recommendations { ruleId textEn } } }`,
    )
  ).relapseOptions;

describe('relapseOptions (REL-1)', () => {
  it('antigen-positive after a murine 4-1BB CAR: humanised/fully human or dual target, and a switch to CD28', async () => {
    const result = await options(
      '{ antigenStatus: POSITIVE, priorCarOrigin: MURINE, priorCostimulatoryDomain: FOUR_1BB }',
    );
    const expected = relapseOptions({
      antigenStatus: 'POSITIVE',
      priorCarOrigin: 'MURINE',
      priorCostimulatoryDomain: '4-1BB',
    });
    expect(result.options).toEqual(['REL-1', 'REL-1.1', 'REL-1.4']);
    expect(result.recommendations).toEqual(
      expected.recommendations.map((r) => ({ ruleId: r.ruleId, textEn: r.text.en })),
    );
    expect(result.recommendations.at(-1)?.textEn).toContain('prior 4-1BB, consider CD28');
  });

  it.each([
    ['REDUCED', 'REL-1.2'],
    ['NEGATIVE', 'REL-1.3'],
  ])('antigen %s → %s', async (status, option) => {
    expect((await options(`{ antigenStatus: ${status} }`)).options).toContain(option);
  });

  it('short persistence adds REL-1.5', async () => {
    expect((await options('{ antigenStatus: NEGATIVE, poorPersistenceOrExpansion: true }')).options).toEqual([
      'REL-1',
      'REL-1.3',
      'REL-1.4',
      'REL-1.5',
    ]);
  });

  it('without the antigen status it says the status is needed', async () => {
    expect(await options('{}')).toMatchObject({ options: ['REL-1', 'REL-1.4'], needs: ['antigenStatus'] });
  });

  it('an unknown enum value is a client error, never a 500', async () => {
    const { status, body } = await call(
      '{ relapseOptions(input: { priorCostimulatoryDomain: CD3 }) { options } }',
    );
    expect(status).toBeLessThan(500);
    expect(() => badUserInput(body)).toThrow();
    expect(body.errors?.[0]?.message).toContain('CD3');
  });
});
