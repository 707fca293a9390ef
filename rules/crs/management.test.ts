import { describe, expect, it } from 'vitest';
import type { Recommendation } from '../core/index.ts';
import { evaluateCrs } from './evaluate.ts';

const GRADE_INPUT = {
  1: { temperatureCelsius: 38.5 },
  2: { temperatureCelsius: 38.5, hypotension: true },
  3: { temperatureCelsius: 38.5, vasopressors: ['NOREPINEPHRINE'] },
  4: { temperatureCelsius: 38.5, oxygen: 'MECHANICAL_VENTILATION' },
} as const;

const recommendations = (grade: 1 | 2 | 3 | 4, extra: object = {}): readonly Recommendation[] =>
  evaluateCrs({ ...GRADE_INPUT[grade], ...extra }).recommendations;
const doses = (grade: 1 | 2 | 3 | 4, extra: object = {}): [string, number][] =>
  recommendations(grade, extra).flatMap((r) =>
    r.dose ? [[r.dose.drug, r.dose.mg] as [string, number]] : [],
  );

describe('CRS-T4-1 grade 1 management', () => {
  it('CRS-T4-1: monitoring, supportive care, infection work-up, fluid balance, antipyretics; no drug dose', () => {
    const recs = recommendations(1, { weightKg: 70 });
    expect(recs.map((r) => r.ruleId)).toEqual(['CRS-T4-1']);
    expect(recs[0]?.text.zh).toBe('密切监护,支持治疗,评估感染,检测体液平衡,按需使用解热镇痛药物');
    expect(recs[0]?.citation).toEqual({ section: '§7.1 T4', source: 'cn-mm-cart-2022' });
    expect(doses(1, { weightKg: 70 })).toEqual([]);
  });

  it('CRS-T4-1: grade 0 has no management', () => {
    expect(evaluateCrs({ temperatureCelsius: 37 }).recommendations).toEqual([]);
  });
});

describe('CRS-T4-2 grade 2 management', () => {
  it('CRS-T4-2: organ monitoring and optional tocilizumab for elderly/comorbid patients, dosed for 70 kg', () => {
    const recs = recommendations(2, { weightKg: 70 });
    expect(recs.map((r) => r.ruleId)).toEqual(['CRS-T4-2', 'CRS-T4-2']);
    expect(recs[1]?.text.en).toContain(
      'Elderly patients or those with comorbidities may receive tocilizumab',
    );
    expect(doses(2, { weightKg: 70 })).toEqual([['tocilizumab', 560]]);
  });
});

describe('CRS-T4-2 grade 2 without weight', () => {
  it('CRS-T4-2: no weight → the tocilizumab advice names weightKg; no steroid dose is invented', () => {
    const recs = recommendations(2);
    expect(recs[1]?.text.en).toContain('needs weightKg');
    expect(recs.every((r) => r.dose === undefined)).toBe(true);
  });

  it('CRS-T4-2: cites T4 and the TOCI note, not the §7.1 severe-CRS text', () => {
    const { citations } = evaluateCrs({ ...GRADE_INPUT[2], weightKg: 70 });
    expect(citations).toContainEqual({ section: '§7.1 T4', source: 'cn-mm-cart-2022' });
    expect(citations).not.toContainEqual({ section: '§7.1', source: 'cn-mm-cart-2022' });
  });
});

describe('CRS-T4-3 grade 3 management', () => {
  it('CRS-T4-3: tocilizumab 8 mg/kg, dexamethasone 10 mg then 20 mg q6h, and the §7.1 text', () => {
    const recs = recommendations(3, { weightKg: 62.5 });
    expect(doses(3, { weightKg: 62.5 })).toEqual([
      ['tocilizumab', 500],
      ['dexamethasone', 10],
      ['dexamethasone', 20],
    ]);
    const dex = recs.filter((r) => r.dose?.drug === 'dexamethasone');
    expect(dex.map((r) => r.dose?.schedule.en)).toEqual(['every 6 h, IV', 'every 6 h, IV']);
    expect(dex[0]?.text.zh).toContain('在托珠单抗静脉输注1~2次后低血压持续存在时');
    expect(dex[1]?.text.zh).toContain('如为难治性');
    expect(
      recs.some((r) => r.citation.section === '§7.1' && r.text.en.includes('severe or life-threatening CRS')),
    ).toBe(true);
  });
});

describe('CRS-T4-4 grade 4 management', () => {
  it('CRS-T4-4: tocilizumab, methylprednisolone 1 g/day IV (1000 mg), the §7.1 text', () => {
    expect(doses(4, { weightKg: 80 })).toEqual([
      ['tocilizumab', 640],
      ['methylprednisolone', 1000],
    ]);
    const mp = recommendations(4, { weightKg: 80 }).find((r) => r.dose?.drug === 'methylprednisolone');
    expect(mp?.ruleId).toBe('CRS-T4-4');
    expect(mp?.dose?.route).toBe('IV');
  });
});

