import { describe, expect, it } from 'vitest';
import type { Grade } from '../crs/types.ts';
import { escalateCrsGrade3, escalateCrsRiseTo2 } from './crs.ts';
import { escalateDoseOverride } from './dose.ts';
import type { DoseOverride } from './dose.ts';
import { escalateHlh } from './hlh.ts';
import { escalateIcansGrade3, escalateIcansWithCrs } from './icans.ts';
import { escalateIgg } from './igg.ts';
import { fullDaysBetween } from '../infusion/timing.ts';
import { escalateLateInfusion } from './infusion.ts';
import { escalateCrsSuspicion } from './suspect.ts';
import { escalateTocilizumab } from './tocilizumab.ts';
import { escalateOverdueVitals } from './vitals.ts';

const PRODUCT = { section: 'Escalation', source: 'product-design' };
const cn = (section: string) => ({ section, source: 'cn-mm-cart-2022' });

describe('ESC-CRS2 CRS grade rises to 2 (urgent)', () => {
  it.each<[Grade | null, Grade, boolean]>([
    [null, 2, true],
    [0, 2, true],
    [1, 2, true],
    [2, 2, false],
    [3, 2, false],
    [1, 1, false],
    [1, 3, false],
  ])(
    'ESC-CRS2: %s → %s fires = %s (rise-based: a repeat does not re-raise)',
    (previousGrade, currentGrade, fires) => {
      expect(escalateCrsRiseTo2({ previousGrade, currentGrade }) !== null).toBe(fires);
    },
  );

  it('ESC-CRS2: urgent, cites the escalation row and CRS grading (T3)', () => {
    expect(escalateCrsRiseTo2({ previousGrade: 1, currentGrade: 2 })).toEqual({
      id: 'ESC-CRS2',
      level: 'URGENT',
      text: { zh: 'CRS升至2级:通知值班医师', en: 'CRS grade rose to 2: notify the on-call physician' },
      sourceRuleIds: ['CRS-GRADE'],
      citations: [PRODUCT, cn('§7.1 T3')],
    });
  });
});

describe('ESC-CRS2 includes CRS-G6 (hypoxia requiring oxygen)', () => {
  it.each<[Grade | null, boolean]>([
    [null, true],
    [0, true],
    [1, true],
    [2, false],
    [3, false],
  ])('ESC-CRS2 / CRS-G6: %s → 2 driven by CRS-G6 fires = %s', (previousGrade, fires) => {
    expect(
      escalateCrsRiseTo2({ previousGrade, currentGrade: 2, driverRuleIds: ['CRS-G1', 'CRS-G6'] }) !== null,
    ).toBe(fires);
  });

  it('ESC-CRS2 / CRS-G6: the alert says start oxygen and regrade, citing CRS-G6', () => {
    expect(
      escalateCrsRiseTo2({ previousGrade: 1, currentGrade: 2, driverRuleIds: ['CRS-G1', 'CRS-G6'] }),
    ).toEqual({
      id: 'ESC-CRS2',
      level: 'URGENT',
      text: {
        zh: 'CRS升至2级(CRS-G6 低氧需要吸氧:请开始吸氧并重新分级):通知值班医师',
        en: 'CRS grade rose to 2 (CRS-G6 hypoxia requiring oxygen: start oxygen and regrade): notify the on-call physician',
      },
      sourceRuleIds: ['CRS-GRADE', 'CRS-G6'],
      citations: [PRODUCT, cn('§7.1 T3')],
    });
  });

  it('ESC-CRS2: a grade 2 from other drivers keeps the plain text', () => {
    expect(
      escalateCrsRiseTo2({ previousGrade: 0, currentGrade: 2, driverRuleIds: ['CRS-G1', 'CRS-GRADE'] })
        ?.sourceRuleIds,
    ).toEqual(['CRS-GRADE']);
  });
});

