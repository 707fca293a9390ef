import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES_CONFIG } from '#rules';
import { badUserInput, calculatorClient, dataOf } from '../../test/unit/calculator-client.ts';

const call = calculatorClient();

type Check = {
  doseMg: number;
  status: string;
  earliestNextDoseAt: string | null;
  dosesGiven: number;
  recommendations: { ruleId: string; dose: { mg: number; basis: string } | null }[];
  notes: { ruleId: string }[];
  citations: { section: string; source: string }[];
};
const FIELDS =
  'doseMg status earliestNextDoseAt dosesGiven recommendations { ruleId dose { mg basis } } notes { ruleId } citations { section source }';

const check = async (input: string, client = call) =>
  (await dataOf<{ tocilizumabDose: Check }>(client, `{ tocilizumabDose(input: ${input}) { ${FIELDS} } }`))
    .tocilizumabDose;

const AT = '"2026-03-01T08:00:00Z"';

describe('tocilizumabDose', () => {
  it.each([
    [70, 560],
    [99.9, 799],
    [100, 800],
    [100.1, 800],
    [110, 800],
  ])('%f kg → %i mg (8 mg/kg, capped at 800 mg, TOCI-1)', async (weightKg, mg) => {
    const result = await check(`{ weightKg: ${weightKg}, at: ${AT} }`);
    expect(result.doseMg).toBe(mg);
    expect(result.recommendations[0]?.dose?.mg).toBe(mg);
  });

  it('with no dose history (the contract default []) a dose is allowed now', async () => {
    expect(await check(`{ weightKg: 70, at: ${AT} }`)).toMatchObject({
      status: 'ALLOWED',
      dosesGiven: 0,
      earliestNextDoseAt: '2026-03-01T08:00:00.000Z',
      citations: [{ section: '§7.1 T4', source: 'cn-mm-cart-2022' }],
    });
  });

  it('is TOO_SOON 6 h after a dose; the next is allowed 8 h after it (TOCI-2)', async () => {
    expect(await check(`{ weightKg: 70, at: ${AT}, previousDoses: ["2026-03-01T02:00:00Z"] }`)).toMatchObject(
      {
        status: 'TOO_SOON',
        dosesGiven: 1,
        earliestNextDoseAt: '2026-03-01T10:00:00.000Z',
      },
    );
    expect((await check(`{ weightKg: 70, at: ${AT}, previousDoses: ["2026-03-01T00:00:00Z"] }`)).status).toBe(
      'ALLOWED',
    );
  });

  const threeIn24h = `["2026-02-28T09:00:00Z", "2026-02-28T17:00:00Z", "2026-03-01T00:00:00Z"]`;

  it('stops at 3 doses in 24 h by default (TOCI-3) and notes the printed limit of 4', async () => {
    const result = await check(`{ weightKg: 70, at: ${AT}, previousDoses: ${threeIn24h} }`);
    expect(result).toMatchObject({
      status: 'MAX_24H_REACHED',
      earliestNextDoseAt: '2026-03-01T09:00:00.000Z',
    });
    // TOCI-3 states the printed limit of 4; TOCI-4 states its printed wording and the per-episode Decision.
    expect(result.notes.map((n) => n.ruleId)).toEqual(['TOCI-3', 'TOCI-4']);
  });

  it("uses the deployment's 24-hour limit from the context", async () => {
    const four = calculatorClient({ ...DEFAULT_RULES_CONFIG, tocilizumabMaxDosesPer24h: 4 });
    const result = await check(`{ weightKg: 70, at: ${AT}, previousDoses: ${threeIn24h} }`, four);
    expect(result.status).toBe('ALLOWED');
    expect(result.notes.map((n) => n.ruleId)).toEqual(['TOCI-4']);
  });

  it('after 4 doses no further dose is allowed: earliestNextDoseAt is null (TOCI-4)', async () => {
    const result = await check(
      `{ weightKg: 110, at: "2026-03-03T08:00:00Z", previousDoses: ["2026-02-28T09:00:00Z", "2026-02-28T17:00:00Z", "2026-03-01T01:00:00Z", "2026-03-01T10:00:00Z"] }`,
    );
    expect(result).toMatchObject({ status: 'MAX_TOTAL_REACHED', earliestNextDoseAt: null, dosesGiven: 4 });
    expect(result.recommendations.map((r) => [r.ruleId, r.dose])).toEqual([['TOCI-4', null]]);
  });

  describe('invalid input', () => {
    it.each([
      [0, 'between 20 and 350 kg'],
      [19.9, 'between 20 and 350 kg'],
      [350.1, 'between 20 and 350 kg'],
    ])('weight %f kg', async (weightKg, allowed) => {
      const { body } = await call(
        `{ tocilizumabDose(input: { weightKg: ${weightKg}, at: ${AT} }) { doseMg } }`,
      );
      expect(badUserInput(body).issues).toEqual([
        {
          field: 'input.weightKg',
          allowed,
          received: weightKg,
          message: `input.weightKg must be ${allowed}; received ${weightKg}`,
        },
      ]);
    });

    it('350 kg is still valid (the bound is inclusive)', async () => {
      expect((await check(`{ weightKg: 350, at: ${AT} }`)).doseMg).toBe(800);
    });

    it('a dose history after `at`', async () => {
      const { body } = await call(
        `{ tocilizumabDose(input: { weightKg: 70, at: ${AT}, previousDoses: ["2026-03-01T08:00:01Z"] }) { doseMg } }`,
      );
      expect(badUserInput(body).issues).toEqual([
        expect.objectContaining({ field: 'input.previousDoses[0]', received: '2026-03-01T08:00:01Z' }),
      ]);
    });
  });
});