describe('CRS-T4-4 grade 4 details', () => {
  it('CRS-T4-4: order is T4 text, tocilizumab, methylprednisolone, §7.1 text; 120 kg → tocilizumab 800 mg', () => {
    const recs = recommendations(4, { weightKg: 120 });
    expect(recs.map((r) => r.ruleId)).toEqual(['CRS-T4-4', 'CRS-T4-4', 'CRS-T4-4', 'CRS-T4-4']);
    expect(recs.map((r) => r.dose?.mg ?? null)).toEqual([null, 800, 1000, null]);
    expect(recs[3]?.citation).toEqual({ section: '§7.1', source: 'cn-mm-cart-2022' });
  });

  it('CRS-T4-4: the T4 wording is the consensus text', () => {
    expect(recommendations(4)[0]?.text.zh).toBe('密切监护,支持治疗,使用托珠单抗和(或)糖皮质激素');
    expect(recommendations(4).find((r) => r.dose?.drug === 'methylprednisolone')?.text.zh).toBe(
      '可予甲泼尼龙1 g/d 静脉输注',
    );
  });
});

describe('TOCI-1 tocilizumab advice in CRS management, for this patient', () => {
  it.each([
    [99.9, 799],
    [100, 800],
    [100.1, 800],
    [150, 800],
  ])('TOCI-1: %s kg → %s mg in the CRS-T4-3 recommendation', (weightKg, mg) => {
    expect(doses(3, { weightKg })[0]).toEqual(['tocilizumab', mg]);
  });

  it('TOCI-1: missing weight gives an explicit "needs weightKg" instead of a dose', () => {
    const toci = recommendations(3).find((r) => r.text.en.startsWith('Tocilizumab'));
    expect(toci?.dose).toBeUndefined();
    expect(toci?.text.en).toContain('needs weightKg');
    expect(toci?.text.zh).toContain('需要体重');
  });

  it('TOCI-2: without a dose history the advice says the limits were not checked', () => {
    const toci = recommendations(3, { weightKg: 70 }).find((r) => r.dose?.drug === 'tocilizumab');
    expect(toci?.text.en).toContain('needs assessedAt and previousTocilizumabDoses');
  });

  it('TOCI-2: with a dose 6 h ago, the advice says not now, names the earliest time and carries no dose', () => {
    const recs = recommendations(3, {
      weightKg: 70,
      assessedAt: '2026-03-01T10:00:00Z',
      previousTocilizumabDoses: ['2026-03-01T04:00:00Z'],
    });
    const blocked = recs.find((r) => r.ruleId === 'TOCI-2');
    expect(blocked?.dose).toBeUndefined();
    expect(blocked?.text.en).toContain('not allowed now');
    expect(blocked?.text.en).toContain('2026-03-01T12:00:00.000Z');
  });

  it('TOCI-2: with a dose 8 h ago, the dose is allowed now and attached', () => {
    const recs = recommendations(3, {
      weightKg: 70,
      assessedAt: '2026-03-01T12:00:00Z',
      previousTocilizumabDoses: ['2026-03-01T04:00:00Z'],
    });
    const toci = recs.find((r) => r.dose?.drug === 'tocilizumab');
    expect(toci?.ruleId).toBe('CRS-T4-3');
    expect(toci?.text.en).toContain('allowed now (1 of at most 4 doses');
  });

  it('TOCI-3: the printed "4 in 24 h" is noted beside the configured limit', () => {
    const evaluation = evaluateCrs({ ...GRADE_INPUT[3], weightKg: 70 });
    const note = evaluation.notes.find((n) => n.ruleId === 'TOCI-3');
    expect(note?.text.en).toContain('24-hour limit used: 3');
    expect(note?.text.en).toContain('no more than 4 times in 24 h');
  });

  it('TOCI-3: with a deployment limit of 4 (the printed value) no difference note is added', () => {
    const evaluation = evaluateCrs(
      { ...GRADE_INPUT[3], weightKg: 70 },
      { tocilizumabMaxDosesPer24h: 4, tocilizumabTotalLimitScope: 'per-episode', bilirubinMaxUmolPerL: 34.2 },
    );
    expect(evaluation.notes.some((n) => n.ruleId === 'TOCI-3')).toBe(false);
  });

  it('TOCI-4: after 4 doses the advice is "no further dose"', () => {
    const recs = recommendations(4, {
      weightKg: 70,
      assessedAt: '2026-03-03T12:00:00Z',
      previousTocilizumabDoses: [
        '2026-03-01T00:00:00Z',
        '2026-03-01T12:00:00Z',
        '2026-03-02T00:00:00Z',
        '2026-03-02T12:00:00Z',
      ],
    });
    const blocked = recs.find((r) => r.ruleId === 'TOCI-4');
    expect(blocked?.text.en).toContain('no further dose');
    expect(blocked?.dose).toBeUndefined();
    expect(recs.find((r) => r.dose?.drug === 'methylprednisolone')?.dose?.mg).toBe(1000);
  });
});
