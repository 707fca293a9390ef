/**
 * EPI-2: a CRS grade from a record with unknown components is a lower bound. The grade is computed
 * with every unknown component at its least severe value (no fever, room air with a normal SpO2,
 * no vasopressor) and at its most severe; when the two agree the grade is complete (the unknown
 * could not change it), otherwise it is "at least" the least severe one and says what it needs:
 * each unknown component whose worst value alone would raise it.
 */
import { gradeCrsFindings } from '../crs/grading.ts';
import type { CrsFindings, Vasopressor } from '../crs/schemas.ts';
import type { Grade } from '../crs/types.ts';
import type { CarriedComponent } from './vitals-findings.ts';
import type { VitalsSnapshot } from './state.ts';

export type CrsBounds = {
  readonly least: Grade;
  readonly worst: Grade;
  /** Components whose value could raise the grade: what a complete grade needs. */
  readonly needs: readonly string[];
};

type Unknowns = {
  readonly temperature: boolean;
  readonly oxygen: boolean;
  readonly vasopressors: boolean;
  readonly spo2: boolean;
};

const WORST_VASOPRESSORS: readonly Vasopressor[] = ['NOREPINEPHRINE', 'EPINEPHRINE'];

/** The findings with the chosen unknowns at their most severe, the others at their least severe. */
const findingsWith = (s: VitalsSnapshot, masked: boolean, worst: Unknowns): CrsFindings => {
  const oxygen =
    s.oxygen ??
    (worst.oxygen
      ? { support: 'MECHANICAL_VENTILATION' as const, flowLpm: null }
      : { support: 'ROOM_AIR' as const, flowLpm: null });
  return {
    temperatureCelsius: s.feverCelsius ?? (worst.temperature ? 40 : 36.5),
    systolicBp: s.systolicBp,
    spo2Percent: s.spo2Percent ?? (worst.spo2 ? 80 : null),
    hypotension: s.hypotensionFlag,
    vasopressors: s.vasopressors ?? (worst.vasopressors ? WORST_VASOPRESSORS : []),
    oxygen: oxygen.support,
    oxygenFlowLpm: oxygen.flowLpm,
    afterAnticytokineTherapy: masked,
  };
};

const gradeOf = (findings: CrsFindings): Grade => {
  const result = gradeCrsFindings(findings);
  return result.outcome.status === 'GRADED' ? result.outcome.grade : 0;
};

const NONE: Unknowns = { temperature: false, oxygen: false, vasopressors: false, spo2: false };
const COMPONENTS = ['temperature', 'oxygen', 'vasopressors', 'spo2'] as const;

export const crsBounds = (
  snapshot: VitalsSnapshot,
  masked: boolean,
  unknown: readonly CarriedComponent[],
): CrsBounds => {
  const unknowns: Unknowns = {
    temperature: snapshot.feverCelsius === null,
    oxygen: unknown.includes('oxygen'),
    vasopressors: unknown.includes('vasopressors'),
    spo2: unknown.includes('spo2'),
  };
  const least = gradeOf(findingsWith(snapshot, masked, NONE));
  const worst = gradeOf(findingsWith(snapshot, masked, unknowns));
  const needs: string[] = [];
  if (worst > least) {
    // A component is needed when, for some values of the other unknowns, its value changes the grade.
    const open = COMPONENTS.filter((c) => unknowns[c]);
    for (const component of open) {
      const others = open.filter((c) => c !== component);
      for (let mask = 0; mask < 1 << others.length; mask += 1) {
        const base: Record<keyof Unknowns, boolean> = { ...NONE };
        others.forEach((c, i) => (base[c] = (mask & (1 << i)) !== 0));
        const without = gradeOf(findingsWith(snapshot, masked, { ...base, [component]: false }));
        const withWorst = gradeOf(findingsWith(snapshot, masked, { ...base, [component]: true }));
        if (withWorst > without) {
          needs.push(component);
          break;
        }
      }
    }
  }
  return { least, worst, needs };
};
