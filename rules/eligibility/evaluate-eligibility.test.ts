import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RULESET, RulesInputError, localizationProblems } from '../core/index.ts';
import { CAR_T_PRODUCTS } from '../reference/index.ts';
import { evaluateEligibility } from './evaluate-eligibility.ts';
import { ELIGIBILITY_RULE_IDS } from './result.ts';
import type { EligibilityStatus } from './result.ts';
import { ELIGIBILITY_EXCLUSIONS, FOREIGN_IMPLANTS } from './schemas.ts';
import type { EligibilityInput } from './schemas.ts';

/** A patient meeting every requirement, with nothing to warn about. */
const eligible: EligibilityInput = {
  product: 'CARTITUDE_1',
  noBetterOption: false,
  kps: 80,
  ecog: 1,
  lvefPercent: 60,
  cardiacAmyloidosis: false,
  atrialFibrillation: false,
  altUPerL: 30,
  altUlnUPerL: 40,
  astUPerL: 25,
  astUlnUPerL: 40,
  totalBilirubin: { unit: 'UMOL_PER_L', value: 12 },
  spo2RoomAirPercent: 97,
  activeInfection: false,
  expectedSurvivalWeeks: 52,
  exclusions: [],
  renalImpairment: false,
  hbsAgPositive: false,
  hbcAbPositive: false,
  foreignImplants: [],
  lateRelapse: false,
  priorBcmaTargetedTherapy: false,
};

const statusOf = (input: EligibilityInput, ruleId: string) =>
  evaluateEligibility(input).outcome.rules.find((rule) => rule.ruleId === ruleId)?.status;

describe('evaluateEligibility: overall outcome', () => {
  it('all requirements met → ELIGIBLE, every rule PASS, no drivers', () => {
    const result = evaluateEligibility(eligible);
    expect(result.outcome.overall).toBe('ELIGIBLE');
    expect(result.outcome.rules.map((rule) => rule.ruleId)).toEqual([...ELIGIBILITY_RULE_IDS]);
    expect(result.outcome.rules.every((rule) => rule.status === 'PASS')).toBe(true);
    expect(result.drivers).toEqual([]);
  });

  it('INFO only (renal impairment) stays ELIGIBLE', () => {
    const result = evaluateEligibility({ ...eligible, renalImpairment: true });
    expect(result.outcome.overall).toBe('ELIGIBLE');
    expect(result.drivers).toEqual([expect.objectContaining({ ruleId: 'ELIG-10', code: 'INFO' })]);
  });

  it('a WARN → ELIGIBLE_WITH_WARNINGS, with the advice as a recommendation', () => {
    const result = evaluateEligibility({ ...eligible, hbsAgPositive: true });
    expect(result.outcome.overall).toBe('ELIGIBLE_WITH_WARNINGS');
    expect(result.recommendations).toEqual([expect.objectContaining({ ruleId: 'ELIG-11' })]);
  });

  it('a RELATIVE → ELIGIBLE_WITH_WARNINGS', () => {
    const result = evaluateEligibility({ ...eligible, kps: 40, ecog: 3, noBetterOption: true });
    expect(result.outcome.overall).toBe('ELIGIBLE_WITH_WARNINGS');
    expect(statusOf({ ...eligible, kps: 40, ecog: 3, noBetterOption: true }, 'ELIG-1')).toBe('RELATIVE');
  });

  it('an UNKNOWN → INCOMPLETE', () => {
    const { lvefPercent: _omitted, ...withoutLvef } = eligible;
    expect(evaluateEligibility(withoutLvef).outcome.overall).toBe('INCOMPLETE');
  });

  it('an EXCLUDED wins over UNKNOWN → NOT_ELIGIBLE', () => {
    const { lvefPercent: _omitted, ...withoutLvef } = eligible;
    expect(evaluateEligibility({ ...withoutLvef, spo2RoomAirPercent: 90 }).outcome.overall).toBe(
      'NOT_ELIGIBLE',
    );
  });

  it('an empty input is INCOMPLETE and names what each rule needs', () => {
    const result = evaluateEligibility({});
    expect(result.outcome.overall).toBe('INCOMPLETE');
    const needs = Object.fromEntries(result.outcome.rules.map((rule) => [rule.ruleId, rule.needs]));
    expect(needs['ELIG-1']).toEqual(['kps', 'ecog']);
    expect(needs['ELIG-9']).toEqual(['exclusions']);
    expect(needs['ELIG-10']).toEqual([]);
  });

  it('accepts bilirubin in mg/dL', () => {
    expect(statusOf({ ...eligible, totalBilirubin: { unit: 'MG_PER_DL', value: 2.5 } }, 'ELIG-5')).toBe(
      'EXCLUDED',
    );
  });
});

