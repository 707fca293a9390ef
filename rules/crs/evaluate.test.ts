import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { RULESET, RulesInputError, toInputIssues } from '../core/index.ts';
import type { InputIssue } from '../core/index.ts';
import { evaluateCrs } from './evaluate.ts';
import { oxygenFlowLpmSchema, oxygenSupportSchema, refineOxygenFields } from './schemas.ts';
import type { OxygenSupport } from './schemas.ts';

const issuesOf = (input: unknown): readonly InputIssue[] => {
  try {
    evaluateCrs(input);
  } catch (error) {
    if (error instanceof RulesInputError) return error.issues;
    throw error;
  }
  throw new Error('expected a RulesInputError');
};
const noteIds = (input: unknown): string[] => evaluateCrs(input).notes.map((n) => n.ruleId);

describe('CRS-GRADE evaluation envelope', () => {
  it('CRS-GRADE: contract defaults apply (only a temperature given → grade 1 on room air)', () => {
    const evaluation = evaluateCrs({ temperatureCelsius: 38.2 });
    expect(evaluation.outcome).toEqual({ status: 'GRADED', grade: 1 });
    expect(evaluation.ruleset).toBe(RULESET.ref);
    expect(evaluation.citations).toEqual([
      { section: '§7.1 T3', source: 'cn-mm-cart-2022' },
      { section: 'CRS consensus grading', source: 'astct-2019' },
      { section: '§7.1 T4', source: 'cn-mm-cart-2022' },
    ]);
  });

  it('CRS-GRADE: GraphQL explicit nulls are "not given"', () => {
    const evaluation = evaluateCrs({
      temperatureCelsius: 38.2,
      systolicBp: null,
      spo2Percent: null,
      oxygenFlowLpm: null,
    });
    expect(evaluation.outcome).toEqual({ status: 'GRADED', grade: 1 });
  });

  it('CRS-GRADE: citations are deduplicated', () => {
    const { citations } = evaluateCrs({
      temperatureCelsius: 39,
      vasopressors: ['NOREPINEPHRINE'],
      organToxicity: true,
    });
    const keys = citations.map((c) => `${c.source}|${c.section}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('CRS-GRADE: UNKNOWN outcome carries no management', () => {
    const evaluation = evaluateCrs({ hypotension: true });
    expect(evaluation.outcome).toEqual({ status: 'UNKNOWN', needs: ['temperatureCelsius'] });
    expect(evaluation.recommendations).toEqual([]);
  });
});

describe('CRS-G1 note on the T3 wording', () => {
  it.each([
    [37.9, false],
    [38.0, true],
    [38.1, true],
  ])('CRS-G1: at %s °C the T3 "> 38 °C" note present = %s', (temperatureCelsius, present) => {
    expect(noteIds({ temperatureCelsius }).includes('CRS-G1')).toBe(present);
  });

  it('CRS-G1: the note states both values', () => {
    const note = evaluateCrs({ temperatureCelsius: 38 }).notes.find((n) => n.ruleId === 'CRS-G1');
    expect(note?.text.en).toContain('≥ 38.0 °C');
    expect(note?.text.en).toContain('> 38 °C');
    expect(note?.text.zh).toContain('> 38℃');
  });
});

describe('CRS-G6 SpO2 < 90 % on room air: hypoxia requiring oxygen, at least grade 2', () => {
  const driverOf = (input: unknown) => evaluateCrs(input).drivers.find((d) => d.ruleId === 'CRS-G6');

  it.each([
    [85, 2],
    [89.9, 2],
    [90, 1],
    [95, 1],
  ])('CRS-G6: SpO2 %s %% on room air, febrile (38.5 °C) → grade %s', (spo2Percent, grade) => {
    expect(evaluateCrs({ temperatureCelsius: 38.5, spo2Percent }).outcome).toEqual({
      status: 'GRADED',
      grade,
    });
  });

  it('CRS-G6: the driver says "hypoxia requiring oxygen: start oxygen and regrade" in both languages', () => {
    expect(driverOf({ temperatureCelsius: 38.5, spo2Percent: 89.9 })).toEqual({
      code: 'hypoxia-requiring-oxygen',
      ruleId: 'CRS-G6',
      text: {
        zh: '低氧需要吸氧:请开始吸氧并重新分级',
        en: 'hypoxia requiring oxygen: start oxygen and regrade',
      },
    });
    expect(driverOf({ temperatureCelsius: 38.5, spo2Percent: 90 })).toBeUndefined();
  });

  it.each([
    [89.9, true],
    [90, false],
  ])(
    'CRS-G6: SpO2 %s %% on room air → the "regrade by the support given" note present = %s',
    (spo2, present) => {
      const { notes, citations } = evaluateCrs({ temperatureCelsius: 38.5, spo2Percent: spo2 });
      expect(notes.some((n) => n.ruleId === 'CRS-G6')).toBe(present);
      expect(citations.some((c) => c.section === '§7.1')).toBe(present);
    },
  );

  it('CRS-G6: the note explains the grade and asks to regrade once oxygen is started', () => {
    const note = evaluateCrs({ temperatureCelsius: 38.5, spo2Percent: 88 }).notes.find(
      (n) => n.ruleId === 'CRS-G6',
    );
    expect(note?.text.en).toContain('at least grade 2');
    expect(note?.text.en).toContain('regrade by the support given');
    expect(note?.text.zh).toContain('需要低流量吸氧');
  });

  it.each([
    [89.9, 2],
    [90, 0],
  ])(
    'CRS-G6: afebrile (37.2 °C) after anti-cytokine therapy (CRS-G2 masking), SpO2 %s %% on room air → grade %s',
    (spo2Percent, grade) => {
      expect(
        evaluateCrs({ temperatureCelsius: 37.2, afterAnticytokineTherapy: true, spo2Percent }).outcome,
      ).toEqual({ status: 'GRADED', grade });
    },
  );

  it('CRS-G6 / CRS-G5: afebrile without prior therapy, SpO2 85 % on room air → grade 0, consider other causes', () => {
    const evaluation = evaluateCrs({ temperatureCelsius: 37.2, spo2Percent: 85 });
    expect(evaluation.outcome).toEqual({ status: 'GRADED', grade: 0 });
    expect(evaluation.drivers.map((d) => d.ruleId)).toEqual(['CRS-G5']);
    expect(evaluation.recommendations).toEqual([]);
  });

  it('CRS-G6: the grade is the most severe finding: one vasopressor with SpO2 85 % on room air → grade 3', () => {
    const evaluation = evaluateCrs({
      temperatureCelsius: 39,
      vasopressors: ['NOREPINEPHRINE'],
      spo2Percent: 85,
    });
    expect(evaluation.outcome).toEqual({ status: 'GRADED', grade: 3 });
    expect(evaluation.drivers.map((d) => d.code)).toEqual([
      'fever',
      'hypotension-one-vasopressor',
      'hypoxia-requiring-oxygen',
    ]);
  });

  it('CRS-G6: grade 2 from hypoxia requiring oxygen gets the T4 grade-2 management', () => {
    const ids = evaluateCrs({ temperatureCelsius: 38.5, spo2Percent: 85 }).recommendations.map(
      (r) => r.ruleId,
    );
    expect(ids).toContain('CRS-T4-2');
  });

  it('CRS-G6: SpO2 89 % with oxygen already given grades by the support, no room-air note', () => {
    const evaluation = evaluateCrs({ temperatureCelsius: 38.5, spo2Percent: 89, oxygen: 'FACEMASK' });
    expect(evaluation.outcome).toEqual({ status: 'GRADED', grade: 3 });
    expect(evaluation.notes.some((n) => n.ruleId === 'CRS-G6')).toBe(false);
    expect(evaluation.drivers.some((d) => d.ruleId === 'CRS-G6')).toBe(false);
  });

  it('CRS-G6: no SpO2 given on room air is no hypoxia finding (the calculator grades what it is told)', () => {
    expect(evaluateCrs({ temperatureCelsius: 38.5, spo2Percent: null }).outcome).toEqual({
      status: 'GRADED',
      grade: 1,
    });
  });
});

describe('CRS-T3 wording: grade 3 notes the printed "需要一种或不需应用升压药"', () => {
  const wordingNote = (input: unknown) =>
    evaluateCrs(input).notes.find(
      (n) => n.ruleId === 'CRS-GRADE' && n.text.zh.includes('需要一种或不需应用升压药'),
    );

  it.each([
    [{ temperatureCelsius: 38.5, hypotension: true }, 2, false],
    [{ temperatureCelsius: 38.5, vasopressors: ['NOREPINEPHRINE'] }, 3, true],
    [{ temperatureCelsius: 38.5, oxygen: 'FACEMASK' }, 3, true],
    [{ temperatureCelsius: 38.5, vasopressors: ['NOREPINEPHRINE', 'EPINEPHRINE'] }, 4, false],
  ])(
    'CRS-GRADE (CRS-T3 wording): %j → grade %s, printed-wording note present = %s',
    (input, grade, present) => {
      expect(evaluateCrs(input).outcome).toEqual({ status: 'GRADED', grade });
      expect(wordingNote(input) !== undefined).toBe(present);
    },
  );

  it('CRS-GRADE (CRS-T3 wording): the note states the printed wording and the ASTCT reading used', () => {
    const note = wordingNote({ temperatureCelsius: 38.5, vasopressors: ['NOREPINEPHRINE'] });
    expect(note?.text.zh).toContain('"需要一种或不需应用升压药"');
    expect(note?.text.en).toContain('"requiring one or no vasopressor"');
    expect(note?.text.en).toContain('with or without vasopressin');
  });
});

describe('CRS-G4 organ toxicity never changes the grade', () => {
  it.each([
    [{ temperatureCelsius: 38.5 }, 1],
    [{ temperatureCelsius: 37.0 }, 0],
    [{ temperatureCelsius: 39.0, oxygen: 'CPAP' }, 4],
  ])('CRS-G4: %j with organ toxicity → same grade %s and a CRS-G4 note', (input, expected) => {
    const without = evaluateCrs(input);
    const withOrgan = evaluateCrs({ ...input, organToxicity: true });
    expect(withOrgan.outcome).toEqual({ status: 'GRADED', grade: expected });
    expect(without.outcome).toEqual(withOrgan.outcome);
    expect(withOrgan.notes.map((n) => n.ruleId)).toContain('CRS-G4');
    expect(withOrgan.citations).toContainEqual({ section: '§7.5', source: 'cn-mm-cart-2022' });
  });
});

describe('CRS-GRADE input validation (field, allowed range, received)', () => {
  it('CRS-GRADE: NASAL_CANNULA without oxygenFlowLpm is invalid input', () => {
    const [issue, ...rest] = issuesOf({ temperatureCelsius: 38.5, oxygen: 'NASAL_CANNULA' });
    expect(rest).toEqual([]);
    expect(issue?.field).toBe('oxygenFlowLpm');
    expect(issue?.message).toContain('NASAL_CANNULA');
  });

  it.each([
    [{ temperatureCelsius: 100.4 }, 'temperatureCelsius', 'between 25 and 45 °C', 100.4],
    [{ temperatureCelsius: 24.9 }, 'temperatureCelsius', 'between 25 and 45 °C', 24.9],
    [
      { temperatureCelsius: 38, systolicBp: 89.5 },
      'systolicBp',
      'a whole number between 30 and 300 mmHg',
      89.5,
    ],
    [{ temperatureCelsius: 38, spo2Percent: 0.95 }, 'spo2Percent', 'between 20 and 100 %', 0.95],
    [{ temperatureCelsius: 38, weightKg: 19.9 }, 'weightKg', 'between 20 and 350 kg', 19.9],
    [{ temperatureCelsius: 38, weightKg: 350.1 }, 'weightKg', 'between 20 and 350 kg', 350.1],
  ])('CRS-GRADE: %j → %s must be %s', (input, field, allowed, received) => {
    expect(issuesOf(input)).toEqual([expect.objectContaining({ field, allowed, received })]);
  });

  it('CRS-GRADE: unknown vasopressor names the allowed values', () => {
    const [issue] = issuesOf({ temperatureCelsius: 38, vasopressors: ['NORADRENALINE'] });
    expect(issue?.field).toBe('vasopressors[0]');
    expect(issue?.allowed).toContain('NOREPINEPHRINE');
  });

  it('CRS-GRADE: an unknown field (a typo) is rejected, not ignored', () => {
    expect(issuesOf({ temperature: 38 })[0]?.message).toContain('temperature');
  });

  it('CRS-GRADE: several bad fields are all reported at once', () => {
    expect(issuesOf({ temperatureCelsius: 50, systolicBp: 10 }).map((i) => i.field)).toEqual([
      'temperatureCelsius',
      'systolicBp',
    ]);
  });

  it('CRS-GRADE: a tocilizumab history after the assessment time is invalid', () => {
    const issues = issuesOf({
      temperatureCelsius: 39,
      oxygen: 'FACEMASK',
      assessedAt: '2026-03-01T08:00:00Z',
      previousTocilizumabDoses: ['2026-03-01T09:00:00Z'],
    });
    expect(issues).toEqual([
      expect.objectContaining({ field: 'previousTocilizumabDoses[0]', received: '2026-03-01T09:00:00Z' }),
    ]);
  });

  it('CRS-GRADE: a tocilizumab history without the assessment time is invalid', () => {
    const issues = issuesOf({ temperatureCelsius: 39, previousTocilizumabDoses: ['2026-03-01T09:00:00Z'] });
    expect(issues.map((i) => i.field)).toEqual(['assessedAt']);
  });
});

describe('CRS-G7 contradictory input is refused, never silently reconciled', () => {
  const NO_FLOW_ON_ROOM_AIR =
    'no flow (0 or not given) when oxygen is ROOM_AIR: a flow means oxygen is given, so record the device it is given by (CRS-G7)';

  it.each([0.1, 2, 80])(
    'CRS-G7: oxygenFlowLpm %s L/min with ROOM_AIR is refused, naming the field',
    (flow) => {
      expect(issuesOf({ temperatureCelsius: 38.5, oxygen: 'ROOM_AIR', oxygenFlowLpm: flow })).toEqual([
        {
          field: 'oxygenFlowLpm',
          allowed: NO_FLOW_ON_ROOM_AIR,
          received: flow,
          message: `oxygenFlowLpm must be ${NO_FLOW_ON_ROOM_AIR}; received ${flow}`,
        },
      ]);
    },
  );

  it('CRS-G7: a flow with oxygen omitted (the contract default ROOM_AIR) is refused too', () => {
    expect(issuesOf({ temperatureCelsius: 38.5, oxygenFlowLpm: 3 }).map((i) => i.field)).toEqual([
      'oxygenFlowLpm',
    ]);
  });

  it.each([0, null, undefined])('CRS-G7: ROOM_AIR with flow %s is consistent → graded', (oxygenFlowLpm) => {
    expect(evaluateCrs({ temperatureCelsius: 38.5, oxygen: 'ROOM_AIR', oxygenFlowLpm }).outcome).toEqual({
      status: 'GRADED',
      grade: 1,
    });
  });

  it.each<[OxygenSupport, number]>([
    ['CPAP', 0],
    ['CPAP', 80],
    ['BIPAP', 0],
    ['BIPAP', 40],
    ['MECHANICAL_VENTILATION', 0],
    ['MECHANICAL_VENTILATION', 80],
  ])('CRS-G7: %s with a flow of %s L/min (within 0–80) → accepted, grade 4', (oxygen, oxygenFlowLpm) => {
    expect(evaluateCrs({ temperatureCelsius: 38.5, oxygen, oxygenFlowLpm }).outcome).toEqual({
      status: 'GRADED',
      grade: 4,
    });
  });

  it.each<[OxygenSupport, number]>([
    ['CPAP', 80.1],
    ['BIPAP', -0.1],
    ['MECHANICAL_VENTILATION', 120],
  ])('CRS-G7: %s with a flow of %s L/min (outside 0–80) is refused, one error', (oxygen, oxygenFlowLpm) => {
    expect(issuesOf({ temperatureCelsius: 38.5, oxygen, oxygenFlowLpm })).toEqual([
      expect.objectContaining({
        field: 'oxygenFlowLpm',
        allowed: 'between 0 and 80 L/min',
        received: oxygenFlowLpm,
      }),
    ]);
  });

  it('CRS-G7: a flow out of range with ROOM_AIR gives one error (the range), not two', () => {
    expect(issuesOf({ temperatureCelsius: 38.5, oxygen: 'ROOM_AIR', oxygenFlowLpm: 95 })).toEqual([
      expect.objectContaining({ field: 'oxygenFlowLpm', allowed: 'between 0 and 80 L/min', received: 95 }),
    ]);
  });

  it('CRS-G7: NASAL_CANNULA at 0 L/min is refused (no oxygen flows); 0.1 L/min is low flow, grade 2', () => {
    expect(issuesOf({ temperatureCelsius: 38.5, oxygen: 'NASAL_CANNULA', oxygenFlowLpm: 0 })).toEqual([
      expect.objectContaining({
        field: 'oxygenFlowLpm',
        allowed:
          'a flow between 0.1 and 80 L/min when oxygen is NASAL_CANNULA (≤ 6 L/min is low flow, > 6 high flow)',
        received: 0,
      }),
    ]);
    expect(
      evaluateCrs({ temperatureCelsius: 38.5, oxygen: 'NASAL_CANNULA', oxygenFlowLpm: 0.1 }).outcome,
    ).toEqual({ status: 'GRADED', grade: 2 });
  });

  it.each<OxygenSupport>([
    'BLOW_BY',
    'HIGH_FLOW_NASAL_CANNULA',
    'FACEMASK',
    'NON_REBREATHER_MASK',
    'VENTURI_MASK',
  ])('CRS-G7: %s at 0 L/min is refused, naming the device', (oxygen) => {
    const [issue, ...rest] = issuesOf({ temperatureCelsius: 38.5, oxygen, oxygenFlowLpm: 0 });
    expect(rest).toEqual([]);
    expect(issue?.field).toBe('oxygenFlowLpm');
    expect(issue?.allowed).toBe(
      `more than 0 L/min when oxygen is ${oxygen}: 0 L/min is no oxygen, record ROOM_AIR instead (CRS-G7)`,
    );
  });

  it.each([
    [['NOREPINEPHRINE'], 3],
    [['NOREPINEPHRINE', 'EPINEPHRINE'], 4],
  ] as const)(
    'CRS-G7: vasopressors %j with hypotension false is NOT a contradiction (a vasopressor implies hypotension) → grade %s',
    (vasopressors, grade) => {
      expect(
        evaluateCrs({ temperatureCelsius: 38.5, hypotension: false, vasopressors: [...vasopressors] })
          .outcome,
      ).toEqual({ status: 'GRADED', grade });
    },
  );

  describe('CRS-G7 refinement reused by another schema (e.g. an episode vitals record)', () => {
    const vitals = z
      .strictObject({
        oxygen: z.nullish(oxygenSupportSchema),
        oxygenFlowLpm: z.nullish(oxygenFlowLpmSchema),
      })
      .check(z.superRefine(refineOxygenFields));
    const issues = (input: unknown): InputIssue[] => {
      const result = vitals.safeParse(input);
      return result.success ? [] : toInputIssues(result.error, input);
    };

    it('CRS-G7: the same field errors as the calculator', () => {
      expect(issues({ oxygen: 'ROOM_AIR', oxygenFlowLpm: 2 })).toEqual([
        expect.objectContaining({ field: 'oxygenFlowLpm', allowed: NO_FLOW_ON_ROOM_AIR, received: 2 }),
      ]);
      expect(issues({ oxygen: 'NASAL_CANNULA' }).map((i) => i.field)).toEqual(['oxygenFlowLpm']);
      expect(issues({ oxygen: 'CPAP', oxygenFlowLpm: 0 })).toEqual([]);
    });

    it('CRS-G7: a record without a device (not recorded) is not a contradiction', () => {
      expect(issues({ oxygenFlowLpm: 2 })).toEqual([]);
      expect(issues({})).toEqual([]);
    });
  });
});
