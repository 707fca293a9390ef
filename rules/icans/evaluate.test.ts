import { describe, expect, it } from 'vitest';
import { RULESET, RulesInputError } from '../core/index.ts';
import type { InputIssue, Recommendation } from '../core/index.ts';
import { evaluateIcans } from './evaluate.ts';

const FULL_ICE = { orientation: 4, naming: 3, followsCommands: 1, writing: 1, attention: 1 };
const ICE_5 = { orientation: 2, naming: 2, followsCommands: 1, writing: 0, attention: 0 };
const ICE_8 = { orientation: 4, naming: 2, followsCommands: 1, writing: 1, attention: 0 };
const ICE_1 = { orientation: 1, naming: 0, followsCommands: 0, writing: 0, attention: 0 };

const GRADE_INPUT = {
  1: { ice: ICE_8 },
  2: { ice: ICE_5 },
  3: { ice: ICE_1 },
  4: { ice: null, consciousness: 'UNAROUSABLE' },
} as const;

const recommendations = (grade: 1 | 2 | 3 | 4, extra: object = {}): readonly Recommendation[] =>
  evaluateIcans({ ...GRADE_INPUT[grade], ...extra }).recommendations;
const t5 = (grade: 1 | 2 | 3 | 4, extra: object = {}): Recommendation[] =>
  recommendations(grade, extra).filter((r) => r.ruleId.startsWith('ICANS-T5') || r.ruleId.startsWith('TOCI'));
const doses = (grade: 1 | 2 | 3 | 4, extra: object = {}): [string, number][] =>
  recommendations(grade, extra).flatMap((r) =>
    r.dose ? [[r.dose.drug, r.dose.mg] as [string, number]] : [],
  );

const issuesOf = (input: unknown): readonly InputIssue[] => {
  try {
    evaluateIcans(input);
  } catch (error) {
    if (error instanceof RulesInputError) return error.issues;
    throw error;
  }
  throw new Error('expected a RulesInputError');
};

describe('ICANS-GRADE evaluation envelope and validation', () => {
  it('ICANS-GRADE: contract defaults (only an ICE score) and the envelope', () => {
    const evaluation = evaluateIcans({ ice: FULL_ICE });
    expect(evaluation.outcome).toEqual({ status: 'GRADED', grade: 0, iceScore: 10, warnings: [] });
    expect(evaluation.recommendations).toEqual([]);
    expect(evaluation.ruleset).toBe(RULESET.ref);
    expect(evaluation.citations).toEqual([
      { section: 'ICE score', source: 'astct-2019' },
      { section: 'ICANS consensus grading', source: 'astct-2019' },
      { section: '§7.2', source: 'cn-mm-cart-2022' },
    ]);
  });

  it('ICANS-GRADE/ICANS-1: UNKNOWN says what is needed and still advises the ICANS-1 evaluation', () => {
    const evaluation = evaluateIcans({ consciousness: 'AWAKENS_TO_VOICE' });
    expect(evaluation.outcome).toMatchObject({ status: 'UNKNOWN', needs: ['ice'], atLeastGrade: 2 });
    expect(evaluation.notes[0]?.text.en).toContain('at least grade 2');
    expect(evaluation.recommendations.map((r) => r.ruleId)).toEqual(['ICANS-1']);
  });

  it.each([
    [
      { ice: { ...FULL_ICE, orientation: 5 } },
      'ice.orientation',
      'a whole number between 0 and 4 points (year, month, city, hospital)',
    ],
    [
      { ice: { ...FULL_ICE, naming: -1 } },
      'ice.naming',
      'a whole number between 0 and 3 points (three objects)',
    ],
    [
      { ice: { ...FULL_ICE, attention: 2 } },
      'ice.attention',
      'a whole number between 0 and 1 point (count back from 100 by 10)',
    ],
    [{ ice: { ...FULL_ICE, writing: 0.5 } }, 'ice.writing', 'a whole number between 0 and 1 point'],
    [
      { ice: FULL_ICE, concurrentCrsGrade: 5 },
      'concurrentCrsGrade',
      'a whole number between 0 and 4 (CRS grade)',
    ],
  ])('ICE-SCORE: %j → %s must be %s', (input, field, allowed) => {
    expect(issuesOf(input)).toEqual([expect.objectContaining({ field, allowed })]);
  });

  it('ICE-SCORE: a missing task is reported by name', () => {
    expect(
      issuesOf({ ice: { orientation: 4, naming: 3, followsCommands: 1, writing: 1 } }).map((i) => i.field),
    ).toEqual(['ice.attention']);
  });

  it('ICANS-GRADE: unknown consciousness value lists the contract enum', () => {
    expect(issuesOf({ ice: FULL_ICE, consciousness: 'DROWSY' })[0]?.allowed).toBe(
      'one of NORMAL, AWAKENS_SPONTANEOUSLY, AWAKENS_TO_VOICE, AWAKENS_TO_TACTILE, UNAROUSABLE',
    );
  });
});

