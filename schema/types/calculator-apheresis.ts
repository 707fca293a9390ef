import {
  WASHOUT_TREATMENTS,
  apheresisInputSchema,
  apheresisMessages,
  evaluateApheresis,
  localize,
  type ApheresisOutcome,
  type ApheresisRuleResult,
  type TreatmentWashout,
  type WashoutOutcome,
} from '#rules';
import { builder } from '../builder.ts';
import { evaluationFields, withoutNulls, type Evaluated, ruleCalculator } from './calculator-evaluation.ts';
import { CitationType, type Localized } from './rule-output.ts';

const WashoutTreatmentEnum = builder.enumType('WashoutTreatment', {
  description:
    'A treatment with a washout before lymphocyte collection (APH-5): 8 weeks for anti-T-cell antibodies, donor lymphocyte infusion and CNS radiotherapy; 2 weeks for combination chemotherapy, lenalidomide and bortezomib; 1 week for vincristine; 72 hours for therapeutic-dose corticosteroids.',
  values: WASHOUT_TREATMENTS,
});

const LastDoseInput = builder.inputType('LastDoseInput', {
  description: 'The last dose of one treatment.',
  fields: (t) => ({
    treatment: t.field({ type: WashoutTreatmentEnum, required: true }),
    at: t.field({ type: 'DateTime', required: true, description: 'When it was given.' }),
  }),
});

/** Lymphocyte collection input: every field optional; a missing one a rule needs gives UNKNOWN. */
export const ApheresisInput = builder
  .inputType('ApheresisInput', {
    description: 'Findings before lymphocyte collection (§3). Omit what is not known.',
    fields: (t) => ({
      hemoglobinGPerL: t.float({ description: 'HGB, g/L (APH-1: > 80).' }),
      anaemiaDueToProgression: t.boolean({ description: 'Then APH-1 is not an absolute limit.' }),
      plateletsE9PerL: t.float({ description: 'PLT, × 10⁹/L (APH-2: > 50).' }),
      thrombocytopeniaDueToProgression: t.boolean({ description: 'Then APH-2 is not an absolute limit.' }),
      lymphocytesPerUl: t.float({
        description: 'Absolute lymphocyte count, /µL (APH-3: > 500, or CD3⁺ > 150).',
      }),
      cd3PerUl: t.float({ description: 'CD3⁺ lymphocytes, /µL.' }),
      collectedE6PerKg: t.float({ description: 'Lymphocytes collected, × 10⁶/kg (APH-4: usually 60–600).' }),
      lastDoses: t.field({
        type: [LastDoseInput],
        description: 'Last doses of the APH-5 treatments; [] when none was given.',
      }),
      plannedCollectionAt: t.field({
        type: 'DateTime',
        description: 'Planned collection (checked against APH-5).',
      }),
      priorBendamustine: t.boolean({ description: 'APH-6.' }),
      priorFludarabine: t.boolean({ description: 'APH-6.' }),
      highRisk: t.boolean({ description: 'APH-7.' }),
      needsLenalidomide: t.boolean({ description: 'APH-7.' }),
    }),
  })
  .validate(withoutNulls(apheresisInputSchema));

const ApheresisStatusEnum = builder.enumType('ApheresisStatus', {
  description:
    'PASS: met. INFO: information. WARN: proceed with attention. RELATIVE: not met but not an absolute limit. NOT_MET: collection should not go ahead now. UNKNOWN: input missing.',
  values: ['PASS', 'INFO', 'WARN', 'RELATIVE', 'NOT_MET', 'UNKNOWN'] as const,
});

const ApheresisOverallEnum = builder.enumType('ApheresisOverall', {
  values: ['READY', 'READY_WITH_WARNINGS', 'NOT_READY', 'INCOMPLETE'] as const,
});

const WashoutStatusEnum = builder.enumType('WashoutStatus', {
  description:
    'MET: the planned collection respects every washout; NOT_MET: it does not; SCHEDULE: no collection planned, only the earliest times.',
  values: ['MET', 'NOT_MET', 'SCHEDULE'] as const,
});

