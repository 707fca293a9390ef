import {
  CARE_PLAN_KINDS,
  CARE_PLAN_PHASES,
  CARE_PLAN_STATUSES,
  carePlan,
  localize,
  type CarePlanItem,
  type CarePlanOutcome,
} from '#rules';
import { builder } from '../builder.ts';
import { applyRule } from '../calculator-errors.ts';
import {
  evaluated,
  evaluationFields,
  languageArg,
  requestLanguage,
  type Evaluated,
} from './calculator-evaluation.ts';
import { CarTProductEnum } from './reference-data.ts';
import { CitationType, DoseType, type Localized } from './rule-output.ts';

const CarePlanPhaseEnum = builder.enumType('CarePlanPhase', {
  description:
    'BEFORE_LYMPHODEPLETION (INFX-1), FROM_LYMPHODEPLETION_START (INFX-2), INFUSION (INF-1), FROM_INFUSION (INFX-3), FOLLOW_UP (IG-1, FU-1).',
  values: CARE_PLAN_PHASES,
});

const CarePlanKindEnum = builder.enumType('CarePlanKind', {
  description: 'A screening, a prophylactic course, an IgG check or a follow-up visit.',
  values: CARE_PLAN_KINDS,
});

const CarePlanStatusEnum = builder.enumType('CarePlanStatus', {
  description:
    "On the plan's day: DUE (to do now: a check dated today, the screening before lymphodepletion, seizure prophylaxis up to the infusion day), ACTIVE (a course under way), DONE (the course or its minimum duration is over, or the check's date has passed; whether a check took place is not recorded), UPCOMING (later), UNKNOWN (a date it needs is missing: see needs).",
  values: CARE_PLAN_STATUSES,
});

const NeutrophilRecoveryStatusEnum = builder.enumType('NeutrophilRecoveryStatus', {
  description:
    'RECOVERED: a recovery date given, or the latest count after infusion at ANC ≥ 1.0 × 10⁹/L (PLAN-2). NOT_RECOVERED: the latest count is below. UNKNOWN: neither tells.',
  values: ['RECOVERED', 'NOT_RECOVERED', 'UNKNOWN'] as const,
});

export const CarePlanItemType = builder.objectRef<Localized<CarePlanItem>>('CarePlanItem').implement({
  description:
    'One item of a care plan: what, from which rule, when, and its status. A date the input cannot give stays null and needs names the input.',
  fields: (t) => ({
    key: t.string({
      description: 'Stable within a plan, e.g. "INFX-3-PNEUMOCYSTIS", "IG-1-M2", "FU-1-D14".',
      resolve: (p) => p.value.key,
    }),
    ruleId: t.string({ resolve: (p) => p.value.ruleId }),
    kind: t.field({ type: CarePlanKindEnum, resolve: (p) => p.value.kind }),
    phase: t.field({ type: CarePlanPhaseEnum, resolve: (p) => p.value.phase }),
    status: t.field({ type: CarePlanStatusEnum, resolve: (p) => p.value.status }),
    text: t.string({
      description: 'What, in the requested language.',
      resolve: (p) => localize(p.value.text, p.language),
    }),
    textZh: t.string({ resolve: (p) => p.value.text.zh }),
    textEn: t.string({ resolve: (p) => p.value.text.en }),
    timing: t.string({
      description: 'When, with its dates, or what is missing to date it; in the requested language.',
      resolve: (p) => localize(p.value.timing, p.language),
    }),
    timingZh: t.string({ resolve: (p) => p.value.timing.zh }),
    timingEn: t.string({ resolve: (p) => p.value.timing.en }),
    dueDate: t.field({
      type: 'Date',
      nullable: true,
      description: 'A check: the day it is due.',
      resolve: (p) => p.value.dueDate,
    }),
    dueBefore: t.field({
      type: 'Date',
      nullable: true,
      description: 'The screening: to be complete before this day (the lymphodepletion start).',
      resolve: (p) => p.value.dueBefore,
    }),
    startDate: t.field({
      type: 'Date',
      nullable: true,
      description: 'A course: its first day.',
      resolve: (p) => p.value.startDate,
    }),
    stopDate: t.field({
      type: 'Date',
      nullable: true,
      description:
        'A course: its last day when known (INFX-3 until neutrophil recovery); null when open-ended or not known.',
      resolve: (p) => p.value.stopDate,
    }),
    earliestStopDate: t.field({
      type: 'Date',
      nullable: true,
      description:
        'A course with a minimum duration: the first day it may stop (Pneumocystis: infusion + 3 months).',
      resolve: (p) => p.value.earliestStopDate,
    }),
    needs: t.stringList({
      description: 'Inputs a date (or the status) of this item needs; empty when complete.',
      resolve: (p) => p.value.needs,
    }),
    dose: t.field({
      type: DoseType,
      nullable: true,
      description: 'Where the consensus gives one (INF-1 levetiracetam 750 mg PO every 12 h).',
      resolve: (p) => (p.value.dose ? { value: p.value.dose, language: p.language } : null),
    }),
    citation: t.field({ type: CitationType, resolve: (p) => p.value.citation }),
  }),
});

