import { describe, expect, it } from 'vitest';
import { RulesInputError } from '../core/index.ts';
import type { LocalizedText } from '../core/index.ts';
import { localizedTextProblems, localizedTextProblemsOf } from '../core/text-check.ts';
import { evaluateCrs } from '../crs/evaluate.ts';
import { checkDosePlausibility } from '../dose-safety/plausibility.ts';
import { escalationDefinitions } from './definitions.ts';
import { doseOverrideOf } from './dose.ts';
import { collectEscalations, evaluateEscalations } from './evaluate.ts';
import { ESCALATION_LEVEL } from './levels.ts';
import { messages } from './messages.ts';
import { ESCALATION_IDS } from './types.ts';

describe('ESC-* levels as the spec table sets them', () => {
  it('ESC-CRS2/ESC-CRS3/ESC-ICANS2/ESC-ICANS3/ESC-SUSPECT/ESC-HLH/ESC-TOCI/ESC-DOSE/ESC-VITALS/ESC-INF/ESC-IGG: levels', () => {
    expect(ESCALATION_LEVEL).toEqual({
      'ESC-CRS2': 'URGENT',
      'ESC-CRS3': 'CRITICAL',
      'ESC-ICANS2': 'CRITICAL',
      'ESC-ICANS3': 'CRITICAL',
      'ESC-SUSPECT': 'URGENT',
      'ESC-HLH': 'CRITICAL',
      'ESC-TOCI': 'URGENT',
      'ESC-DOSE': 'URGENT',
      'ESC-VITALS': 'URGENT',
      'ESC-INF': 'WARNING',
      'ESC-IGG': 'WARNING',
    });
  });
});