describe('ICANS-1 evaluation advice and movement-disorder warning', () => {
  it('ICANS-1: any ICANS grade ≥ 1 advises EEG, fundoscopy, imaging, lumbar puncture', () => {
    const advice = recommendations(1).find((r) => r.ruleId === 'ICANS-1');
    expect(advice?.text.zh).toContain(
      '脑电图检查、眼底检查(评估视乳头水肿)、脑部影像学检查、腰椎穿刺术(测定颅内压)',
    );
    expect(advice?.citation).toEqual({ section: '§7.2', source: 'cn-mm-cart-2022' });
  });

  it.each([
    [{ ice: FULL_ICE }, false],
    [GRADE_INPUT[1], true],
    [GRADE_INPUT[4], true],
  ])('ICANS-1: %j → evaluation advice present = %s (not at grade 0)', (input, present) => {
    expect(evaluateIcans(input).recommendations.some((r) => r.ruleId === 'ICANS-1')).toBe(present);
  });

  it('ICANS-1: movement-disorder signs at grade 2 keep the grade and the T5 management, and add the warning', () => {
    const evaluation = evaluateIcans({ ...GRADE_INPUT[2], movementDisorderSigns: true, weightKg: 70 });
    expect(evaluation.outcome).toMatchObject({ status: 'GRADED', grade: 2 });
    expect(evaluation.recommendations.map((r) => r.ruleId)).toEqual([
      'ICANS-T5-2',
      'ICANS-T5-2',
      'ICANS-T5-2',
      'ICANS-1',
      'ICANS-1',
    ]);
  });

  it('ICANS-1: movement-disorder signs give a WARN without changing the grade', () => {
    const plain = evaluateIcans({ ice: FULL_ICE });
    const evaluation = evaluateIcans({ ice: FULL_ICE, movementDisorderSigns: true });
    expect(evaluation.outcome).toMatchObject({ status: 'GRADED', grade: 0 });
    expect(plain.outcome).toMatchObject({ status: 'GRADED', grade: 0, warnings: [] });
    expect(evaluation.outcome.warnings).toEqual([
      expect.objectContaining({ level: 'WARN', ruleId: 'ICANS-1' }),
    ]);
    expect(evaluation.outcome.warnings[0]?.text.zh).toContain('帕金森样表现');
    expect(evaluation.drivers.map((d) => d.code)).toContain('movement-disorder-signs');
    expect(evaluation.recommendations.map((r) => r.ruleId)).toEqual(['ICANS-1']);
  });
});

describe('ICANS-T5-1 grade 1', () => {
  it('ICANS-T5-1: supportive care only without CRS', () => {
    expect(t5(1).map((r) => r.text.en)).toEqual(['Supportive care']);
  });

  it('ICANS-T5-1: concurrent CRS grade 0 adds nothing; citations are T5 without the TOCI note', () => {
    expect(doses(1, { concurrentCrsGrade: 0, weightKg: 55 })).toEqual([]);
    expect(evaluateIcans({ ...GRADE_INPUT[1], weightKg: 55 }).citations).not.toContainEqual({
      section: '§7.1 T4',
      source: 'cn-mm-cart-2022',
    });
  });

  it('ICANS-T5-1: with concurrent CRS adds tocilizumab 8 mg/kg for this patient', () => {
    expect(doses(1, { concurrentCrsGrade: 1, weightKg: 55 })).toEqual([['tocilizumab', 440]]);
  });
});

