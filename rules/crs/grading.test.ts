import { describe, expect, it } from 'vitest';
import { CRS_DRIVERS } from './drivers.ts';
import { gradeCrsFindings } from './grading.ts';
import type { CrsFindings, OxygenSupport, Vasopressor } from './schemas.ts';

/** A febrile patient on room air with nothing else: grade 1. */
const base: CrsFindings = {
  temperatureCelsius: 38.5,
  hypotension: false,
  vasopressors: [],
  oxygen: 'ROOM_AIR',
  afterAnticytokineTherapy: false,
};
const grade = (findings: Partial<CrsFindings>): number | 'UNKNOWN' => {
  const { outcome } = gradeCrsFindings({ ...base, ...findings });
  return outcome.status === 'GRADED' ? outcome.grade : 'UNKNOWN';
};
const driverCodes = (findings: Partial<CrsFindings>): string[] =>
  gradeCrsFindings({ ...base, ...findings }).drivers.map((d) => d.code);

describe('CRS-G1 fever threshold 38.0 °C inclusive', () => {
  it.each([
    [37.9, 0],
    [38.0, 1],
    [38.1, 1],
    [40.2, 1],
  ])('CRS-G1: %s °C alone → grade %s', (temperatureCelsius, expected) => {
    expect(grade({ temperatureCelsius })).toBe(expected);
  });

  it.each([
    [37.9, 0],
    [38.0, 3],
    [38.1, 3],
  ])(
    'CRS-G1: %s °C with one vasopressor → grade %s (fever gates the grade)',
    (temperatureCelsius, expected) => {
      expect(grade({ temperatureCelsius, vasopressors: ['NOREPINEPHRINE'] })).toBe(expected);
    },
  );

  it('CRS-G1: the fever driver is the pre-built constant, first in the list', () => {
    const { drivers } = gradeCrsFindings({ ...base, temperatureCelsius: 38.0 });
    expect(drivers[0]).toBe(CRS_DRIVERS.fever);
    expect(drivers[0]?.ruleId).toBe('CRS-G1');
  });
});

describe('CRS-GRADE hypotension column', () => {
  it.each([
    [89, 2],
    [90, 1],
    [91, 1],
  ])(
    'CRS-GRADE: systolic BP %s mmHg with fever, no other finding → grade %s (hypotension = SBP < 90)',
    (systolicBp, expected) => {
      expect(grade({ systolicBp })).toBe(expected);
    },
  );

  it('CRS-GRADE: hypotension flag without vasopressor → grade 2', () => {
    expect(grade({ hypotension: true, systolicBp: 95 })).toBe(2);
    expect(driverCodes({ hypotension: true })).toEqual(['fever', 'hypotension-no-vasopressor']);
  });

  it('CRS-GRADE: SBP < 90 with flag false still counts as hypotension (CRS-S1 definition)', () => {
    expect(driverCodes({ systolicBp: 89 })).toEqual(['fever', 'hypotension-sbp-below-90']);
  });

  it.each<[readonly Vasopressor[], number]>([
    [['NOREPINEPHRINE'], 3],
    [['EPINEPHRINE'], 3],
    [['DOPAMINE'], 3],
    [['PHENYLEPHRINE'], 3],
    [['NOREPINEPHRINE', 'EPINEPHRINE'], 4],
    [['DOPAMINE', 'PHENYLEPHRINE', 'EPINEPHRINE'], 4],
  ])(
    'CRS-GRADE: vasopressors %j → grade %s (implies hypotension even with the flag false)',
    (vasopressors, expected) => {
      expect(grade({ vasopressors, hypotension: false, systolicBp: 120 })).toBe(expected);
    },
  );
});

describe('CRS-G3 vasopressin counts within "one vasopressor with or without vasopressin"', () => {
  it.each<[readonly Vasopressor[], number, string]>([
    [['NOREPINEPHRINE', 'VASOPRESSIN'], 3, 'hypotension-one-vasopressor-with-vasopressin'],
    [['VASOPRESSIN'], 3, 'hypotension-vasopressin-only'],
    [['NOREPINEPHRINE', 'PHENYLEPHRINE'], 4, 'hypotension-multiple-vasopressors'],
    [['NOREPINEPHRINE', 'PHENYLEPHRINE', 'VASOPRESSIN'], 4, 'hypotension-multiple-vasopressors'],
    [['NOREPINEPHRINE', 'NOREPINEPHRINE'], 3, 'hypotension-one-vasopressor'],
    [['VASOPRESSIN', 'VASOPRESSIN'], 3, 'hypotension-vasopressin-only'],
  ])('CRS-G3: %j → grade %s (%s)', (vasopressors, expected, code) => {
    expect(grade({ vasopressors })).toBe(expected);
    expect(driverCodes({ vasopressors })).toContain(code);
  });

  it('CRS-G3: vasopressin drivers cite CRS-G3', () => {
    const { drivers } = gradeCrsFindings({ ...base, vasopressors: ['NOREPINEPHRINE', 'VASOPRESSIN'] });
    expect(drivers.map((d) => d.ruleId)).toEqual(['CRS-G1', 'CRS-G3']);
  });
});

