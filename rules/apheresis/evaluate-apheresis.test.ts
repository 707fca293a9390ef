import { describe, expect, it } from 'vitest';
import { RULESET, localizationProblems } from '../core/index.ts';
import { evaluateApheresis } from './evaluate-apheresis.ts';
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