describe('ESC-CRS3 CRS grade ≥ 3 (critical)', () => {
  it.each<[Grade | null, Grade, boolean]>([
    [null, 3, true],
    [2, 3, true],
    [0, 4, true],
    [2, 4, true],
    [3, 3, false],
    [3, 4, false],
    [4, 3, false],
    [1, 2, false],
  ])('ESC-CRS3: %s → %s fires = %s (on entering ≥ 3)', (previousGrade, currentGrade, fires) => {
    expect(escalateCrsGrade3({ previousGrade, currentGrade }) !== null).toBe(fires);
  });

  it('ESC-CRS3: critical, names the grade, cites T3 and §7.1', () => {
    const alert = escalateCrsGrade3({ previousGrade: 2, currentGrade: 4 });
    expect(alert?.level).toBe('CRITICAL');
    expect(alert?.text.en).toBe('CRS grade 4 (≥ 3): immediate physician review, ICU evaluation');
    expect(alert?.citations).toEqual([PRODUCT, cn('§7.1 T3'), cn('§7.1')]);
  });
});

describe('ESC-ICANS2 ICANS ≥ 2 with concurrent CRS ≥ 2 (critical)', () => {
  const state = (icansGrade: Grade, crsGrade: Grade) => ({ icansGrade, crsGrade });
  it.each([
    [null, state(2, 2), true],
    [state(1, 2), state(2, 2), true],
    [state(2, 1), state(2, 2), true],
    [state(2, 2), state(2, 2), false],
    [state(2, 2), state(3, 3), false],
    [state(0, 0), state(2, 1), false],
    [state(0, 0), state(1, 3), false],
    [state(0, 0), state(4, 2), true],
  ])('ESC-ICANS2: %j → %j fires = %s', (previous, current, fires) => {
    expect(escalateIcansWithCrs({ previous, current }) !== null).toBe(fires);
  });

  it('ESC-ICANS2: critical, "consider ICU transfer", cites T5', () => {
    const alert = escalateIcansWithCrs({ previous: null, current: state(2, 3) });
    expect(alert).toMatchObject({ id: 'ESC-ICANS2', level: 'CRITICAL', sourceRuleIds: ['ICANS-T5-2'] });
    expect(alert?.text.zh).toBe('ICANS 2级并发3级CRS:考虑将患者转移至ICU(表5)');
    expect(alert?.citations).toEqual([PRODUCT, cn('§7.2 T5')]);
  });
});

describe('ESC-ICANS3 ICANS ≥ 3 (critical)', () => {
  it.each<[Grade | null, Grade, boolean]>([
    [null, 3, true],
    [2, 3, true],
    [1, 4, true],
    [3, 3, false],
    [3, 4, false],
    [2, 2, false],
  ])('ESC-ICANS3: %s → %s fires = %s', (previousGrade, currentGrade, fires) => {
    expect(escalateIcansGrade3({ previousGrade, currentGrade }) !== null).toBe(fires);
  });

  it('ESC-ICANS3: critical, "ICU transfer recommended"', () => {
    expect(escalateIcansGrade3({ previousGrade: 0, currentGrade: 3 })).toMatchObject({
      level: 'CRITICAL',
      text: { en: 'ICANS grade 3 (≥ 3): ICU transfer recommended (T5)' },
    });
  });
});

describe('ESC-SUSPECT a CRS-S1 sign after infusion (urgent)', () => {
  it.each([
    [21, 'consider CRS'],
    [22, 'late CRS possible'],
    [28, 'late CRS possible'],
    [29, 'late CRS possible'],
  ])('ESC-SUSPECT: day %s → "%s"', (daysSinceInfusion, wording) => {
    const alert = escalateCrsSuspicion({ daysSinceInfusion, suspected: true });
    expect(alert?.level).toBe('URGENT');
    expect(alert?.text.en).toContain(wording);
    expect(alert?.text.zh).toContain('肿瘤溶解综合征');
  });

  it('ESC-SUSPECT: not suspected, or already suspected before → no alert (rise-based)', () => {
    expect(escalateCrsSuspicion({ daysSinceInfusion: 3, suspected: false })).toBeNull();
    expect(
      escalateCrsSuspicion({ daysSinceInfusion: 3, suspected: true, previouslySuspected: true }),
    ).toBeNull();
    expect(
      escalateCrsSuspicion({ daysSinceInfusion: 3, suspected: true, previouslySuspected: false })?.citations,
    ).toEqual([PRODUCT, cn('§7.1')]);
  });
});