describe('CRS-GRADE hypoxia column', () => {
  it.each<[OxygenSupport, number]>([
    ['ROOM_AIR', 1],
    ['BLOW_BY', 2],
    ['HIGH_FLOW_NASAL_CANNULA', 3],
    ['FACEMASK', 3],
    ['NON_REBREATHER_MASK', 3],
    ['VENTURI_MASK', 3],
    ['CPAP', 4],
    ['BIPAP', 4],
    ['MECHANICAL_VENTILATION', 4],
  ])('CRS-GRADE: fever with %s → grade %s', (oxygen, expected) => {
    expect(grade({ oxygen })).toBe(expected);
  });

  it.each([
    [0.5, 2],
    [6, 2],
    [6.1, 3],
    [15, 3],
  ])('CRS-GRADE: nasal cannula at %s L/min → grade %s (low flow ≤ 6 L/min)', (oxygenFlowLpm, expected) => {
    expect(grade({ oxygen: 'NASAL_CANNULA', oxygenFlowLpm })).toBe(expected);
  });

  it('CRS-GRADE: nasal cannula without a flow is UNKNOWN needing oxygenFlowLpm (validation rejects it earlier)', () => {
    const { outcome } = gradeCrsFindings({ ...base, oxygen: 'NASAL_CANNULA' });
    expect(outcome).toEqual({ status: 'UNKNOWN', needs: ['oxygenFlowLpm'] });
  });
});

describe('CRS-G6 hypoxia requiring oxygen on room air (SpO2 < 90 %)', () => {
  it.each([
    [89.9, 2],
    [90, 1],
  ])('CRS-G6: SpO2 %s %% on room air, febrile → grade %s', (spo2Percent, expected) => {
    expect(grade({ spo2Percent })).toBe(expected);
  });

  it.each([
    [89.9, 2],
    [90, 0],
  ])(
    'CRS-G6: SpO2 %s %% on room air, afebrile after anti-cytokine therapy (CRS-G2) → grade %s',
    (spo2Percent, expected) => {
      expect(grade({ spo2Percent, temperatureCelsius: 37, afterAnticytokineTherapy: true })).toBe(expected);
    },
  );

  it('CRS-G6: afebrile without prior therapy stays grade 0 (CRS-G5: consider other causes)', () => {
    const { outcome, drivers } = gradeCrsFindings({ ...base, temperatureCelsius: 37, spo2Percent: 80 });
    expect(outcome).toEqual({ status: 'GRADED', grade: 0 });
    expect(drivers).toEqual([CRS_DRIVERS.noFeverConsiderOtherCauses]);
  });

  it('CRS-G6: the pre-built driver follows the fever driver', () => {
    const { drivers } = gradeCrsFindings({ ...base, spo2Percent: 85 });
    expect(drivers).toEqual([CRS_DRIVERS.fever, CRS_DRIVERS.hypoxiaRequiringOxygen]);
    expect(drivers[1]).toBe(CRS_DRIVERS.hypoxiaRequiringOxygen);
  });

  it.each<OxygenSupport>(['BLOW_BY', 'FACEMASK', 'CPAP'])(
    'CRS-G6: applies to room air only; SpO2 80 %% on %s grades by that support',
    (oxygen) => {
      expect(driverCodes({ oxygen, spo2Percent: 80 })).not.toContain('hypoxia-requiring-oxygen');
    },
  );
});

