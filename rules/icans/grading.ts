/**
 * ICANS-GRADE: ASTCT 2019 ICANS grading for adults, the hot path. The grade is the most severe of
 * the domains (each not attributable to another cause):
 * - ICE score: 7–9 → 1, 3–6 → 2, 0–2 → 3; grade 4 via ICE only when the patient is unarousable
 *   (an awake patient with global aphasia and ICE 0 is grade 3);
 * - depressed consciousness: awakens spontaneously 1, to voice 2, only to tactile stimulus 3,
 *   unarousable / vigorous or repetitive stimuli / stupor / coma 4;
 * - seizure: rapidly resolving 3, prolonged (> 5 min) or repetitive without return to baseline 4;
 * - motor: deep focal motor weakness 4;
 * - raised ICP / cerebral oedema: focal 3, diffuse (also posturing, CN VI palsy, papilloedema,
 *   Cushing's triad) 4.
 * ICE 10 and nothing else → 0. ICE omitted (not assessable): an unarousable patient is grade 4;
 * otherwise a grade ≥ 3 from another domain stands (an arousable patient's ICE gives at most 3);
 * otherwise UNKNOWN, needs `ice` — never a silent pass.
 * No string building and, apart from the drivers array, no allocation: outcomes are pre-built.
 */
import type { Driver, Unknown } from '../core/index.ts';
import type { Grade, GradeResult } from '../crs/types.ts';
import { ICANS_DRIVERS } from './drivers.ts';
import { ICE_MAX_SCORE, iceScore } from './ice.ts';
import type { CerebralEdema, Consciousness, IcansFindings, Seizure } from './schemas.ts';

export type IcansGraded = {
  readonly status: 'GRADED';
  readonly grade: Grade;
  readonly iceScore: number | null;
};
/** ICE needed; `atLeastGrade` is what the other domains already give (0–2). */
export type IcansUnknown = Unknown & { readonly iceScore: null; readonly atLeastGrade: Grade };
export type IcansGradeOutcome = IcansGraded | IcansUnknown;

type Level = { readonly grade: Grade; readonly driver: Driver | null };
const level = (grade: Grade, driver: Driver | null): Level => Object.freeze({ grade, driver });
const NONE = level(0, null);

/** ICE domain by score 0..10. */
const ICE_LEVEL: readonly Level[] = Object.freeze(
  Array.from({ length: ICE_MAX_SCORE + 1 }, (_, score) =>
    score === 10
      ? NONE
      : score >= 7
        ? level(1, ICANS_DRIVERS.ice7to9)
        : score >= 3
          ? level(2, ICANS_DRIVERS.ice3to6)
          : level(3, ICANS_DRIVERS.ice0to2),
  ),
);

const CONSCIOUSNESS_LEVEL: Readonly<Record<Consciousness, Level>> = {
  NORMAL: NONE,
  AWAKENS_SPONTANEOUSLY: level(1, ICANS_DRIVERS.consciousnessSpontaneous),
  AWAKENS_TO_VOICE: level(2, ICANS_DRIVERS.consciousnessVoice),
  AWAKENS_TO_TACTILE: level(3, ICANS_DRIVERS.consciousnessTactile),
  UNAROUSABLE: level(4, ICANS_DRIVERS.consciousnessUnarousable),
};
const SEIZURE_LEVEL: Readonly<Record<Seizure, Level>> = {
  NONE,
  RAPIDLY_RESOLVING: level(3, ICANS_DRIVERS.seizureRapidlyResolving),
  PROLONGED_OR_REPETITIVE: level(4, ICANS_DRIVERS.seizureProlongedOrRepetitive),
};
const MOTOR_WEAKNESS = level(4, ICANS_DRIVERS.deepFocalMotorWeakness);
const EDEMA_LEVEL: Readonly<Record<CerebralEdema, Level>> = {
  NONE,
  FOCAL: level(3, ICANS_DRIVERS.edemaFocal),
  DIFFUSE: level(4, ICANS_DRIVERS.edemaDiffuse),
};

/** Pre-built outcomes: GRADED_OUTCOMES[grade][iceScore + 1] (index 0 = ICE not assessed). */
const GRADED_OUTCOMES: readonly (readonly IcansGraded[])[] = ([0, 1, 2, 3, 4] as const).map((grade) =>
  Object.freeze(
    Array.from({ length: ICE_MAX_SCORE + 2 }, (_, index) =>
      Object.freeze({ status: 'GRADED' as const, grade, iceScore: index === 0 ? null : index - 1 }),
    ),
  ),
);
const gradedOutcome = (grade: Grade, score: number | null): IcansGraded =>
  GRADED_OUTCOMES[grade]?.[score === null ? 0 : score + 1] ?? { status: 'GRADED', grade, iceScore: score };

const NEEDS_ICE: readonly IcansUnknown[] = ([0, 1, 2] as const).map((atLeastGrade) =>
  Object.freeze({ status: 'UNKNOWN' as const, needs: Object.freeze(['ice']), iceScore: null, atLeastGrade }),
);
const needsIce = (atLeastGrade: Grade): IcansUnknown =>
  NEEDS_ICE[atLeastGrade] ?? { status: 'UNKNOWN', needs: ['ice'], iceScore: null, atLeastGrade };
const ONLY_NO_FINDINGS: readonly Driver[] = Object.freeze([ICANS_DRIVERS.noFindings]);

/** Grades already-validated ICANS findings (the hot path). */
export const gradeIcansFindings = (findings: IcansFindings): GradeResult<IcansGradeOutcome> => {
  const score = findings.ice == null ? null : iceScore(findings.ice);
  const domains: readonly Level[] = [
    score === null ? NONE : (ICE_LEVEL[score] ?? NONE),
    CONSCIOUSNESS_LEVEL[findings.consciousness],
    SEIZURE_LEVEL[findings.seizure],
    findings.deepFocalMotorWeakness ? MOTOR_WEAKNESS : NONE,
    EDEMA_LEVEL[findings.cerebralEdema],
  ];
  const drivers: Driver[] = [];
  let grade: Grade = 0;
  for (const domain of domains) {
    if (domain.driver === null) continue;
    drivers.push(domain.driver);
    if (domain.grade > grade) grade = domain.grade;
  }

  if (score === null && findings.consciousness !== 'UNAROUSABLE') {
    // ICE not assessable in an arousable patient: it could still add up to grade 3.
    if (grade < 3) return { outcome: needsIce(grade), drivers };
    drivers.push(ICANS_DRIVERS.iceNotAssessedGradeStands);
  }
  return { outcome: gradedOutcome(grade, score), drivers: grade === 0 ? ONLY_NO_FINDINGS : drivers };
};