describe('ESC-* collected over one set of inputs', () => {
  it('ESC-CRS3/ESC-ICANS2/ESC-ICANS3/ESC-TOCI/ESC-INF: everything that fires, critical first', () => {
    const fired = evaluateEscalations({
      crsGrades: { previousGrade: 1, currentGrade: 3 },
      icansGrades: { previousGrade: 0, currentGrade: 3 },
      tocilizumab: { status: 'MAX_TOTAL_REACHED' },
      infusionPlan: { lymphodepletionEndDate: '2026-03-01', plannedInfusionDate: '2026-03-12' },
      igg: { igRuleId: 'IG-4' },
    });
    expect(fired.map((t) => t.id)).toEqual(['ESC-CRS3', 'ESC-ICANS2', 'ESC-ICANS3', 'ESC-TOCI', 'ESC-INF']);
  });

  it('ESC-CRS2 / CRS-G6: a grade 2 from hypoxia requiring oxygen (SpO2 89.9 % on room air, febrile) fires ESC-CRS2', () => {
    const crs = evaluateCrs({ temperatureCelsius: 38.5, spo2Percent: 89.9 });
    expect(crs.outcome).toEqual({ status: 'GRADED', grade: 2 });
    const fired = evaluateEscalations({
      crsGrades: { previousGrade: 1, currentGrade: 2, driverRuleIds: crs.drivers.map((d) => d.ruleId) },
    });
    expect(fired.map((t) => [t.id, t.level, t.sourceRuleIds])).toEqual([
      ['ESC-CRS2', 'URGENT', ['CRS-GRADE', 'CRS-G6']],
    ]);
    expect(fired[0]?.text.en).toContain('hypoxia requiring oxygen: start oxygen and regrade');
    expect(fired[0]?.text.zh).toContain('请开始吸氧并重新分级');
  });

  it('ESC-CRS2 / CRS-G6: fires on the grade alone too (drivers not passed); SpO2 90 % does not', () => {
    const at899 = evaluateCrs({ temperatureCelsius: 38.5, spo2Percent: 89.9 }).outcome;
    const at90 = evaluateCrs({ temperatureCelsius: 38.5, spo2Percent: 90 }).outcome;
    const grade = (o: typeof at90) => (o.status === 'GRADED' ? o.grade : 0);
    expect(
      evaluateEscalations({ crsGrades: { previousGrade: 0, currentGrade: grade(at899) } }).map((t) => t.id),
    ).toEqual(['ESC-CRS2']);
    expect(evaluateEscalations({ crsGrades: { previousGrade: 0, currentGrade: grade(at90) } })).toEqual([]);
  });

  it('ESC-DOSE: a dose with a TOCI-5 problem recorded with an override reason fires, urgent', () => {
    const check = checkDosePlausibility({ drug: 'TOCILIZUMAB', mg: 401, route: 'IV', weightKg: 50 });
    const fired = evaluateEscalations({ dose: doseOverrideOf(check, 'rounded up to the vial size') });
    expect(fired.map((t) => [t.id, t.level, t.sourceRuleIds])).toEqual([['ESC-DOSE', 'URGENT', ['TOCI-5']]]);
    expect(localizedTextProblems(fired).problems).toEqual([]);
  });

  it('ESC-DOSE: a plausible dose raises nothing', () => {
    const check = checkDosePlausibility({ drug: 'TOCILIZUMAB', mg: 400, route: 'IV', weightKg: 50 });
    expect(evaluateEscalations({ dose: doseOverrideOf(check, 'none needed') })).toEqual([]);
  });

  it('ESC-DOSE: an empty or blank override reason is invalid input naming the field', () => {
    const check = checkDosePlausibility({ drug: 'DEXAMETHASONE', mg: 40, route: 'IV' });
    for (const reason of ['', '   ']) {
      try {
        evaluateEscalations({ dose: doseOverrideOf(check, reason) });
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(RulesInputError);
        expect((error as RulesInputError).issues.map((i) => [i.field, i.allowed])).toEqual([
          ['dose.overrideReason', 'the override reason recorded with the dose, 1–500 characters'],
        ]);
      }
    }
  });

  it('ESC-CRS2: a repeated identical grading raises nothing', () => {
    expect(evaluateEscalations({ crsGrades: { previousGrade: 2, currentGrade: 2 } })).toEqual([]);
  });

  it('ESC-ICANS2: needs both CRS and ICANS grades; one without the other does not fire it', () => {
    expect(evaluateEscalations({ icansGrades: { currentGrade: 2 } })).toEqual([]);
    expect(
      evaluateEscalations({
        icansGrades: { currentGrade: 2 },
        crsGrades: { previousGrade: 2, currentGrade: 2 },
      }).map((t) => t.id),
    ).toEqual(['ESC-ICANS2']);
  });

  it('ESC-SUSPECT/ESC-HLH/ESC-VITALS/ESC-IGG: fired from their parts', () => {
    const fired = collectEscalations({
      suspicion: { daysSinceInfusion: 30, suspected: true, previouslySuspected: false },
      hlh: { status: 'SUSPECTED' },
      vitals: { currentCrsGrade: 1, hoursSinceLastVitals: 6 },
      igg: { igRuleId: 'IG-3' },
    });
    expect(fired.map((t) => [t.id, t.level])).toEqual([
      ['ESC-HLH', 'CRITICAL'],
      ['ESC-SUSPECT', 'URGENT'],
      ['ESC-VITALS', 'URGENT'],
      ['ESC-IGG', 'WARNING'],
    ]);
    expect(localizedTextProblems(fired).problems).toEqual([]);
  });

  it('ESC-VITALS: invalid input names the field and the allowed range', () => {
    try {
      evaluateEscalations({ vitals: { currentCrsGrade: 5, hoursSinceLastVitals: -1 } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RulesInputError);
      expect((error as RulesInputError).issues.map((i) => [i.field, i.allowed])).toEqual([
        ['vitals.currentCrsGrade', 'a whole number between 0 and 4 (grade)'],
        ['vitals.hoursSinceLastVitals', 'between 0 and 8760 h'],
      ]);
    }
  });
});

/** Sample arguments for every message function; a new function without a sample fails the test. */
const SAMPLES: Record<string, readonly unknown[]> = {
  crsGrade3OrMore: [3],
  icansWithCrs: [2, 2],
  icansGrade3OrMore: [4],
  suspectWithin3Weeks: [7],
  suspectLate: [30],
  earliestNextDose: [messages.tocilizumabTooSoon, '2026-03-01T12:00:00.000Z'],
  earliestNextDoseLocal: [
    messages.tocilizumabTooSoon,
    { zh: '2026-03-01 20:00（Asia/Shanghai）', en: '2026-03-01 20:00 (Asia/Shanghai)' },
  ],
  vitalsOverdue: [5.5],
  infusionTooLate: [8],
  doseOverridden: [
    {
      drug: { zh: '托珠单抗', en: 'tocilizumab' },
      mg: 401,
      route: 'PO',
      computedMg: 400,
      capMg: 800,
      problems: ['ABOVE_COMPUTED_DOSE', 'WRONG_ROUTE'],
    },
    'patient cannot take IV; pharmacist confirmed',
  ],
};

describe('ESC-* messages and definitions', () => {
  it.each(Object.entries(messages))('ESC-*: message %s has Chinese zh and non-empty en', (key, value) => {
    const args = SAMPLES[key];
    if (typeof value === 'function' && !args) throw new Error(`no sample arguments for messages.${key}`);
    const message =
      typeof value === 'function' ? (value as (...a: unknown[]) => LocalizedText)(...(args ?? [])) : value;
    expect(localizedTextProblemsOf(message)).toEqual([]);
  });

  it('ESC-CRS2/ESC-CRS3/ESC-ICANS2/ESC-ICANS3/ESC-SUSPECT/ESC-HLH/ESC-TOCI/ESC-DOSE/ESC-VITALS/ESC-INF/ESC-IGG: one definition each, product-design', () => {
    expect(escalationDefinitions.map((d) => d.id)).toEqual([...ESCALATION_IDS]);
    for (const definition of escalationDefinitions) {
      expect(definition.citation).toEqual({ section: 'Escalation', source: 'product-design' });
      expect(localizedTextProblemsOf(definition.summary)).toEqual([]);
    }
  });
});