describe('ESC-HLH no improvement 12 h after first-line intervention (critical)', () => {
  it.each([
    ['SUSPECTED', undefined, true],
    ['SUSPECTED', 'RECHECK', true],
    ['SUSPECTED', 'SUSPECTED', false],
    ['RECHECK', undefined, false],
    ['NOT_SUSPECTED', null, false],
  ] as const)('ESC-HLH: status %s (previous %s) fires = %s', (status, previousStatus, fires) => {
    expect(escalateHlh({ status, previousStatus }) !== null).toBe(fires);
  });

  it('ESC-HLH: critical, cites CRS-HLH in §7.1', () => {
    expect(escalateHlh({ status: 'SUSPECTED' })).toMatchObject({
      level: 'CRITICAL',
      sourceRuleIds: ['CRS-HLH'],
      citations: [PRODUCT, cn('§7.1')],
    });
  });
});

describe('ESC-TOCI tocilizumab limit reached or requested too soon (urgent)', () => {
  it.each([
    ['ALLOWED', null],
    ['TOO_SOON', 'TOCI-2'],
    ['MAX_24H_REACHED', 'TOCI-3'],
    ['MAX_TOTAL_REACHED', 'TOCI-4'],
  ] as const)('ESC-TOCI: status %s → source rule %s', (status, rule) => {
    const alert = escalateTocilizumab({ status });
    expect(alert?.sourceRuleIds[0] ?? null).toBe(rule);
    if (alert) expect(alert.level).toBe('URGENT');
  });

  it('ESC-TOCI: names the earliest next dose when known, cites T4', () => {
    const alert = escalateTocilizumab({ status: 'TOO_SOON', earliestNextDoseAt: '2026-03-01T12:00:00.000Z' });
    expect(alert?.text.en).toBe(
      'Tocilizumab requested too soon (< 8 h since the last dose); earliest next dose 2026-03-01T12:00:00.000Z',
    );
    expect(alert?.citations).toEqual([PRODUCT, cn('§7.1 T4')]);
  });
});

describe('ESC-VITALS active CRS and no vital signs for > 4 h (urgent)', () => {
  it.each<[Grade, number | null, boolean]>([
    [1, 3.99, false],
    [1, 4, false],
    [1, 4 + 1 / 3600, true],
    [2, 4.01, true],
    [3, 12, true],
    [0, 12, false],
    [1, null, true],
    [0, null, false],
  ])(
    'ESC-VITALS: CRS grade %s, %s h since last vitals → fires = %s',
    (currentCrsGrade, hoursSinceLastVitals, fires) => {
      expect(escalateOverdueVitals({ currentCrsGrade, hoursSinceLastVitals }) !== null).toBe(fires);
    },
  );

  it('ESC-VITALS: urgent, says how long, cites INF-5 (§5.3)', () => {
    const alert = escalateOverdueVitals({ currentCrsGrade: 2, hoursSinceLastVitals: 5.26 });
    expect(alert).toMatchObject({
      level: 'URGENT',
      sourceRuleIds: ['INF-5'],
      citations: [PRODUCT, cn('§5.3')],
    });
    expect(alert?.text.en).toBe(
      'Active CRS and no vital signs recorded for 5.2 h (assess at least every 4 h)',
    );
  });
});

describe('ESC-INF infusion planned > 7 days after lymphodepletion end (warning)', () => {
  it.each([
    ['2026-03-01', '2026-03-04', 2],
    ['2026-03-01', '2026-03-02', 0],
    ['2026-02-27', '2026-03-02', 2],
  ])('ESC-INF: full days between %s and %s = %s (both days excluded)', (end, infusion, days) => {
    expect(fullDaysBetween(end, infusion)).toBe(days);
  });

  it.each([
    ['2026-03-09', false],
    ['2026-03-10', true],
    ['2026-03-11', true],
    ['2026-03-04', false],
  ])(
    'ESC-INF: lymphodepletion ended 2026-03-01, infusion %s → fires = %s (7 full days OK, 8 not)',
    (plannedInfusionDate, fires) => {
      expect(
        escalateLateInfusion({ lymphodepletionEndDate: '2026-03-01', plannedInfusionDate }) !== null,
      ).toBe(fires);
    },
  );

  it('ESC-INF: warning, cites INF-2 (§5.2), counts across a month end', () => {
    const alert = escalateLateInfusion({
      lymphodepletionEndDate: '2026-02-25',
      plannedInfusionDate: '2026-03-06',
    });
    expect(alert).toMatchObject({
      id: 'ESC-INF',
      level: 'WARNING',
      sourceRuleIds: ['INF-2'],
      citations: [PRODUCT, cn('§5.2')],
    });
    expect(alert?.text.en).toContain('8 full days');
  });
});

