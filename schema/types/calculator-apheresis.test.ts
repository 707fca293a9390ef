import { describe, expect, it } from 'vitest';
import { badUserInput, calculatorClient, dataOf } from '../../test/unit/calculator-client.ts';

const call = calculatorClient();

type Readiness = {
  overall: string;
  needs: string[];
  rules: { ruleId: string; status: string; needs: string[] }[];
  washout: {
    status: string;
    earliestCollectionAt: string | null;
    earliestCollectionDate: string | null;
    treatments: {
      treatment: string;
      lastDoseAt: string;
      minimumIntervalHours: number;
      earliestAt: string;
      earliestDate: string;
      plannedCollectionMeets: boolean | null;
    }[];
  } | null;
};
const FIELDS = `overall needs rules { ruleId status needs }
  washout { status earliestCollectionAt earliestCollectionDate
    treatments { treatment lastDoseAt minimumIntervalHours earliestAt earliestDate plannedCollectionMeets } }`;

const readiness = async (input: Record<string, unknown>) =>
  (
    await dataOf<{ apheresisReadiness: Readiness }>(
      call,
      `query ($input: ApheresisInput!) { apheresisReadiness(input: $input) { ${FIELDS} } }`,
      { variables: { input } },
    )
  ).apheresisReadiness;

const READY = {
  hemoglobinGPerL: 90,
  plateletsE9PerL: 80,
  lymphocytesPerUl: 800,
  priorBendamustine: false,
  priorFludarabine: false,
};
const DOSES = {
  lastDoses: [
    { treatment: 'LENALIDOMIDE', at: '2026-03-01T20:00:00+08:00' },
    { treatment: 'THERAPEUTIC_DOSE_CORTICOSTEROIDS', at: '2026-03-10T08:00:00+08:00' },
    { treatment: 'ANTI_T_CELL_ANTIBODY', at: '2026-01-10T09:00:00+08:00' },
  ],
};

describe('apheresisReadiness', () => {
  it('gives the earliest collection per washout (APH-5), longest washout first, and the overall earliest', async () => {
    const result = await readiness({ ...READY, ...DOSES });
    expect(
      result.washout?.treatments.map((t) => [
        t.treatment,
        t.minimumIntervalHours,
        t.earliestAt,
        t.earliestDate,
      ]),
    ).toEqual([
      ['ANTI_T_CELL_ANTIBODY', 8 * 7 * 24, '2026-03-07T09:00:00+08:00', '2026-03-07'],
      ['LENALIDOMIDE', 14 * 24, '2026-03-15T20:00:00+08:00', '2026-03-15'],
      ['THERAPEUTIC_DOSE_CORTICOSTEROIDS', 72, '2026-03-13T08:00:00+08:00', '2026-03-13'],
    ]);
    expect(result.washout).toMatchObject({
      status: 'SCHEDULE',
      earliestCollectionAt: '2026-03-15T20:00:00+08:00',
      earliestCollectionDate: '2026-03-15',
    });
    expect(result.overall).toBe('READY');
  });

  it('a planned collection inside a washout is NOT_MET, so not ready; at the earliest time it is met', async () => {
    const early = await readiness({ ...READY, ...DOSES, plannedCollectionAt: '2026-03-15T19:59:00+08:00' });
    expect(early.overall).toBe('NOT_READY');
    expect(early.washout?.status).toBe('NOT_MET');
    expect(early.washout?.treatments.map((t) => t.plannedCollectionMeets)).toEqual([true, false, true]);
    const onTime = await readiness({ ...READY, ...DOSES, plannedCollectionAt: '2026-03-15T12:00:00Z' });
    expect(onTime.washout?.status).toBe('MET');
    expect(onTime.overall).toBe('READY');
  });

  it('without the last doses the washout is unknown (INCOMPLETE, needs lastDoses); [] means none given', async () => {
    const unknown = await readiness(READY);
    expect(unknown).toMatchObject({ overall: 'INCOMPLETE', needs: ['lastDoses'], washout: null });
    const none = await readiness({ ...READY, lastDoses: [] });
    expect(none.overall).toBe('READY');
    expect(none.washout).toMatchObject({ treatments: [], earliestCollectionAt: null });
  });

  it('HGB must be above 80 g/L (APH-1): 80 is not met, unless due to progression (RELATIVE)', async () => {
    const at80 = await readiness({
      ...READY,
      lastDoses: [],
      hemoglobinGPerL: 80,
      anaemiaDueToProgression: false,
    });
    expect(at80.rules[0]).toMatchObject({ ruleId: 'APH-1', status: 'NOT_MET' });
    const progression = await readiness({
      ...READY,
      lastDoses: [],
      hemoglobinGPerL: 80,
      anaemiaDueToProgression: true,
    });
    expect(progression.rules[0]).toMatchObject({ ruleId: 'APH-1', status: 'RELATIVE' });
  });

  it('invalid input names the field, the range and the value received', async () => {
    const { body } = await call(
      '{ apheresisReadiness(input: { hemoglobinGPerL: 19, plateletsE9PerL: -1 }) { overall } }',
    );
    expect(badUserInput(body).issues.map((i) => [i.field, i.allowed, i.received])).toEqual([
      ['input.hemoglobinGPerL', 'between 20 and 250 g/L', 19],
      ['input.plateletsE9PerL', 'between 0 and 2000 × 10⁹/L', -1],
    ]);
  });
});
