import { describe, expect, it } from 'vitest';
import { calculatorClient, dataOf } from '../../test/unit/calculator-client.ts';

const call = calculatorClient();

type Prophylaxis = {
  status: string;
  needs: string[];
  recommendations: {
    ruleId: string;
    textEn: string;
    dose: { drug: string; mg: number; route: string; schedule: string } | null;
  }[];
  citations: { section: string }[];
};

const seizure = async (input: string) =>
  (
    await dataOf<{ seizureProphylaxis: Prophylaxis }>(
      call,
      `{ seizureProphylaxis(input: { ${input} }, language: EN) {
        status needs recommendations { ruleId textEn dose { drug mg route schedule } } citations { section } } }`,
    )
  ).seizureProphylaxis;

describe('seizureProphylaxis (INF-1)', () => {
  it('INF-1: prior CNS disease → levetiracetam 750 mg PO every 12 h, after infection screening', async () => {
    const result = await seizure('priorCnsDisease: true');
    expect(result.status).toBe('PROPHYLAXIS_ADVISED');
    expect(result.recommendations.map((r) => r.ruleId)).toEqual(['INF-1', 'INF-1', 'INF-1']);
    expect(result.recommendations[2]?.dose).toEqual({
      drug: 'levetiracetam',
      mg: 750,
      route: 'PO',
      schedule: 'every 12 h',
    });
    expect(result.citations).toEqual([{ section: '§5.1' }, { section: '§7.3' }]);
  });

  it('INF-1: CNS disease not controlled → DEFER the infusion', async () => {
    const result = await seizure('priorCnsDisease: true, cnsDiseaseControlled: false');
    expect(result.status).toBe('DEFER');
    expect(result.recommendations[1]?.textEn).toBe(
      'CNS disease not controlled: defer the infusion until it is controlled',
    );
  });

  it('INF-1: no prior CNS disease → screening only; unknown history (null = absent) → UNKNOWN naming it', async () => {
    expect((await seizure('priorCnsDisease: false')).status).toBe('NOT_NEEDED');
    const unknown = await seizure('priorCnsDisease: null');
    expect(unknown).toMatchObject({ status: 'UNKNOWN', needs: ['priorCnsDisease'] });
    expect(unknown.recommendations.map((r) => r.dose)).toEqual([null]);
  });
});