describe('ESC-IGG IgG result needing IVIG (warning)', () => {
  it.each([
    ['IG-1', false],
    ['IG-2', true],
    ['IG-3', true],
    ['IG-4', false],
    ['toString', false],
  ])('ESC-IGG: %s fires = %s', (igRuleId, fires) => {
    expect(escalateIgg({ igRuleId }) !== null).toBe(fires);
  });

  it('ESC-IGG: warning with the rule-specific text, cites §7.4', () => {
    expect(escalateIgg({ igRuleId: 'IG-2' })).toMatchObject({
      level: 'WARNING',
      text: { en: 'Serum IgG < 4 g/L: IVIG replacement' },
      sourceRuleIds: ['IG-2'],
      citations: [PRODUCT, cn('§7.4')],
    });
    expect(escalateIgg({ igRuleId: 'IG-3' })?.text.zh).toBe(
      '血清IgG 4~6 g/L且并发感染:应用丙种球蛋白替代治疗',
    );
  });
});

describe('ESC-DOSE dose above the computed dose or cap, or by a wrong route, with an override reason (urgent)', () => {
  const dose = (over: Partial<DoseOverride>): DoseOverride => ({
    drug: 'TOCILIZUMAB',
    mg: 401,
    route: 'IV',
    computedMg: 400,
    capMg: 800,
    problems: ['ABOVE_COMPUTED_DOSE'],
    overrideReason: 'rounded up to the vial size',
    ...over,
  });

  it('ESC-DOSE: names the drug, mg, computed mg and the reason, in both languages; cites T4 and T5', () => {
    expect(escalateDoseOverride(dose({}))).toEqual({
      id: 'ESC-DOSE',
      level: 'URGENT',
      text: {
        zh: '已记录托珠单抗 401 mg IV:高于计算剂量(计算剂量 400 mg IV);超越理由:"rounded up to the vial size"(TOCI-5)',
        en: 'tocilizumab 401 mg IV recorded above the computed dose (computed dose 400 mg IV); override reason: "rounded up to the vial size" (TOCI-5)',
      },
      sourceRuleIds: ['TOCI-5'],
      citations: [PRODUCT, cn('§7.1 T4'), cn('§7.2 T5')],
    });
  });

  it('ESC-DOSE: above the cap names the cap', () => {
    expect(escalateDoseOverride(dose({ mg: 801, computedMg: 800, problems: ['ABOVE_CAP'] }))?.text.en).toBe(
      'tocilizumab 801 mg IV recorded above the single-dose cap of 800 mg (computed dose 800 mg IV); override reason: "rounded up to the vial size" (TOCI-5)',
    );
  });

  it('ESC-DOSE: a wrong route names the route', () => {
    expect(
      escalateDoseOverride(
        dose({
          drug: 'DEXAMETHASONE',
          mg: 10,
          route: 'PO',
          computedMg: 20,
          capMg: 20,
          problems: ['WRONG_ROUTE'],
        }),
      )?.text.zh,
    ).toBe(
      '已记录地塞米松 10 mg PO:非静脉给药(计算剂量 20 mg IV);超越理由:"rounded up to the vial size"(TOCI-5)',
    );
  });

  it('ESC-DOSE: no TOCI-5 problem → nothing fires (a plausible dose needs no reason)', () => {
    expect(escalateDoseOverride(dose({ mg: 400, problems: [] }))).toBeNull();
  });
});
