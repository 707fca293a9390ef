import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RULES_CONFIG,
  RULESET,
  RulesInputError,
  addHours,
  rulesConfigSchema,
} from '../core/index.ts';
import type { InputIssue, RulesConfig } from '../core/index.ts';
import { evaluateTocilizumabDose } from './check.ts';

const AT = '2026-03-02T12:00:00Z';
/** A time `hours` before AT (fractions allowed). */
const before = (hours: number): string => addHours(AT, -hours);
const check = (previousDoses: readonly string[], config: RulesConfig = DEFAULT_RULES_CONFIG, weightKg = 70) =>
  evaluateTocilizumabDose({ weightKg, at: AT, previousDoses }, config).outcome;
const LIMIT_4: RulesConfig = { ...DEFAULT_RULES_CONFIG, tocilizumabMaxDosesPer24h: 4 };
const PER_EPISODE: RulesConfig = { ...DEFAULT_RULES_CONFIG, tocilizumabTotalLimitScope: 'per-episode' };
const PER_COURSE: RulesConfig = { ...DEFAULT_RULES_CONFIG, tocilizumabTotalLimitScope: 'per-course' };

const issuesOf = (input: unknown): readonly InputIssue[] => {
  try {
    evaluateTocilizumabDose(input);
  } catch (error) {
    if (error instanceof RulesInputError) return error.issues;
    throw error;
  }
  throw new Error('expected a RulesInputError');
};

describe('TOCI-1 dose 8 mg/kg capped at 800 mg, rounded to the nearest mg', () => {
  it.each([
    [99.9, 799],
    [100, 800],
    [100.1, 800],
    [70, 560],
    [62.56, 500],
    [62.57, 501],
    [20, 160],
    [350, 800],
  ])('TOCI-1: %s kg → %s mg', (weightKg, doseMg) => {
    expect(check([], DEFAULT_RULES_CONFIG, weightKg).doseMg).toBe(doseMg);
  });

  it('TOCI-1: the recommendation carries the dose with its arithmetic and infusion time', () => {
    const [recommendation] = evaluateTocilizumabDose({ weightKg: 120, at: AT }).recommendations;
    expect(recommendation?.ruleId).toBe('TOCI-1');
    expect(recommendation?.dose).toMatchObject({ drug: 'tocilizumab', mg: 800, route: 'IV' });
    expect(recommendation?.dose?.basis.en).toBe(
      '8 mg/kg × 120 kg = 960 mg, single dose capped at 800 mg → 800 mg',
    );
    expect(recommendation?.dose?.schedule.zh).toBe('静脉滴注,时间大于1 h');
  });

  it.each([0, -5, 19.9, 350.1])(
    'TOCI-1: weight %s kg is invalid input (between 20 and 350 kg, the lymphodepletion bounds)',
    (weightKg) => {
      expect(issuesOf({ weightKg, at: AT })).toEqual([
        expect.objectContaining({ field: 'weightKg', allowed: 'between 20 and 350 kg', received: weightKg }),
      ]);
    },
  );

  it.each([
    [20, 160],
    [350, 800],
  ])('TOCI-1: weight %s kg is at a bound and accepted → %s mg', (weightKg, doseMg) => {
    expect(check([], DEFAULT_RULES_CONFIG, weightKg).doseMg).toBe(doseMg);
  });
});

describe('TOCI-2 a repeat needs ≥ 8 h since the last dose', () => {
  it.each([
    [7 + 59 / 60, 'TOO_SOON'],
    [8 - 1 / 3_600_000, 'TOO_SOON'],
    [8, 'ALLOWED'],
    [8 + 1 / 60, 'ALLOWED'],
  ])('TOCI-2: last dose %s h before → %s', (hours, status) => {
    expect(check([before(hours)]).status).toBe(status);
  });

  it('TOCI-2: too soon → earliest next dose = last dose + 8 h', () => {
    expect(check([before(7 + 59 / 60)])).toEqual({
      doseMg: 560,
      status: 'TOO_SOON',
      earliestNextDoseAt: '2026-03-02T12:01:00.000Z',
      dosesGiven: 1,
    });
  });

  it('TOCI-2: a dose recorded at exactly `at` is valid history and makes the next one too soon', () => {
    expect(check([AT]).status).toBe('TOO_SOON');
  });

  it('TOCI-2: no previous dose → ALLOWED now, earliest = at', () => {
    expect(check([])).toEqual({
      doseMg: 560,
      status: 'ALLOWED',
      earliestNextDoseAt: '2026-03-02T12:00:00.000Z',
      dosesGiven: 0,
    });
  });
});