describe('evaluateEligibility: envelope', () => {
  it('carries the ruleset, deduplicated citations of every rule, and the bilirubin Decision note', () => {
    const result = evaluateEligibility(eligible);
    expect(result.ruleset).toBe(RULESET.ref);
    expect(result.citations.map((c) => c.section)).toEqual(['§1.1', '§2.3', '§1.2']);
    expect(result.notes).toEqual([expect.objectContaining({ ruleId: 'ELIG-5' })]);
  });

  it('rejects invalid input with the field, the allowed range and the value received', () => {
    expect(() => evaluateEligibility({ kps: 120 })).toThrow(RulesInputError);
    expect(() => evaluateEligibility({ kps: 120 })).toThrow(
      'kps must be a whole number between 0 and 100 points; received 120',
    );
    expect(() => evaluateEligibility({ lvefPercent: 95 })).toThrow(
      'lvefPercent must be between 5 and 90 %; received 95',
    );
    expect(() => evaluateEligibility({ exclusions: ['SMOKER'] } as unknown as EligibilityInput)).toThrow(
      'exclusions[0] must be one of',
    );
    expect(() => evaluateEligibility({ kpss: 80 } as unknown as EligibilityInput)).toThrow(
      'unknown field kpss',
    );
  });
});

const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

const inputArbitrary: fc.Arbitrary<EligibilityInput> = fc.record({
  product: maybe(fc.constantFrom(...CAR_T_PRODUCTS)),
  noBetterOption: maybe(fc.boolean()),
  kps: maybe(fc.integer({ min: 0, max: 100 })),
  ecog: maybe(fc.integer({ min: 0, max: 5 })),
  lvefPercent: maybe(fc.double({ min: 5, max: 90, noNaN: true })),
  cardiacAmyloidosis: maybe(fc.boolean()),
  atrialFibrillation: maybe(fc.boolean()),
  altUPerL: maybe(fc.double({ min: 0, max: 500, noNaN: true })),
  altUlnUPerL: maybe(fc.double({ min: 1, max: 100, noNaN: true })),
  astUPerL: maybe(fc.double({ min: 0, max: 500, noNaN: true })),
  astUlnUPerL: maybe(fc.double({ min: 1, max: 100, noNaN: true })),
  totalBilirubin: maybe(
    fc.oneof(
      fc.record({
        unit: fc.constant('UMOL_PER_L' as const),
        value: fc.double({ min: 0, max: 100, noNaN: true }),
      }),
      fc.record({
        unit: fc.constant('MG_PER_DL' as const),
        value: fc.double({ min: 0, max: 6, noNaN: true }),
      }),
    ),
  ),
  spo2RoomAirPercent: maybe(fc.double({ min: 50, max: 100, noNaN: true })),
  activeInfection: maybe(fc.boolean()),
  expectedSurvivalWeeks: maybe(fc.double({ min: 0, max: 520, noNaN: true })),
  exclusions: maybe(fc.subarray([...ELIGIBILITY_EXCLUSIONS])),
  renalImpairment: maybe(fc.boolean()),
  hbsAgPositive: maybe(fc.boolean()),
  hbcAbPositive: maybe(fc.boolean()),
  foreignImplants: maybe(fc.subarray([...FOREIGN_IMPLANTS])),
  lateRelapse: maybe(fc.boolean()),
  priorBcmaTargetedTherapy: maybe(fc.boolean()),
  targetExpressionAssessed: maybe(fc.boolean()),
});

const expectedOverall = (statuses: readonly EligibilityStatus[]) =>
  statuses.includes('EXCLUDED')
    ? 'NOT_ELIGIBLE'
    : statuses.includes('UNKNOWN')
      ? 'INCOMPLETE'
      : statuses.includes('WARN') || statuses.includes('RELATIVE')
        ? 'ELIGIBLE_WITH_WARNINGS'
        : 'ELIGIBLE';

describe('evaluateEligibility: properties', () => {
  it('the overall follows the precedence EXCLUDED > UNKNOWN > WARN/RELATIVE; UNKNOWN exactly when needs is non-empty', () => {
    fc.assert(
      fc.property(inputArbitrary, (input) => {
        const { outcome } = evaluateEligibility(input);
        expect(outcome.overall).toBe(expectedOverall(outcome.rules.map((rule) => rule.status)));
        for (const rule of outcome.rules) expect(rule.status === 'UNKNOWN').toBe(rule.needs.length > 0);
      }),
    );
  });

  it('every produced text has Chinese zh and non-empty en', () => {
    fc.assert(
      fc.property(inputArbitrary, (input) => {
        expect(localizationProblems(evaluateEligibility(input))).toEqual([]);
      }),
    );
  });

  it('adding an exclusion never makes a patient more eligible', () => {
    fc.assert(
      fc.property(inputArbitrary, fc.constantFrom(...ELIGIBILITY_EXCLUSIONS), (input, exclusion) => {
        const result = evaluateEligibility({
          ...input,
          exclusions: [...(input.exclusions ?? []), exclusion],
        });
        expect(result.outcome.overall).toBe('NOT_ELIGIBLE');
      }),
    );
  });
});