describe('CRS-GRADE most severe of hypotension and hypoxia', () => {
  it.each<[Partial<CrsFindings>, number]>([
    [{ hypotension: true, oxygen: 'FACEMASK' }, 3],
    [{ vasopressors: ['NOREPINEPHRINE'], oxygen: 'BLOW_BY' }, 3],
    [{ vasopressors: ['NOREPINEPHRINE', 'DOPAMINE'], oxygen: 'NASAL_CANNULA', oxygenFlowLpm: 2 }, 4],
    [{ hypotension: true, oxygen: 'CPAP' }, 4],
    [{ systolicBp: 85, oxygen: 'NASAL_CANNULA', oxygenFlowLpm: 6 }, 2],
  ])('CRS-GRADE: %j → grade %s', (findings, expected) => {
    expect(grade(findings)).toBe(expected);
  });

  it('CRS-GRADE: both findings are listed as drivers after the fever', () => {
    expect(driverCodes({ vasopressors: ['EPINEPHRINE'], oxygen: 'VENTURI_MASK' })).toEqual([
      'fever',
      'hypotension-one-vasopressor',
      'hypoxia-venturi-mask',
    ]);
  });
});

describe('CRS-G2 after anti-cytokine therapy fever is not required', () => {
  it.each<[Partial<CrsFindings>, number]>([
    [{ temperatureCelsius: 37.0, hypotension: true }, 2],
    [{ temperatureCelsius: 36.5, vasopressors: ['NOREPINEPHRINE'] }, 3],
    [{ temperatureCelsius: 37.2, oxygen: 'BIPAP' }, 4],
    [{ temperatureCelsius: null, oxygen: 'FACEMASK' }, 3],
    [{ temperatureCelsius: undefined, oxygen: 'ROOM_AIR' }, 0],
    [{ temperatureCelsius: 37.0 }, 0],
    [{ temperatureCelsius: 38.4 }, 1],
  ])('CRS-G2: after therapy, %j → grade %s', (findings, expected) => {
    expect(grade({ ...findings, afterAnticytokineTherapy: true })).toBe(expected);
  });

  it('CRS-G2: the driver says fever is no longer required', () => {
    const { drivers } = gradeCrsFindings({
      ...base,
      temperatureCelsius: 37,
      hypotension: true,
      afterAnticytokineTherapy: true,
    });
    expect(drivers[0]).toBe(CRS_DRIVERS.afterAnticytokine);
  });

  it('CRS-G2: after therapy with no finding, grade 0 says so', () => {
    const { drivers } = gradeCrsFindings({ ...base, temperatureCelsius: 37, afterAnticytokineTherapy: true });
    expect(drivers).toEqual([CRS_DRIVERS.afterAnticytokineNoFindings]);
  });
});

describe('CRS-G5 no fever and no prior therapy → grade 0, consider other causes', () => {
  it.each<Partial<CrsFindings>>([
    { temperatureCelsius: 37.9, hypotension: true },
    { temperatureCelsius: 36.8, vasopressors: ['NOREPINEPHRINE', 'EPINEPHRINE'] },
    { temperatureCelsius: 37.0, oxygen: 'MECHANICAL_VENTILATION' },
  ])('CRS-G5: %j → grade 0 with "consider other causes"', (findings) => {
    const { outcome, drivers } = gradeCrsFindings({ ...base, ...findings });
    expect(outcome).toEqual({ status: 'GRADED', grade: 0 });
    expect(drivers).toEqual([CRS_DRIVERS.noFeverConsiderOtherCauses]);
  });

  it('CRS-G5: no fever and no finding → grade 0 "no CRS"', () => {
    const { outcome, drivers } = gradeCrsFindings({ ...base, temperatureCelsius: 36.9 });
    expect(outcome).toEqual({ status: 'GRADED', grade: 0 });
    expect(drivers).toEqual([CRS_DRIVERS.noCrsFindings]);
  });
});

describe('CRS-GRADE never a silent pass', () => {
  it.each<Partial<CrsFindings>>([
    { temperatureCelsius: undefined },
    { temperatureCelsius: null, vasopressors: ['NOREPINEPHRINE'] },
  ])(
    'CRS-GRADE: temperature missing without prior therapy → UNKNOWN needs temperatureCelsius (%j)',
    (findings) => {
      expect(gradeCrsFindings({ ...base, ...findings }).outcome).toEqual({
        status: 'UNKNOWN',
        needs: ['temperatureCelsius'],
      });
    },
  );

  it('CRS-GRADE: the hot path returns pre-built outcome objects (no allocation per grading)', () => {
    const a = gradeCrsFindings({ ...base, oxygen: 'FACEMASK' });
    const b = gradeCrsFindings({ ...base, vasopressors: ['DOPAMINE'] });
    expect(a.outcome).toBe(b.outcome);
    expect(Object.isFrozen(a.outcome)).toBe(true);
    expect(a.drivers.every((d) => Object.isFrozen(d))).toBe(true);
  });
});
