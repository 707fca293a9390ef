import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localizedTextProblems } from '../core/text-check.ts';
import { evaluateCrs } from './evaluate.ts';
import { gradeCrsFindings } from './grading.ts';
import { OXYGEN_SUPPORTS, VASOPRESSORS } from './schemas.ts';
import type { CrsFindings, OxygenSupport } from './schemas.ts';

const temperature = fc.oneof(fc.double({ min: 25, max: 45, noNaN: true }), fc.constantFrom(37.9, 38, 38.1));
const systolicBp = fc.oneof(fc.integer({ min: 30, max: 300 }), fc.constantFrom(89, 90));
const spo2 = fc.oneof(fc.double({ min: 20, max: 100, noNaN: true }), fc.constantFrom(89.9, 90));
const flow = fc.oneof(fc.double({ min: 0.1, max: 80, noNaN: true }), fc.constantFrom(6, 6.1));

/**
 * Valid CRS findings: always with a temperature or after anti-cytokine therapy (so a grade exists);
 * no flow on room air (CRS-G7 refuses it).
 */
const findings: fc.Arbitrary<CrsFindings> = fc
  .record({
    temperatureCelsius: temperature,
    systolicBp: fc.option(systolicBp, { nil: undefined }),
    spo2Percent: fc.option(spo2, { nil: undefined }),
    hypotension: fc.boolean(),
    vasopressors: fc.array(fc.constantFrom(...VASOPRESSORS), { maxLength: 4 }),
    oxygen: fc.constantFrom(...OXYGEN_SUPPORTS),
    oxygenFlowLpm: flow,
    afterAnticytokineTherapy: fc.boolean(),
  })
  .map((f): CrsFindings => (f.oxygen === 'ROOM_AIR' ? { ...f, oxygenFlowLpm: undefined } : f));

const gradeOf = (f: CrsFindings): number => {
  const { outcome } = gradeCrsFindings(f);
  if (outcome.status !== 'GRADED') throw new Error(`not graded: ${JSON.stringify(f)}`);
  return outcome.grade;
};

/** Hypoxia grade of each support at a given flow, to say which change is "worse". */
const supportGrade = (oxygen: OxygenSupport, oxygenFlowLpm: number): number =>
  gradeOf({
    temperatureCelsius: 39,
    hypotension: false,
    vasopressors: [],
    oxygen,
    oxygenFlowLpm,
    afterAnticytokineTherapy: false,
  });

describe('CRS-GRADE properties', () => {
  it('CRS-GRADE: total over valid findings, always 0–4', () => {
    fc.assert(
      fc.property(findings, (f) => {
        const grade = gradeOf(f);
        expect(grade).toBeGreaterThanOrEqual(0);
        expect(grade).toBeLessThanOrEqual(4);
      }),
      { numRuns: 2000 },
    );
  });

  it('CRS-GRADE: a higher temperature never lowers the grade (CRS-G1)', () => {
    fc.assert(
      fc.property(findings, temperature, (f, t) => {
        const hotter = Math.max(f.temperatureCelsius ?? 25, t);
        expect(gradeOf({ ...f, temperatureCelsius: hotter })).toBeGreaterThanOrEqual(gradeOf(f));
      }),
    );
  });

  it('CRS-GRADE: a lower systolic BP never lowers the grade', () => {
    fc.assert(
      fc.property(findings, systolicBp, (f, sbp) => {
        const lower = Math.min(f.systolicBp ?? 300, sbp);
        expect(gradeOf({ ...f, systolicBp: lower })).toBeGreaterThanOrEqual(gradeOf(f));
      }),
    );
  });

  it('CRS-G6: a lower SpO2 never lowers the grade', () => {
    fc.assert(
      fc.property(findings, spo2, (f, s) => {
        const lower = Math.min(f.spo2Percent ?? 100, s);
        expect(gradeOf({ ...f, spo2Percent: lower })).toBeGreaterThanOrEqual(gradeOf(f));
      }),
    );
  });

  it('CRS-G6: starting oxygen on a room-air hypoxia (any support) never lowers the grade', () => {
    fc.assert(
      fc.property(findings, fc.constantFrom(...OXYGEN_SUPPORTS), flow, (f, oxygen, oxygenFlowLpm) => {
        if (f.oxygen !== 'ROOM_AIR' || oxygen === 'ROOM_AIR') return;
        expect(gradeOf({ ...f, oxygen, oxygenFlowLpm })).toBeGreaterThanOrEqual(gradeOf(f));
      }),
    );
  });

  it('CRS-GRADE: recording hypotension never lowers the grade', () => {
    fc.assert(fc.property(findings, (f) => gradeOf({ ...f, hypotension: true }) >= gradeOf(f)));
  });

  it('CRS-G3: adding any vasopressor never lowers the grade', () => {
    fc.assert(
      fc.property(
        findings,
        fc.constantFrom(...VASOPRESSORS),
        (f, agent) => gradeOf({ ...f, vasopressors: [...f.vasopressors, agent] }) >= gradeOf(f),
      ),
    );
  });

  it('CRS-GRADE: more oxygen support (a support grading at least as high, or more flow) never lowers the grade', () => {
    fc.assert(
      fc.property(findings, fc.constantFrom(...OXYGEN_SUPPORTS), flow, (f, oxygen, moreFlow) => {
        const flowNow = f.oxygenFlowLpm ?? 0.1;
        const worseFlow = Math.max(flowNow, moreFlow);
        expect(gradeOf({ ...f, oxygenFlowLpm: worseFlow })).toBeGreaterThanOrEqual(gradeOf(f));
        if (supportGrade(oxygen, flowNow) >= supportGrade(f.oxygen, flowNow)) {
          expect(gradeOf({ ...f, oxygen, oxygenFlowLpm: flowNow })).toBeGreaterThanOrEqual(gradeOf(f));
        }
      }),
    );
  });

  it('CRS-G4: organ toxicity never changes the grade', () => {
    fc.assert(
      fc.property(findings, (f) => {
        const a = evaluateCrs({ ...f, organToxicity: false }).outcome;
        const b = evaluateCrs({ ...f, organToxicity: true }).outcome;
        expect(b).toEqual(a);
      }),
    );
  });
});

describe('CRS-GRADE full evaluation properties', () => {
  const weight = fc.double({ min: 20, max: 350, noNaN: true });

  it('TOCI-1: no tocilizumab dose in any CRS evaluation exceeds 800 mg; every dose is positive', () => {
    fc.assert(
      fc.property(findings, weight, (f, weightKg) => {
        for (const r of evaluateCrs({ ...f, weightKg }).recommendations) {
          if (!r.dose) continue;
          expect(r.dose.mg).toBeGreaterThan(0);
          if (r.dose.drug === 'tocilizumab') expect(r.dose.mg).toBeLessThanOrEqual(800);
        }
      }),
    );
  });

  it('CRS-GRADE: every produced text has a Chinese zh and a non-empty en', () => {
    fc.assert(
      fc.property(
        findings,
        fc.option(weight, { nil: undefined }),
        fc.boolean(),
        (f, weightKg, organToxicity) => {
          const evaluation = evaluateCrs({ ...f, weightKg, organToxicity, spo2Percent: 85 });
          const { texts, problems } = localizedTextProblems(evaluation);
          expect(problems).toEqual([]);
          expect(texts).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