export const CarePlanType = builder.objectRef<Evaluated<CarePlanOutcome>>('CarePlan').implement({
  description:
    "A CAR-T course's care plan (PLAN-1): infection screening and prophylaxis by phase (INFX-1…3, INF-1), IgG checks (IG-1) and follow-up visits (FU-1), dated, with their status on `today`. The recommendations are the items due or under way.",
  fields: (t) => ({
    today: t.field({ type: 'Date', resolve: (p) => p.evaluation.outcome.today }),
    product: t.field({ type: CarTProductEnum, resolve: (p) => p.evaluation.outcome.product }),
    infusionDate: t.field({
      type: 'Date',
      nullable: true,
      resolve: (p) => p.evaluation.outcome.infusionDate,
    }),
    lymphodepletionStartDate: t.field({
      type: 'Date',
      nullable: true,
      resolve: (p) => p.evaluation.outcome.lymphodepletionStartDate,
    }),
    dayAfterInfusion: t.int({
      nullable: true,
      description: 'Days from the infusion day to today (0 on it, negative before); null without it.',
      resolve: (p) => p.evaluation.outcome.dayAfterInfusion,
    }),
    neutrophilRecovery: t.field({
      type: NeutrophilRecoveryStatusEnum,
      resolve: (p) => p.evaluation.outcome.neutrophilRecovery,
    }),
    neutrophilRecoveredAt: t.field({
      type: 'Date',
      nullable: true,
      resolve: (p) => p.evaluation.outcome.neutrophilRecoveredAt,
    }),
    items: t.field({
      type: [CarePlanItemType],
      description: 'By phase in course order, follow-up checks by date.',
      args: { status: t.arg({ type: [CarePlanStatusEnum], description: 'Only items with these statuses.' }) },
      resolve: (p, args) =>
        p.evaluation.outcome.items
          .filter((item) => args.status == null || args.status.includes(item.status))
          .map((value) => ({ value, language: p.language })),
    }),
    needs: t.stringList({
      description: 'Every input some item needs, once each.',
      resolve: (p) => p.evaluation.outcome.needs,
    }),
    ...evaluationFields(t),
  }),
});

const NeutrophilCountInput = builder.inputType('NeutrophilCountInput', {
  description: 'An absolute neutrophil count on a day.',
  fields: (t) => ({
    date: t.field({ type: 'Date', required: true }),
    ancE9PerL: t.float({ required: true, description: '× 10⁹/L (0–100).' }),
  }),
});

/** The care plan's input (PLAN-1); validated by the rule (field, allowed, received). */
export const CarePlanInput = builder.inputType('CarePlanInput', {
  description:
    'The dates of a CAR-T course. Every date may be omitted: the items that need it say so, no date is guessed.',
  fields: (t) => ({
    product: t.field({ type: CarTProductEnum, required: true }),
    infusionDate: t.field({ type: 'Date', description: 'CAR-T infusion day (day 0).' }),
    lymphodepletionStartDate: t.field({
      type: 'Date',
      description: 'First lymphodepletion day (before infusion).',
    }),
    priorCnsDisease: t.boolean({
      description: 'Prior CNS disease (INF-1 seizure prophylaxis); omit when not known.',
    }),
    neutrophilRecoveredAt: t.field({
      type: 'Date',
      description:
        'Day neutrophils recovered (ends INFX-3 antibacterial/antifungal prophylaxis); on or after infusion, not after today.',
    }),
    neutrophilCounts: t.field({
      type: [NeutrophilCountInput],
      description:
        'Instead of neutrophilRecoveredAt: counts (in the order taken, at most 1000) to read recovery from (PLAN-2: latest count after infusion ≥ 1.0 × 10⁹/L).',
    }),
    followUpThroughMonth: t.int({
      description: 'Last month after infusion to list FU-1 visits for (1–120; default 36).',
    }),
    today: t.field({
      type: 'Date',
      description: "The day the plan is read on; defaults to today in the hospital's calendar.",
    }),
  }),
});

builder.queryField('carePlan', (t) =>
  t.field({
    type: CarePlanType,
    description:
      'The care plan of a CAR-T course (PLAN-1): infection screening, antiviral, seizure, antibacterial/antifungal and Pneumocystis prophylaxis, IgG checks and follow-up visits with dates and status today. No login needed.',
    args: {
      input: t.arg({ type: CarePlanInput, required: true }),
      language: languageArg(t),
    },
    resolve: (_root, args, context) =>
      evaluated(
        applyRule('input', () =>
          carePlan({
            ...args.input,
            followUpThroughMonth: args.input.followUpThroughMonth ?? undefined,
            today: args.input.today ?? context.today(),
          }),
        ),
        requestLanguage(args, context),
      ),
  }),
);
