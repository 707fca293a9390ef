import { describe, expect, it } from 'vitest';
import { RulesInputError } from '../core/index.ts';
import { evaluateCrsSuspicion, suspicionWindow } from './suspicion.ts';

const normal = { temperatureCelsius: 37.0, systolicBp: 120, spo2Percent: 97 };
const status = (input: object): string =>
  evaluateCrsSuspicion({ daysSinceInfusion: 5, ...normal, ...input }).outcome.status;

describe('CRS-S1 thresholds (any one sign suspects CRS)', () => {
  it.each([
    [37.9, 'NOT_SUSPECTED'],
    [38.0, 'SUSPECTED'],
    [38.1, 'SUSPECTED'],
  ])('CRS-S1: temperature %s °C → %s', (temperatureCelsius, expected) => {
    expect(status({ temperatureCelsius })).toBe(expected);
  });

  it.each([
    [89, 'SUSPECTED'],
    [90, 'NOT_SUSPECTED'],
    [91, 'NOT_SUSPECTED'],
  ])('CRS-S1: systolic BP %s mmHg → %s', (systolicBp, expected) => {
    expect(status({ systolicBp })).toBe(expected);
  });

  it.each([
    [89, 'SUSPECTED'],
    [89.9, 'SUSPECTED'],
    [90, 'NOT_SUSPECTED'],
    [91, 'NOT_SUSPECTED'],
  ])('CRS-S1: oxygen saturation %s %% → %s', (spo2Percent, expected) => {
    expect(status({ spo2Percent })).toBe(expected);
  });

  it('CRS-S1: organ toxicity alone → SUSPECTED', () => {
    expect(status({ organToxicity: true })).toBe('SUSPECTED');
  });

  it('CRS-S1: every present sign is a driver', () => {
    const { drivers } = evaluateCrsSuspicion({
      daysSinceInfusion: 3,
      temperatureCelsius: 39,
      systolicBp: 80,
      spo2Percent: 85,
      organToxicity: true,
    });
    expect(drivers.map((d) => d.code)).toEqual([
      'fever',
      'hypotension',
      'saturation-below-90',
      'organ-toxicity',
    ]);
  });
});

describe('CRS-S1 window after infusion (day 0 = infusion day)', () => {
  it.each([
    [0, 'WITHIN_3_WEEKS', false],
    [21, 'WITHIN_3_WEEKS', false],
    [22, 'WEEKS_3_TO_4', true],
    [28, 'WEEKS_3_TO_4', true],
    [29, 'AFTER_4_WEEKS', true],
    [120, 'AFTER_4_WEEKS', true],
  ])(
    'CRS-S1: a fever on day %s still fires, window %s, late CRS possible = %s',
    (daysSinceInfusion, window, late) => {
      const { outcome, recommendations } = evaluateCrsSuspicion({
        daysSinceInfusion,
        ...normal,
        temperatureCelsius: 38.3,
      });
      expect(outcome).toEqual({ status: 'SUSPECTED', daysSinceInfusion, window, lateCrsPossible: late });
      expect(recommendations[0]?.text.en.includes('late CRS possible')).toBe(late);
    },
  );

  it('CRS-S1: days 22–28 say "beyond 3 weeks", day 29 on "after 4 weeks"', () => {
    const text = (daysSinceInfusion: number): string =>
      evaluateCrsSuspicion({ daysSinceInfusion, ...normal, systolicBp: 85 }).recommendations[0]?.text.zh ??
      '';
    expect(text(22)).toContain('已超过3周');
    expect(text(28)).toContain('已超过3周');
    expect(text(29)).toContain('4周后');
    expect(suspicionWindow(21)).toBe('WITHIN_3_WEEKS');
  });
});

describe('CRS-S1 exclusions are always listed', () => {
  it.each([
    ['suspected', { temperatureCelsius: 38.5 }],
    ['not suspected', {}],
    ['unknown', { spo2Percent: undefined }],
  ])('CRS-S1: %s → infection, tumour lysis syndrome, allergic reaction listed', (_label, input) => {
    const { recommendations } = evaluateCrsSuspicion({ daysSinceInfusion: 4, ...normal, ...input });
    const exclusions = recommendations.find((r) => r.text.zh.includes('肿瘤溶解综合征'));
    expect(exclusions?.text.zh).toContain('感染');
    expect(exclusions?.text.zh).toContain('过敏反应');
    expect(exclusions?.text.en).toContain('tumour lysis syndrome');
  });
});

describe('CRS-S1 never a silent pass', () => {
  it('CRS-S1: no sign present and a measurement missing → UNKNOWN naming it', () => {
    const { outcome } = evaluateCrsSuspicion({ daysSinceInfusion: 2, temperatureCelsius: 37 });
    expect(outcome).toEqual({
      status: 'UNKNOWN',
      needs: ['systolicBp', 'spo2Percent'],
      daysSinceInfusion: 2,
      window: 'WITHIN_3_WEEKS',
    });
  });

  it('CRS-S1: one sign present is enough even with other measurements missing', () => {
    expect(evaluateCrsSuspicion({ daysSinceInfusion: 2, systolicBp: 82 }).outcome.status).toBe('SUSPECTED');
  });

  it.each([
    [{ daysSinceInfusion: -1, ...normal }, 'daysSinceInfusion'],
    [{ daysSinceInfusion: 1.5, ...normal }, 'daysSinceInfusion'],
    [{ ...normal }, 'daysSinceInfusion'],
  ])('CRS-S1: invalid %j → error on %s', (input, field) => {
    expect(() => evaluateCrsSuspicion(input)).toThrow(RulesInputError);
    try {
      evaluateCrsSuspicion(input);
    } catch (error) {
      expect((error as RulesInputError).issues.map((i) => i.field)).toEqual([field]);
    }
  });
});
