import { describe, expect, it } from 'vitest';
import { calculatorClient, dataOf } from '../../test/unit/calculator-client.ts';

const call = calculatorClient();

type Check = {
  status: string;
  needs: string[];
  drivers: string[];
  recommendations: { ruleId: string; textEn: string }[];
};

const premedication = async (input: string, language = 'EN') =>
  (
    await dataOf<{ premedicationCheck: Check }>(
      call,
      `{ premedicationCheck(input: { ${input} }, language: ${language}) { status needs drivers recommendations { ruleId textEn } } }`,
    )
  ).premedicationCheck;

describe('premedicationCheck (INF-4)', () => {
  it('INF-4: a corticosteroid premedication → WARN (not recommended), vital signs before infusion', async () => {
    const result = await premedication('steroidPremedication: true');
    expect(result.status).toBe('WARN');
    expect(result.recommendations.map((r) => r.ruleId)).toEqual(['INF-4', 'INF-4']);
  });

  it('INF-4: no corticosteroid → OK; not said → UNKNOWN naming it', async () => {
    expect((await premedication('steroidPremedication: false')).status).toBe('OK');
    expect(await premedication('')).toMatchObject({ status: 'UNKNOWN', needs: ['steroidPremedication'] });
  });

  it('INF-4: in Chinese on request', async () => {
    const result = await premedication('steroidPremedication: true', 'ZH_CN');
    expect(result.drivers[0]).toMatch(/\p{Script=Han}/u);
  });
});
