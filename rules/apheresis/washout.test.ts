import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RulesInputError, localizationProblems } from '../core/index.ts';
import { WASHOUT_TREATMENTS } from './schemas.ts';
import type { WashoutTreatment } from './schemas.ts';
import { WASHOUT_HOURS, checkWashout } from './washout.ts';

const LAST = '2026-03-01T08:00:00+08:00';

describe('APH-5 washout intervals', () => {
  it.each([
    ['ANTI_T_CELL_ANTIBODY', '2026-04-26T08:00:00+08:00'],
    ['DONOR_LYMPHOCYTE_INFUSION', '2026-04-26T08:00:00+08:00'],
    ['CNS_RADIOTHERAPY', '2026-04-26T08:00:00+08:00'],
    ['COMBINATION_CHEMOTHERAPY', '2026-03-15T08:00:00+08:00'],
    ['LENALIDOMIDE', '2026-03-15T08:00:00+08:00'],
    ['BORTEZOMIB', '2026-03-15T08:00:00+08:00'],
    ['VINCRISTINE', '2026-03-08T08:00:00+08:00'],
    ['THERAPEUTIC_DOSE_CORTICOSTEROIDS', '2026-03-04T08:00:00+08:00'],
  ] as const)('%s last given %s → earliest collection %s', (treatment, earliestAt) => {
    const { outcome } = checkWashout({ lastDoses: [{ treatment, at: LAST }] });
    expect(outcome.treatments).toEqual([
      expect.objectContaining({
        treatment,
        earliestAt,
        earliestDate: earliestAt.slice(0, 10),
        plannedCollectionMeets: null,
      }),
    ]);
    expect(outcome.earliestCollectionAt).toBe(earliestAt);
    expect(outcome.status).toBe('SCHEDULE');
  });

  it('8 weeks is 56 days, 72 h is 3 days to the minute', () => {
    expect(WASHOUT_HOURS.ANTI_T_CELL_ANTIBODY).toBe(56 * 24);
    expect(WASHOUT_HOURS.THERAPEUTIC_DOSE_CORTICOSTEROIDS).toBe(72);
  });
});

describe('APH-5 planned collection boundary (allowed from the earliest instant on)', () => {
  const dexamethasone = {
    treatment: 'THERAPEUTIC_DOSE_CORTICOSTEROIDS' as const,
    at: '2026-03-01T08:00:00Z',
  };
  it.each([
    ['2026-03-04T07:59:00Z', 'NOT_MET'],
    ['2026-03-04T08:00:00Z', 'MET'],
    ['2026-03-04T08:01:00Z', 'MET'],
    ['2026-03-04T16:00:00+08:00', 'MET'],
    ['2026-03-04T15:59:00+08:00', 'NOT_MET'],
  ] as const)('72 h after 2026-03-01T08:00Z, planned %s → %s', (plannedCollectionAt, status) => {
    const result = checkWashout({ lastDoses: [dexamethasone], plannedCollectionAt });
    expect(result.outcome.status).toBe(status);
    expect(
      result.recommendations.some((r) =>
        r.text.en.includes('within the therapeutic-dose corticosteroids washout'),
      ),
    ).toBe(status === 'NOT_MET');
  });
});

describe('APH-5 overall earliest collection', () => {
  it('is the latest of the per-treatment times, in its own offset; the latest dose of a treatment counts', () => {
    const { outcome } = checkWashout({
      lastDoses: [
        { treatment: 'LENALIDOMIDE', at: '2026-03-01T08:00:00+08:00' },
        { treatment: 'LENALIDOMIDE', at: '2026-03-10T08:00:00+08:00' },
        { treatment: 'VINCRISTINE', at: '2026-03-12T09:00:00Z' },
      ],
    });
    expect(outcome.treatments.map((t) => [t.treatment, t.earliestAt])).toEqual([
      ['LENALIDOMIDE', '2026-03-24T08:00:00+08:00'],
      ['VINCRISTINE', '2026-03-19T09:00:00Z'],
    ]);
    expect(outcome.earliestCollectionAt).toBe('2026-03-24T08:00:00+08:00');
    expect(outcome.earliestCollectionDate).toBe('2026-03-24');
  });

  it('no treatment recorded → no constraint', () => {
    const result = checkWashout({ lastDoses: [] });
    expect(result.outcome).toMatchObject({ status: 'SCHEDULE', treatments: [], earliestCollectionAt: null });
    expect(result.recommendations[0]?.text.zh).toContain('无洗脱期限制');
  });

  it('rejects a dose time without an offset', () => {
    expect(() =>
      checkWashout({ lastDoses: [{ treatment: 'BORTEZOMIB', at: '2026-03-01T08:00:00' }] }),
    ).toThrow(RulesInputError);
  });

  it('property: the overall earliest respects every washout and equals one of them; texts are bilingual', () => {
    const dose = fc.record({
      treatment: fc.constantFrom<WashoutTreatment>(...WASHOUT_TREATMENTS),
      at: fc
        .date({
          min: new Date('2020-01-01T00:00:00Z'),
          max: new Date('2030-01-01T00:00:00Z'),
          noInvalidDate: true,
        })
        .map((d) => d.toISOString()),
    });
    fc.assert(
      fc.property(fc.array(dose, { minLength: 1, maxLength: 12 }), (lastDoses) => {
        const result = checkWashout({ lastDoses });
        const overall = Date.parse(result.outcome.earliestCollectionAt ?? '');
        for (const d of lastDoses) {
          expect(overall).toBeGreaterThanOrEqual(Date.parse(d.at) + WASHOUT_HOURS[d.treatment] * 3_600_000);
        }
        expect(result.outcome.treatments.map((t) => Date.parse(t.earliestAt))).toContain(overall);
        expect(localizationProblems(result)).toEqual([]);
      }),
    );
  });
});
