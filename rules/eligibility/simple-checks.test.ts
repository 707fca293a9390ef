import { describe, expect, it } from 'vitest';
import { checkActiveInfection } from './active-infection.ts';
import { checkDiseaseAssessment } from './disease-assessment.ts';
import { checkExclusions } from './exclusions.ts';
import { checkExpectedSurvival } from './expected-survival.ts';
import { checkForeignImplants } from './foreign-implants.ts';
import { checkHepatitisB } from './hepatitis-b.ts';
import { checkOxygenSaturation } from './oxygen-saturation.ts';
import { checkRenalFunction } from './renal-function.ts';

describe('ELIG-6 SpO2 ≥ 92 % on room air', () => {
  it.each([
    [91.9, 'EXCLUDED'],
    [92, 'PASS'],
    [92.1, 'PASS'],
  ] as const)('%s %% → %s', (spo2RoomAirPercent, status) => {
    expect(checkOxygenSaturation({ spo2RoomAirPercent }).status).toBe(status);
  });
  it('missing → UNKNOWN', () => {
    expect(checkOxygenSaturation({})).toMatchObject({ status: 'UNKNOWN', needs: ['spo2RoomAirPercent'] });
  });
});

describe('ELIG-7 no active infection', () => {
  it('active infection → EXCLUDED with advice to control it first', () => {
    const result = checkActiveInfection({ activeInfection: true });
    expect(result.status).toBe('EXCLUDED');
    expect(result.advice[0]?.zh).toContain('控制活动性感染');
  });
  it('none → PASS; missing → UNKNOWN', () => {
    expect(checkActiveInfection({ activeInfection: false }).status).toBe('PASS');
    expect(checkActiveInfection({})).toMatchObject({ status: 'UNKNOWN', needs: ['activeInfection'] });
  });
});

describe('ELIG-8 expected survival > 12 weeks', () => {
  it.each([
    [11.9, 'EXCLUDED'],
    [12, 'EXCLUDED'],
    [12.1, 'PASS'],
    [13, 'PASS'],
  ] as const)('%s weeks → %s', (expectedSurvivalWeeks, status) => {
    expect(checkExpectedSurvival({ expectedSurvivalWeeks }).status).toBe(status);
  });
  it('missing → UNKNOWN', () => {
    expect(checkExpectedSurvival({})).toMatchObject({ status: 'UNKNOWN', needs: ['expectedSurvivalWeeks'] });
  });
});

describe('ELIG-9 exclusions', () => {
  it('[] → PASS; any flag → EXCLUDED naming each once; missing → UNKNOWN', () => {
    expect(checkExclusions({ exclusions: [] }).status).toBe('PASS');
    const result = checkExclusions({
      exclusions: ['ACTIVE_TUBERCULOSIS', 'PREGNANT_OR_BREASTFEEDING', 'ACTIVE_TUBERCULOSIS'],
    });
    expect(result.status).toBe('EXCLUDED');
    expect(result.text.zh).toBe('应排除:传染性疾病:活动性结核；应排除:怀孕或哺乳期妇女');
    expect(checkExclusions({})).toMatchObject({ status: 'UNKNOWN', needs: ['exclusions'] });
  });
});

describe('ELIG-10 renal impairment is not a contraindication', () => {
  it('impairment → INFO stating the unknown lowest GFR; none → PASS; missing → INFO (never excludes)', () => {
    const result = checkRenalFunction({ renalImpairment: true });
    expect(result.status).toBe('INFO');
    expect(result.text.zh).toContain('非CAR-T细胞治疗的禁忌证');
    expect(result.text.en).toContain('lowest tolerable GFR');
    expect(checkRenalFunction({ renalImpairment: false }).status).toBe('PASS');
    expect(checkRenalFunction({}).status).toBe('INFO');
  });
});

describe('ELIG-11 HBV markers', () => {
  it.each([
    [true, false, 'WARN'],
    [false, true, 'WARN'],
    [true, undefined, 'WARN'],
    [false, false, 'PASS'],
  ] as const)('HBsAg %s, HBcAb %s → %s', (hbsAgPositive, hbcAbPositive, status) => {
    expect(checkHepatitisB({ hbsAgPositive, hbcAbPositive }).status).toBe(status);
  });
  it('advises antiviral prophylaxis and HBV DNA monitoring', () => {
    expect(checkHepatitisB({ hbcAbPositive: true }).advice[0]?.en).toContain(
      'antiviral prophylaxis and HBV DNA monitoring',
    );
  });
  it('missing → UNKNOWN naming the missing marker', () => {
    expect(checkHepatitisB({ hbsAgPositive: false })).toMatchObject({
      status: 'UNKNOWN',
      needs: ['hbcAbPositive'],
    });
  });
});

describe('ELIG-12 foreign implants', () => {
  it('[] → PASS; implants → WARN naming them; missing → UNKNOWN', () => {
    expect(checkForeignImplants({ foreignImplants: [] }).status).toBe('PASS');
    const result = checkForeignImplants({ foreignImplants: ['VENOUS_CATHETER', 'VENA_CAVA_FILTER'] });
    expect(result.status).toBe('WARN');
    expect(result.text.zh).toContain('静脉导管、静脉滤网');
    expect(result.text.en).toContain('local and systemic infection');
    expect(checkForeignImplants({})).toMatchObject({ status: 'UNKNOWN', needs: ['foreignImplants'] });
  });
});

describe('ELIG-13 BCMA loss after late relapse or prior BCMA therapy', () => {
  it.each([
    [true, false, undefined, 'WARN'],
    [false, true, false, 'WARN'],
    [true, true, true, 'INFO'],
    [false, false, undefined, 'PASS'],
  ] as const)(
    'late relapse %s, prior BCMA %s, assessed %s → %s',
    (lateRelapse, priorBcmaTargetedTherapy, targetExpressionAssessed, status) => {
      expect(
        checkDiseaseAssessment({ lateRelapse, priorBcmaTargetedTherapy, targetExpressionAssessed }).status,
      ).toBe(status);
    },
  );
  it('recommends testing BCMA and GPRC5D, CS1, CD19', () => {
    expect(checkDiseaseAssessment({ priorBcmaTargetedTherapy: true }).advice[0]?.zh).toBe(
      '建议评估BCMA表达及其他靶点(GPRC5D、CS1、CD19等)的表达情况',
    );
  });
  it('missing → UNKNOWN', () => {
    expect(checkDiseaseAssessment({ lateRelapse: false })).toMatchObject({
      status: 'UNKNOWN',
      needs: ['priorBcmaTargetedTherapy'],
    });
  });
});