describe('TOCI-3 at most 3 doses in any 24-hour window (configurable; printed 4)', () => {
  it('TOCI-3: 3 doses in the window (t−23:59, t−16, t−8) → MAX_24H_REACHED, earliest when the oldest leaves', () => {
    const outcome = check([before(23 + 59 / 60), before(16), before(8)]);
    expect(outcome.status).toBe('MAX_24H_REACHED');
    expect(outcome.earliestNextDoseAt).toBe('2026-03-02T12:01:00.000Z');
  });

  it('TOCI-3: a dose exactly 24 h before has left the window (window holds doses > t − 24 h)', () => {
    expect(check([before(24), before(16), before(8)]).status).toBe('ALLOWED');
  });

  it('TOCI-3: a dose 24 h minus 1 ms before is still in the window', () => {
    expect(check([before(24 - 1 / 3_600_000), before(16), before(8)]).status).toBe('MAX_24H_REACHED');
  });

  it('TOCI-3: 2 doses in the window → the 3rd dose is allowed', () => {
    expect(check([before(16), before(8)]).status).toBe('ALLOWED');
  });

  it('TOCI-3: with the printed limit 4 configured, the 4th dose within 24 h is allowed once 8 h passed', () => {
    expect(check([before(23), before(16), before(8)], LIMIT_4).status).toBe('ALLOWED');
    expect(check([before(23), before(16), before(8)]).status).toBe('MAX_24H_REACHED');
  });

  it('TOCI-3: the earliest time satisfies both the 8 h interval and the window', () => {
    // Doses at t−20, t−12, t−2: window frees at (t−20)+24 = t+4; interval needs (t−2)+8 = t+6.
    expect(check([before(20), before(12), before(2)]).earliestNextDoseAt).toBe('2026-03-02T18:00:00.000Z');
    // Doses at t−23, t−15, t−9: interval already met, window frees at t+1.
    expect(check([before(23), before(15), before(9)]).earliestNextDoseAt).toBe('2026-03-02T13:00:00.000Z');
  });

  it('TOCI-3: with limit 1, any dose within 24 h blocks until it is 24 h old', () => {
    const limit1 = { ...DEFAULT_RULES_CONFIG, tocilizumabMaxDosesPer24h: 1 };
    const outcome = check([before(10)], limit1);
    expect(outcome.status).toBe('MAX_24H_REACHED');
    expect(outcome.earliestNextDoseAt).toBe('2026-03-03T02:00:00.000Z');
  });

  it('TOCI-3: the note states the printed "4 in 24 h" beside the configured limit', () => {
    const { notes } = evaluateTocilizumabDose({ weightKg: 70, at: AT });
    expect(notes.map((n) => n.ruleId)).toEqual(['TOCI-3', 'TOCI-4']);
    expect(notes[0]?.text.zh).toContain('24 h内不超过4次');
    expect(evaluateTocilizumabDose({ weightKg: 70, at: AT }, LIMIT_4).notes.map((n) => n.ruleId)).toEqual([
      'TOCI-4',
    ]);
  });
});

