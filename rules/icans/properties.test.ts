import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localizedTextProblems } from '../core/text-check.ts';
import { evaluateIcans } from './evaluate.ts';
import { gradeIcansFindings } from './grading.ts';
import { CEREBRAL_EDEMA, CONSCIOUSNESS_LEVELS, SEIZURES } from './schemas.ts';
import type { IcansFindings, IceScoreItems } from './schemas.ts';

const ice: fc.Arbitrary<IceScoreItems> = fc.record({
  orientation: fc.integer({ min: 0, max: 4 }),
  naming: fc.integer({ min: 0, max: 3 }),
  followsCommands: fc.integer({ min: 0, max: 1 }),
  writing: fc.integer({ min: 0, max: 1 }),
  attention: fc.integer({ min: 0, max: 1 }),
});
const findings: fc.Arbitrary<IcansFindings> = fc.record({
  ice: fc.option(ice, { nil: null }),
  consciousness: fc.constantFrom(...CONSCIOUSNESS_LEVELS),
  seizure: fc.constantFrom(...SEIZURES),
  deepFocalMotorWeakness: fc.boolean(),
  cerebralEdema: fc.constantFrom(...CEREBRAL_EDEMA),
});
const ICE_KEYS = ['orientation', 'naming', 'followsCommands', 'writing', 'attention'] as const;

/** Grade, or null when ICE is needed. */
const gradeOf = (f: IcansFindings): number | null => {
  const { outcome } = gradeIcansFindings(f);
  return outcome.status === 'GRADED' ? outcome.grade : null;
};
/** Worse by one step within its own scale (array order = severity order). */
const worse = <T>(scale: readonly T[], value: T, steps: number): T =>
  scale[Math.min(scale.length - 1, scale.indexOf(value) + steps)] as T;

describe('ICANS-GRADE properties', () => {
  it('ICANS-GRADE: total over valid findings: 0–4, or UNKNOWN only when ICE is missing in an arousable patient below 3', () => {
    fc.assert(
      fc.property(findings, (f) => {
        const { outcome } = gradeIcansFindings(f);
        if (outcome.status === 'GRADED') {
          expect([0, 1, 2, 3, 4]).toContain(outcome.grade);
        } else {
          expect(f.ice).toBeNull();
          expect(f.consciousness).not.toBe('UNAROUSABLE');
          expect(outcome.atLeastGrade).toBeLessThan(3);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('ICANS-GRADE: any single finding getting worse never lowers the grade', () => {
    fc.assert(
      fc.property(
        findings,
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom(...ICE_KEYS),
        (f, steps, item) => {
          const before = gradeOf(f);
          if (before === null) return;
          const variants: IcansFindings[] = [
            { ...f, consciousness: worse(CONSCIOUSNESS_LEVELS, f.consciousness, steps) },
            { ...f, seizure: worse(SEIZURES, f.seizure, steps) },
            { ...f, cerebralEdema: worse(CEREBRAL_EDEMA, f.cerebralEdema, steps) },
            { ...f, deepFocalMotorWeakness: true },
          ];
          if (f.ice) variants.push({ ...f, ice: { ...f.ice, [item]: Math.max(0, f.ice[item] - steps) } });
          for (const variant of variants) {
            const after = gradeOf(variant);
            expect(after).not.toBeNull();
            expect(after ?? -1).toBeGreaterThanOrEqual(before);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('ICE-SCORE: the reported ICE score is the sum of the tasks, 0–10, null when not assessed', () => {
    fc.assert(
      fc.property(findings, (f) => {
        const { outcome } = gradeIcansFindings(f);
        const expected = f.ice ? ICE_KEYS.reduce((sum, key) => sum + (f.ice?.[key] ?? 0), 0) : null;
        expect(outcome.iceScore).toBe(expected);
      }),
    );
  });
});

describe('ICANS full evaluation properties', () => {
  const weight = fc.double({ min: 20, max: 350, noNaN: true });

  it('ICANS-T5: doses never exceed their caps (tocilizumab ≤ 800 mg, methylprednisolone ≤ 1 mg/kg or 1000 mg, dexamethasone 10 mg)', () => {
    fc.assert(
      fc.property(findings, weight, fc.integer({ min: 0, max: 4 }), (f, weightKg, concurrentCrsGrade) => {
        for (const r of evaluateIcans({ ...f, weightKg, concurrentCrsGrade }).recommendations) {
          if (!r.dose) continue;
          if (r.dose.drug === 'tocilizumab') expect(r.dose.mg).toBeLessThanOrEqual(800);
          if (r.dose.drug === 'dexamethasone') expect(r.dose.mg).toBe(10);
          if (r.dose.drug === 'methylprednisolone')
            expect(r.dose.mg <= Math.round(weightKg) || r.dose.mg === 1000).toBe(true);
        }
      }),
    );
  });

  it('ICANS-GRADE: every produced text has a Chinese zh and a non-empty en', () => {
    fc.assert(
      fc.property(
        findings,
        fc.option(weight, { nil: undefined }),
        fc.integer({ min: 0, max: 4 }),
        fc.boolean(),
        (f, weightKg, crs, signs) => {
          const evaluation = evaluateIcans({
            ...f,
            weightKg,
            concurrentCrsGrade: crs,
            movementDisorderSigns: signs,
          });
          const { texts, problems } = localizedTextProblems(evaluation);
          expect(problems).toEqual([]);
          expect(texts).toBeGreaterThan(0);
        },
      ),
      { numRuns: 500 },
    );
  });
});
