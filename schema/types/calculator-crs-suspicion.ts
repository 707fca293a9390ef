import { crsSuspicionInputSchema, evaluateCrsSuspicion, type CrsSuspicionOutcome } from '#rules';
import { builder } from '../builder.ts';
import { evaluationFields, withoutNulls, type Evaluated, ruleCalculator } from './calculator-evaluation.ts';

/** The four CRS-S1 signs on a day after infusion (§7.1). */
export const CrsSuspicionInput = builder
  .inputType('CrsSuspicionInput', {
    description:
      'The CRS-S1 signs and the day after infusion. A missing measurement is never read as normal: with no sign present it gives UNKNOWN.',
    fields: (t) => ({
      daysSinceInfusion: t.int({
        required: true,
        description: 'Day after infusion, 0 = infusion day (0–3650).',
      }),
      temperatureCelsius: t.float({ description: 'Temperature, °C (25–45; sign: ≥ 38.0).' }),
      systolicBp: t.int({ description: 'Systolic blood pressure, mmHg (30–300; sign: < 90).' }),
      spo2Percent: t.float({ description: 'Oxygen saturation, % (20–100; sign: < 90).' }),
      organToxicity: t.boolean({
        required: true,
        defaultValue: false,
        description: 'Organ toxicity present (a sign).',
      }),
    }),
  })
  .validate(withoutNulls(crsSuspicionInputSchema));

const CrsSuspicionStatusEnum = builder.enumType('CrsSuspicionStatus', {
  description:
    'SUSPECTED: a sign is present (exclude infection, tumour lysis syndrome and allergic reaction). NOT_SUSPECTED: all four measured, none present. UNKNOWN: no sign present and a measurement missing (see needs).',
  values: ['SUSPECTED', 'NOT_SUSPECTED', 'UNKNOWN'] as const,
});

export const CrsSuspicionWindowEnum = builder.enumType('CrsSuspicionWindow', {
  description:
    'WITHIN_3_WEEKS: days 0–21 (the consensus window). WEEKS_3_TO_4: days 22–28, beyond 3 weeks (late CRS possible). AFTER_4_WEEKS: day 29 on (late CRS).',
  values: ['WITHIN_3_WEEKS', 'WEEKS_3_TO_4', 'AFTER_4_WEEKS'] as const,
});

export const CrsSuspicionType = builder.objectRef<Evaluated<CrsSuspicionOutcome>>('CrsSuspicion').implement({
  description: 'Whether to suspect CRS after infusion (CRS-S1), always with the exclusions to make.',
  fields: (t) => ({
    status: t.field({ type: CrsSuspicionStatusEnum, resolve: (p) => p.evaluation.outcome.status }),
    daysSinceInfusion: t.int({ resolve: (p) => p.evaluation.outcome.daysSinceInfusion }),
    window: t.field({ type: CrsSuspicionWindowEnum, resolve: (p) => p.evaluation.outcome.window }),
    lateCrsPossible: t.boolean({
      nullable: true,
      description: 'When SUSPECTED: true after day 21 (late CRS possible); null otherwise.',
      resolve: (p) =>
        p.evaluation.outcome.status === 'SUSPECTED' ? p.evaluation.outcome.lateCrsPossible : null,
    }),
    needs: t.stringList({
      description: 'Measurements needed; non-empty exactly when the status is UNKNOWN.',
      resolve: (p) => (p.evaluation.outcome.status === 'UNKNOWN' ? p.evaluation.outcome.needs : []),
    }),
    ...evaluationFields(t),
  }),
});

ruleCalculator('crsSuspicion', {
  type: CrsSuspicionType,
  input: CrsSuspicionInput,
  description:
    'Suspect CRS after infusion if any of: temperature ≥ 38 °C, systolic BP < 90 mmHg, SpO2 < 90 %, organ toxicity (CRS-S1, §7.1); late CRS after 3–4 weeks. No login needed.',
  rule: (input) => evaluateCrsSuspicion(input),
});