describe('TOCI-4 at most 4 doses in total', () => {
  it('TOCI-4: the 4th dose is allowed (3 given, well spaced)', () => {
    expect(check([before(72), before(48), before(24)]).status).toBe('ALLOWED');
  });

  it('TOCI-4: after 4 doses → MAX_TOTAL_REACHED with no next time', () => {
    expect(check([before(96), before(72), before(48), before(24)])).toEqual({
      doseMg: 560,
      status: 'MAX_TOTAL_REACHED',
      earliestNextDoseAt: null,
      dosesGiven: 4,
    });
  });

  it.each([
    [undefined, 'per CRS episode'],
    [PER_EPISODE, 'per CRS episode'],
    [PER_COURSE, 'over the whole CAR-T course'],
  ] as const)(
    'TOCI-4: every check states the printed "总次数不得超过4次" beside the span used (config %#: %s)',
    (config, span) => {
      const { notes } = evaluateTocilizumabDose({ weightKg: 70, at: AT }, config);
      const note = notes.find((n) => n.ruleId === 'TOCI-4');
      expect(note?.text.zh).toContain('共识表4注印为"总次数不得超过4次",未说明计数范围');
      expect(note?.text.en).toContain(`Total limit of 4 doses counted ${span}`);
      expect(note?.text.en).toContain('"no more than 4 times in total" without saying over what span');
    },
  );

  it('TOCI-4: the default span is the CRS episode (a late CRS in a new CRS episode starts a new count)', () => {
    expect(DEFAULT_RULES_CONFIG.tocilizumabTotalLimitScope).toBe('per-episode');
    const note = evaluateTocilizumabDose({ weightKg: 70, at: AT }).notes.find((n) => n.ruleId === 'TOCI-4');
    expect(note?.text.zh).toContain('每个CRS病程(迟发CRS开始新的病程,重新计数)');
  });

  it.each([
    [PER_EPISODE, '4 doses given in this episode, at most 4 in total: no further dose'],
    [PER_COURSE, '4 doses given in this CAR-T course, at most 4 in total: no further dose'],
  ] as const)(
    'TOCI-4: the limit is the same (4) whatever the span; the text names the span (%#)',
    (config, reason) => {
      const evaluation = evaluateTocilizumabDose(
        { weightKg: 70, at: AT, previousDoses: [before(96), before(72), before(48), before(24)] },
        config,
      );
      expect(evaluation.outcome.status).toBe('MAX_TOTAL_REACHED');
      expect(evaluation.recommendations[0]?.text.en).toBe(`Tocilizumab — not allowed now: ${reason}`);
    },
  );

  it('TOCI-4: the span is a deployment setting; anything else is refused', () => {
    expect(() => rulesConfigSchema.parse({ tocilizumabTotalLimitScope: 'per-day' })).toThrow();
    expect(
      rulesConfigSchema.parse({ tocilizumabTotalLimitScope: 'per-course' }).tocilizumabTotalLimitScope,
    ).toBe('per-course');
  });

  it('TOCI-4: the recommendation is "no further dose" with no dose attached', () => {
    const { recommendations } = evaluateTocilizumabDose({
      weightKg: 70,
      at: AT,
      previousDoses: [before(96), before(72), before(48), before(24)],
    });
    expect(recommendations).toEqual([expect.objectContaining({ ruleId: 'TOCI-4' })]);
    expect(recommendations[0]?.dose).toBeUndefined();
  });
});

describe('TOCI status precedence MAX_TOTAL_REACHED > MAX_24H_REACHED > TOO_SOON > ALLOWED', () => {
  it('TOCI-4 over TOCI-3 and TOCI-2: 4 doses, 3 of them in the last 24 h, the last 1 h ago', () => {
    expect(check([before(30), before(17), before(9), before(1)], LIMIT_4).status).toBe('MAX_TOTAL_REACHED');
  });

  it('TOCI-3 over TOCI-2: 3 doses in 24 h, the last 1 h ago', () => {
    expect(check([before(17), before(9), before(1)]).status).toBe('MAX_24H_REACHED');
  });

  it('TOCI-2 when only the interval fails', () => {
    expect(check([before(1)]).status).toBe('TOO_SOON');
  });
});

describe('TOCI input validation and the envelope', () => {
  it('TOCI-2: a previous dose after `at` is invalid, naming the dose', () => {
    expect(issuesOf({ weightKg: 70, at: AT, previousDoses: [before(10), '2026-03-02T12:00:01Z'] })).toEqual([
      expect.objectContaining({ field: 'previousDoses[1]', received: '2026-03-02T12:00:01Z' }),
    ]);
  });

  it('TOCI-2: a time without offset is invalid', () => {
    expect(issuesOf({ weightKg: 70, at: '2026-03-02T12:00:00' })[0]?.field).toBe('at');
  });

  it('TOCI-1: doses are unordered input; order does not matter', () => {
    expect(check([before(8), before(24), before(16)])).toEqual(check([before(24), before(16), before(8)]));
  });

  it('TOCI-1: the outcome is exactly the contract TocilizumabDoseCheck fields; citations and ruleset in the envelope', () => {
    const evaluation = evaluateTocilizumabDose({ weightKg: 70, at: AT, previousDoses: [before(9)] });
    expect(Object.keys(evaluation.outcome).sort()).toEqual([
      'doseMg',
      'dosesGiven',
      'earliestNextDoseAt',
      'status',
    ]);
    expect(evaluation.citations).toEqual([{ section: '§7.1 T4', source: 'cn-mm-cart-2022' }]);
    expect(evaluation.ruleset).toBe(RULESET.ref);
    expect(evaluation.drivers.map((d) => d.ruleId)).toEqual(['TOCI-1', 'TOCI-2', 'TOCI-3', 'TOCI-4']);
  });
});