const ApheresisRuleResultType = builder
  .objectRef<Localized<ApheresisRuleResult>>('ApheresisRuleResult')
  .implement({
    description: "One collection rule's own result.",
    fields: (t) => ({
      ruleId: t.string({ description: 'e.g. "APH-5".', resolve: (p) => p.value.ruleId }),
      status: t.field({ type: ApheresisStatusEnum, resolve: (p) => p.value.status }),
      needs: t.stringList({
        description: 'Input fields the rule needs; non-empty exactly when the status is UNKNOWN.',
        resolve: (p) => p.value.needs,
      }),
      text: t.string({ resolve: (p) => localize(p.value.text, p.language) }),
      textZh: t.string({ resolve: (p) => p.value.text.zh }),
      textEn: t.string({ resolve: (p) => p.value.text.en }),
      advice: t.stringList({ resolve: (p) => p.value.advice.map((advice) => localize(advice, p.language)) }),
      citation: t.field({ type: CitationType, resolve: (p) => p.value.citation }),
    }),
  });

const TreatmentWashoutType = builder.objectRef<TreatmentWashout>('TreatmentWashout').implement({
  description: 'The washout of one treatment (APH-5).',
  fields: (t) => ({
    treatment: t.field({ type: WashoutTreatmentEnum, resolve: (p) => p.treatment }),
    lastDoseAt: t.field({
      type: 'DateTime',
      description: 'The latest recorded dose.',
      resolve: (p) => p.lastDoseAt,
    }),
    minimumIntervalHours: t.exposeInt('minimumIntervalHours'),
    earliestAt: t.field({
      type: 'DateTime',
      description: 'Earliest allowed collection, in the offset of the recorded dose.',
      resolve: (p) => p.earliestAt,
    }),
    earliestDate: t.field({ type: 'Date', resolve: (p) => p.earliestDate }),
    plannedCollectionMeets: t.boolean({
      nullable: true,
      description: 'Whether the planned collection respects this washout; null without a planned collection.',
      resolve: (p) => p.plannedCollectionMeets,
    }),
  }),
});

const WashoutScheduleType = builder.objectRef<WashoutOutcome>('WashoutSchedule').implement({
  description: 'APH-5: the earliest collection per treatment and overall.',
  fields: (t) => ({
    status: t.field({ type: WashoutStatusEnum, resolve: (p) => p.status }),
    treatments: t.field({
      type: [TreatmentWashoutType],
      description: 'One entry per treatment recorded, longest washout first.',
      resolve: (p) => p.treatments,
    }),
    earliestCollectionAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'The latest of the per-treatment times; null when nothing was recorded.',
      resolve: (p) => p.earliestCollectionAt,
    }),
    earliestCollectionDate: t.field({
      type: 'Date',
      nullable: true,
      resolve: (p) => p.earliestCollectionDate,
    }),
  }),
});

export const ApheresisReadinessType = builder
  .objectRef<Evaluated<ApheresisOutcome>>('ApheresisReadiness')
  .implement({
    description: 'Readiness for lymphocyte collection (APH-1 … APH-7) with the washout schedule.',
    fields: (t) => ({
      overall: t.field({ type: ApheresisOverallEnum, resolve: (p) => p.evaluation.outcome.overall }),
      overallText: t.string({
        description: 'The overall outcome in the requested language.',
        resolve: (p) => localize(apheresisMessages.overall(p.evaluation.outcome.overall), p.language),
      }),
      rules: t.field({
        type: [ApheresisRuleResultType],
        description: 'APH-1 … APH-7 in order.',
        resolve: (p) => p.evaluation.outcome.rules.map((value) => ({ value, language: p.language })),
      }),
      washout: t.field({
        type: WashoutScheduleType,
        nullable: true,
        description: 'APH-5 detail; null when the last doses were not given.',
        resolve: (p) => p.evaluation.outcome.washout,
      }),
      needs: t.stringList({
        description: 'Every input field still needed (INCOMPLETE until given).',
        resolve: (p) => [...new Set(p.evaluation.outcome.rules.flatMap((rule) => rule.needs))],
      }),
      ...evaluationFields(t),
    }),
  });

ruleCalculator('apheresisReadiness', {
  type: ApheresisReadinessType,
  input: ApheresisInput,
  description:
    'Readiness for lymphocyte collection (§3) and the earliest collection date per washout (APH-5). No login needed.',
  rule: (input) => evaluateApheresis(input),
});