describe('ICANS-T5-2 grade 2', () => {
  it('ICANS-T5-2: dexamethasone 10 mg q6h or methylprednisolone 1 mg/kg q12h, dosed for 72.4 kg', () => {
    expect(doses(2, { weightKg: 72.4 })).toEqual([
      ['dexamethasone', 10],
      ['methylprednisolone', 72],
    ]);
    const mp = recommendations(2, { weightKg: 72.4 }).find((r) => r.dose?.drug === 'methylprednisolone');
    expect(mp?.dose?.schedule.en).toBe('every 12 h, IV');
    expect(mp?.dose?.basis.en).toBe('1 mg/kg × 72.4 kg = 72 mg');
  });

  it('ICANS-T5-2: without weight, methylprednisolone says it needs weightKg', () => {
    const mp = recommendations(2).find((r) => r.text.en.includes('Methylprednisolone 1 mg/kg'));
    expect(mp?.dose).toBeUndefined();
    expect(mp?.text.en).toContain('needs weightKg');
  });

  it.each([
    [0, false, false],
    [1, true, false],
    [2, true, true],
    [3, true, true],
  ])(
    'ICANS-T5-2: concurrent CRS grade %s → tocilizumab %s, consider ICU %s',
    (concurrentCrsGrade, toci, icu) => {
      const recs = recommendations(2, { concurrentCrsGrade, weightKg: 70 });
      expect(recs.some((r) => r.dose?.drug === 'tocilizumab')).toBe(toci);
      expect(recs.some((r) => r.text.en === 'Concurrent CRS ≥ grade 2: consider ICU transfer')).toBe(icu);
    },
  );
});

describe('ICANS-T5-3 grade 3', () => {
  it('ICANS-T5-3: ICU transfer, supportive care, steroids, repeat neuroimaging', () => {
    expect(t5(3, { weightKg: 60 }).map((r) => r.text.zh)).toEqual([
      '建议转移至ICU',
      '支持治疗',
      '地塞米松 10 mg,每6 h 1次,静脉滴注',
      '或甲泼尼龙 1 mg/kg,每12 h 1次,静脉滴注',
      '若ICANS持续≥3级,每2~3 d重复进行神经影像学(CT或MRI)检查',
    ]);
    expect(doses(3, { weightKg: 60 })).toEqual([
      ['dexamethasone', 10],
      ['methylprednisolone', 60],
    ]);
  });

  it('ICANS-T5-3: without weight, methylprednisolone names weightKg and dexamethasone keeps its fixed dose', () => {
    expect(doses(3)).toEqual([['dexamethasone', 10]]);
  });

  it('ICANS-T5-3: with concurrent CRS, tocilizumab subject to the TOCI limits (too soon → not now)', () => {
    const recs = recommendations(3, {
      concurrentCrsGrade: 2,
      weightKg: 60,
      assessedAt: '2026-03-01T10:00:00Z',
      previousTocilizumabDoses: ['2026-03-01T05:00:00Z'],
    });
    const blocked = recs.find((r) => r.ruleId === 'TOCI-2');
    expect(blocked?.text.en).toContain('not allowed now');
    expect(blocked?.text.en).toContain('earliest next dose 2026-03-01T13:00:00.000Z');
    expect(recs.some((r) => r.dose?.drug === 'tocilizumab')).toBe(false);
  });
});

describe('ICANS-T5-4 grade 4', () => {
  it('ICANS-T5-4: ICU, ventilation, methylprednisolone 1 g/day, imaging, status epilepticus', () => {
    expect(t5(4).map((r) => r.text.en)).toEqual([
      'Supportive care',
      'ICU monitoring; mechanical ventilation recommended',
      'High-dose steroid: methylprednisolone 1 g/day IV',
      'If ICANS persists at grade ≥ 3, repeat neuroimaging (CT or MRI) every 2–3 days',
      'Treat convulsive status epilepticus per guidelines',
    ]);
    expect(doses(4)).toEqual([['methylprednisolone', 1000]]);
  });

  it('ICANS-T5-4: grade 4 via seizure or diffuse oedema gets the same grade-4 management', () => {
    expect(t5(4).map((r) => r.text.en)).toEqual(
      evaluateIcans({ ice: FULL_ICE, seizure: 'PROLONGED_OR_REPETITIVE' })
        .recommendations.filter((r) => r.ruleId === 'ICANS-T5-4')
        .map((r) => r.text.en),
    );
  });

  it('ICANS-T5-4: with concurrent CRS the same management, no tocilizumab, and a note saying so', () => {
    const evaluation = evaluateIcans({ ...GRADE_INPUT[4], concurrentCrsGrade: 3, weightKg: 70 });
    expect(evaluation.recommendations.some((r) => r.text.en.includes('ocilizumab'))).toBe(false);
    expect(evaluation.notes).toEqual([expect.objectContaining({ ruleId: 'ICANS-T5-4' })]);
    expect(evaluation.notes[0]?.text.en).toContain('T5 lists no tocilizumab at grade 4');
  });
});
