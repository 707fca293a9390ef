import { describe, expect, it } from 'vitest';
import { ICANS_DRIVERS } from './drivers.ts';
import { gradeIcansFindings } from './grading.ts';
import { iceScore } from './ice.ts';
import type { IcansFindings, IceScoreItems } from './schemas.ts';

const FULL_ICE: IceScoreItems = { orientation: 4, naming: 3, followsCommands: 1, writing: 1, attention: 1 };
/** ICE items summing to `score` (orientation first, then naming, then the rest). */
const iceOf = (score: number): IceScoreItems => {
  let left = score;
  const take = (max: number): number => {
    const points = Math.min(max, left);
    left -= points;
    return points;
  };
  return {
    orientation: take(4),
    naming: take(3),
    followsCommands: take(1),
    writing: take(1),
    attention: take(1),
  };
};
const normal: IcansFindings = {
  ice: FULL_ICE,
  consciousness: 'NORMAL',
  seizure: 'NONE',
  deepFocalMotorWeakness: false,
  cerebralEdema: 'NONE',
};
const grade = (findings: Partial<IcansFindings>): number | 'UNKNOWN' => {
  const { outcome } = gradeIcansFindings({ ...normal, ...findings });
  return outcome.status === 'GRADED' ? outcome.grade : 'UNKNOWN';
};

describe('ICE-SCORE 0–10 from the five tasks', () => {
  it.each([
    [FULL_ICE, 10],
    [{ orientation: 0, naming: 0, followsCommands: 0, writing: 0, attention: 0 }, 0],
    [{ orientation: 3, naming: 2, followsCommands: 1, writing: 0, attention: 1 }, 7],
    [{ orientation: 4, naming: 3, followsCommands: 0, writing: 1, attention: 0 }, 8],
  ])('ICE-SCORE: %j → %s', (ice, expected) => {
    expect(iceScore(ice)).toBe(expected);
  });

  it.each([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])('ICE-SCORE: the test helper builds score %s', (score) => {
    expect(iceScore(iceOf(score))).toBe(score);
  });
});

describe('ICANS-GRADE ICE domain boundaries', () => {
  it.each([
    [10, 0],
    [9, 1],
    [8, 1],
    [7, 1],
    [6, 2],
    [5, 2],
    [4, 2],
    [3, 2],
    [2, 3],
    [1, 3],
    [0, 3],
  ])('ICANS-GRADE: ICE %s alone (awake) → grade %s', (score, expected) => {
    expect(grade({ ice: iceOf(score) })).toBe(expected);
  });

  it('ICANS-GRADE: the outcome carries the ICE score', () => {
    expect(gradeIcansFindings({ ...normal, ice: iceOf(6) }).outcome).toEqual({
      status: 'GRADED',
      grade: 2,
      iceScore: 6,
    });
  });

  it('ICANS-GRADE: awake with global aphasia, ICE 0 → grade 3, not 4', () => {
    expect(grade({ ice: iceOf(0), consciousness: 'NORMAL' })).toBe(3);
  });

  it('ICANS-GRADE: ICE 10 and nothing else → grade 0 with the "no ICANS" driver', () => {
    const { outcome, drivers } = gradeIcansFindings(normal);
    expect(outcome).toEqual({ status: 'GRADED', grade: 0, iceScore: 10 });
    expect(drivers).toEqual([ICANS_DRIVERS.noFindings]);
  });
});

describe('ICANS-GRADE other domains', () => {
  it.each<[Partial<IcansFindings>, number]>([
    [{ consciousness: 'AWAKENS_SPONTANEOUSLY' }, 1],
    [{ consciousness: 'AWAKENS_TO_VOICE' }, 2],
    [{ consciousness: 'AWAKENS_TO_TACTILE' }, 3],
    [{ consciousness: 'UNAROUSABLE', ice: iceOf(0) }, 4],
    [{ seizure: 'RAPIDLY_RESOLVING' }, 3],
    [{ seizure: 'PROLONGED_OR_REPETITIVE' }, 4],
    [{ deepFocalMotorWeakness: true }, 4],
    [{ cerebralEdema: 'FOCAL' }, 3],
    [{ cerebralEdema: 'DIFFUSE' }, 4],
  ])('ICANS-GRADE: ICE 10 with %j → grade %s', (findings, expected) => {
    expect(grade(findings)).toBe(expected);
  });

  it.each<[Partial<IcansFindings>, number]>([
    [{ ice: iceOf(8), consciousness: 'AWAKENS_TO_VOICE' }, 2],
    [{ ice: iceOf(5), seizure: 'RAPIDLY_RESOLVING' }, 3],
    [{ ice: iceOf(1), cerebralEdema: 'DIFFUSE' }, 4],
    [{ ice: iceOf(9), deepFocalMotorWeakness: true, consciousness: 'AWAKENS_SPONTANEOUSLY' }, 4],
  ])('ICANS-GRADE: the most severe domain wins: %j → %s', (findings, expected) => {
    expect(grade(findings)).toBe(expected);
  });

  it('ICANS-GRADE: every present domain is a driver, in table order', () => {
    const { drivers } = gradeIcansFindings({
      ...normal,
      ice: iceOf(5),
      seizure: 'RAPIDLY_RESOLVING',
      cerebralEdema: 'FOCAL',
    });
    expect(drivers.map((d) => d.code)).toEqual([
      'ice-3-6',
      'seizure-rapidly-resolving',
      'cerebral-edema-focal',
    ]);
  });
});

describe('ICANS-GRADE ICE not assessable', () => {
  it('ICANS-GRADE: unarousable without ICE → grade 4', () => {
    expect(gradeIcansFindings({ ...normal, ice: null, consciousness: 'UNAROUSABLE' }).outcome).toEqual({
      status: 'GRADED',
      grade: 4,
      iceScore: null,
    });
  });

  it.each<[Partial<IcansFindings>, number]>([
    [{ consciousness: 'AWAKENS_TO_TACTILE' }, 3],
    [{ seizure: 'RAPIDLY_RESOLVING' }, 3],
    [{ cerebralEdema: 'FOCAL' }, 3],
    [{ deepFocalMotorWeakness: true }, 4],
    [{ seizure: 'PROLONGED_OR_REPETITIVE' }, 4],
  ])('ICANS-GRADE: without ICE, %j already gives ≥ 3 → grade %s stands', (findings, expected) => {
    const { outcome, drivers } = gradeIcansFindings({ ...normal, ...findings, ice: undefined });
    expect(outcome).toEqual({ status: 'GRADED', grade: expected, iceScore: null });
    expect(drivers).toContain(ICANS_DRIVERS.iceNotAssessedGradeStands);
  });

  it.each<[Partial<IcansFindings>, number]>([
    [{}, 0],
    [{ consciousness: 'AWAKENS_SPONTANEOUSLY' }, 1],
    [{ consciousness: 'AWAKENS_TO_VOICE' }, 2],
  ])(
    'ICANS-GRADE: without ICE and only %j (grade < 3) → UNKNOWN needs ice, at least %s',
    (findings, atLeast) => {
      expect(gradeIcansFindings({ ...normal, ...findings, ice: null }).outcome).toEqual({
        status: 'UNKNOWN',
        needs: ['ice'],
        iceScore: null,
        atLeastGrade: atLeast,
      });
    },
  );
});
