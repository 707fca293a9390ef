import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RULESET, localizationProblems } from '../core/index.ts';
import { evaluateApheresis } from './evaluate-apheresis.ts';
import { WASHOUT_TREATMENTS } from './schemas.ts';
import type { ApheresisInput } from './schemas.ts';

const ready: ApheresisInput = {
  hemoglobinGPerL: 100,
  plateletsE9PerL: 120,
  lymphocytesPerUl: 900,
  cd3PerUl: 600,
  lastDoses: [{ treatment: 'LENALIDOMIDE', at: '2026-03-01T08:00:00+08:00' }],
  plannedCollectionAt: '2026-03-20T08:00:00+08:00',
  priorBendamustine: false,
  priorFludarabine: false,
  highRisk: false,
  needsLenalidomide: false,
};

describe('evaluateApheresis', () => {
  it('all met → READY with the washout detail', () => {
    const result = evaluateApheresis(ready);
    expect(result.outcome.overall).toBe('READY');
    expect(result.outcome.rules.map((r) => [r.ruleId, r.status])).toEqual([
      ['APH-1', 'PASS'],
      ['APH-2', 'PASS'],
      ['APH-3', 'PASS'],
      ['APH-4', 'INFO'],
      ['APH-5', 'PASS'],
      ['APH-6', 'PASS'],
      ['APH-7', 'PASS'],
    ]);
    expect(result.outcome.washout?.earliestCollectionAt).toBe('2026-03-15T08:00:00+08:00');
    expect(result.ruleset).toBe(RULESET.ref);
    expect(result.citations).toEqual([{ section: '§3', source: 'cn-mm-cart-2022' }]);
  });

  it('a collection planned inside a washout → NOT_READY, naming the washout', () => {
    const result = evaluateApheresis({ ...ready, plannedCollectionAt: '2026-03-14T08:00:00+08:00' });
    expect(result.outcome.overall).toBe('NOT_READY');
    expect(result.recommendations.map((r) => r.text.en).join()).toContain('lenalidomide washout');
  });

  it('without a planned collection APH-5 gives the earliest time as INFO', () => {
    const { plannedCollectionAt: _omitted, ...unplanned } = ready;
    const result = evaluateApheresis(unplanned);
    expect(result.outcome.rules[4]).toMatchObject({ ruleId: 'APH-5', status: 'INFO' });
    expect(result.outcome.overall).toBe('READY');
  });

  it('RELATIVE or WARN → READY_WITH_WARNINGS', () => {
    expect(
      evaluateApheresis({ ...ready, plateletsE9PerL: 40, thrombocytopeniaDueToProgression: true }).outcome
        .overall,
    ).toBe('READY_WITH_WARNINGS');
    expect(evaluateApheresis({ ...ready, priorFludarabine: true }).outcome.overall).toBe(
      'READY_WITH_WARNINGS',
    );
  });

  it('missing last doses → INCOMPLETE; an empty input names what is needed', () => {
    const { lastDoses: _omitted, ...withoutDoses } = ready;
    expect(evaluateApheresis(withoutDoses).outcome.overall).toBe('INCOMPLETE');
    const empty = evaluateApheresis({});
    expect(empty.outcome.overall).toBe('INCOMPLETE');
    expect(empty.outcome.rules.find((r) => r.ruleId === 'APH-5')?.needs).toEqual(['lastDoses']);
    expect(localizationProblems(empty)).toEqual([]);
  });

  it('rejects out-of-range counts with field and range', () => {
    expect(() => evaluateApheresis({ hemoglobinGPerL: 400 })).toThrow(
      'hemoglobinGPerL must be between 20 and 250 g/L; received 400',
    );
  });
});

describe('evaluateApheresis: properties', () => {
  const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
  const input: fc.Arbitrary<ApheresisInput> = fc.record({
    hemoglobinGPerL: maybe(fc.double({ min: 20, max: 250, noNaN: true })),
    anaemiaDueToProgression: maybe(fc.boolean()),
    plateletsE9PerL: maybe(fc.double({ min: 0, max: 2000, noNaN: true })),
    thrombocytopeniaDueToProgression: maybe(fc.boolean()),
    lymphocytesPerUl: maybe(fc.double({ min: 0, max: 5000, noNaN: true })),
    cd3PerUl: maybe(fc.double({ min: 0, max: 5000, noNaN: true })),
    collectedE6PerKg: maybe(fc.double({ min: 0, max: 2000, noNaN: true })),
    lastDoses: maybe(
      fc.array(
        fc.record({
          treatment: fc.constantFrom(...WASHOUT_TREATMENTS),
          at: fc.constantFrom(
            '2026-03-01T08:00:00+08:00',
            '2026-02-01T00:00:00Z',
            '2026-03-10T12:30:00-05:00',
          ),
        }),
        { maxLength: 5 },
      ),
    ),
    plannedCollectionAt: maybe(fc.constantFrom('2026-03-05T08:00:00+08:00', '2026-05-01T08:00:00+08:00')),
    priorBendamustine: maybe(fc.boolean()),
    priorFludarabine: maybe(fc.boolean()),
    highRisk: maybe(fc.boolean()),
    needsLenalidomide: maybe(fc.boolean()),
  });

  it('overall follows NOT_MET > UNKNOWN > WARN/RELATIVE; UNKNOWN exactly when needs is non-empty; texts bilingual', () => {
    fc.assert(
      fc.property(input, (value) => {
        const result = evaluateApheresis(value);
        const statuses = result.outcome.rules.map((r) => r.status);
        const expected = statuses.includes('NOT_MET')
          ? 'NOT_READY'
          : statuses.includes('UNKNOWN')
            ? 'INCOMPLETE'
            : statuses.includes('WARN') || statuses.includes('RELATIVE')
              ? 'READY_WITH_WARNINGS'
              : 'READY';
        expect(result.outcome.overall).toBe(expected);
        for (const rule of result.outcome.rules)
          expect(rule.status === 'UNKNOWN').toBe(rule.needs.length > 0);
        expect(localizationProblems(result)).toEqual([]);
      }),
    );
  });
});
