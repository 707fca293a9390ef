import {
  ELIGIBILITY_EXCLUSIONS,
  FOREIGN_IMPLANTS,
  eligibilityInputSchema,
  eligibilityMessages,
  evaluateEligibility,
  localize,
  type EligibilityOutcome,
  type EligibilityRuleResult,
} from '#rules';
import { builder } from '../builder.ts';
import { evaluationFields, withoutNulls, type Evaluated, ruleCalculator } from './calculator-evaluation.ts';
import { CarTProductEnum } from './reference-data.ts';
import { CitationType, type Localized } from './rule-output.ts';

const EligibilityExclusionEnum = builder.enumType('EligibilityExclusion', {
  description: 'An exclusion of §1.1 (ELIG-9).',
  values: ELIGIBILITY_EXCLUSIONS,
});

const ForeignImplantEnum = builder.enumType('ForeignImplant', {
  description: 'A foreign implant of §2.3 (ELIG-12).',
  values: FOREIGN_IMPLANTS,
});

const BilirubinUnitEnum = builder.enumType('BilirubinUnit', {
  description: 'µmol/L or mg/dL (1 mg/dL = 17.1 µmol/L).',
  values: ['UMOL_PER_L', 'MG_PER_DL'] as const,
});

const BilirubinInput = builder.inputType('BilirubinInput', {
  description: 'Total bilirubin with its unit (ELIG-5).',
  fields: (t) => ({
    unit: t.field({ type: BilirubinUnitEnum, required: true }),
    value: t.float({ required: true, description: '0–1000 µmol/L or 0–60 mg/dL.' }),
  }),
});

/** Pre-treatment eligibility input: every field optional; a missing one a rule needs gives UNKNOWN. */
export const EligibilityInput = builder
  .inputType('EligibilityInput', {
    description:
      'Pre-treatment findings (§1, §2.3). Omit what is not known: the rule then says what it needs.',
    fields: (t) => ({
      product: t.field({
        type: CarTProductEnum,
        description: 'The planned product; OTHER if not in table 2.',
      }),
      noBetterOption: t.boolean({
        description:
          'No better treatment option: performance status is then not an absolute contraindication.',
      }),
      kps: t.int({ description: 'Karnofsky performance status, 0–100 (ELIG-1: ≥ 50).' }),
      ecog: t.int({ description: 'ECOG performance status, 0–5 (ELIG-1: ≤ 2).' }),
      lvefPercent: t.float({ description: 'LVEF, % (ELIG-2: ≥ 50 %, ≥ 45 % for ide-cel).' }),
      cardiacAmyloidosis: t.boolean({ description: 'ELIG-3.' }),
      atrialFibrillation: t.boolean({ description: 'ELIG-3.' }),
      altUPerL: t.float({ description: 'ALT, U/L (ELIG-4: < 3 × ULN).' }),
      altUlnUPerL: t.float({ description: "ALT upper limit of normal of the institution's range, U/L." }),
      astUPerL: t.float({ description: 'AST, U/L (ELIG-4: < 3 × ULN).' }),
      astUlnUPerL: t.float({ description: "AST upper limit of normal of the institution's range, U/L." }),
      totalBilirubin: t.field({ type: BilirubinInput, description: 'ELIG-5.' }),
      spo2RoomAirPercent: t.float({ description: 'SpO2 on room air, % (ELIG-6: ≥ 92 %).' }),
      activeInfection: t.boolean({ description: 'ELIG-7.' }),
      expectedSurvivalWeeks: t.float({ description: 'Expected survival, weeks (ELIG-8: > 12).' }),
      exclusions: t.field({
        type: [EligibilityExclusionEnum],
        description: 'The §1.1 exclusions that apply; [] when none applies (ELIG-9).',
      }),
      renalImpairment: t.boolean({ description: 'ELIG-10 (information only).' }),
      hbsAgPositive: t.boolean({ description: 'ELIG-11.' }),
      hbcAbPositive: t.boolean({ description: 'ELIG-11.' }),
      foreignImplants: t.field({
        type: [ForeignImplantEnum],
        description: 'Foreign implants present; [] when none (ELIG-12).',
      }),
      lateRelapse: t.boolean({ description: 'ELIG-13.' }),
      priorBcmaTargetedTherapy: t.boolean({ description: 'ELIG-13.' }),
      targetExpressionAssessed: t.boolean({
        description: 'BCMA and other targets (GPRC5D, CS1, CD19) already tested (ELIG-13).',
      }),
    }),
  })
  .validate(withoutNulls(eligibilityInputSchema));

const EligibilityStatusEnum = builder.enumType('EligibilityStatus', {
  description:
    'PASS: met. INFO: information. WARN: proceed with attention. RELATIVE: not met but not an absolute contraindication. EXCLUDED: not eligible. UNKNOWN: input missing.',
  values: ['PASS', 'INFO', 'WARN', 'RELATIVE', 'EXCLUDED', 'UNKNOWN'] as const,
});

const EligibilityOverallEnum = builder.enumType('EligibilityOverall', {
  values: ['ELIGIBLE', 'ELIGIBLE_WITH_WARNINGS', 'NOT_ELIGIBLE', 'INCOMPLETE'] as const,
});

const EligibilityRuleResultType = builder
  .objectRef<Localized<EligibilityRuleResult>>('EligibilityRuleResult')
  .implement({
    description: "One eligibility rule's own result.",
    fields: (t) => ({
      ruleId: t.string({ description: 'e.g. "ELIG-2".', resolve: (p) => p.value.ruleId }),
      status: t.field({ type: EligibilityStatusEnum, resolve: (p) => p.value.status }),
      needs: t.stringList({
        description: 'Input fields the rule needs; non-empty exactly when the status is UNKNOWN.',
        resolve: (p) => p.value.needs,
      }),
      text: t.string({
        description: 'What the rule found.',
        resolve: (p) => localize(p.value.text, p.language),
      }),
      textZh: t.string({ resolve: (p) => p.value.text.zh }),
      textEn: t.string({ resolve: (p) => p.value.text.en }),
      advice: t.stringList({
        description: 'What to do, in the requested language.',
        resolve: (p) => p.value.advice.map((advice) => localize(advice, p.language)),
      }),
      notes: t.stringList({
        description: 'e.g. the value the consensus prints where a Decision uses another.',
        resolve: (p) => p.value.notes.map((note) => localize(note, p.language)),
      }),
      citation: t.field({ type: CitationType, resolve: (p) => p.value.citation }),
    }),
  });

export const EligibilityCheckType = builder
  .objectRef<Evaluated<EligibilityOutcome>>('EligibilityCheck')
  .implement({
    description: 'Pre-treatment eligibility (ELIG-1 … ELIG-13): the overall outcome and every rule’s result.',
    fields: (t) => ({
      overall: t.field({ type: EligibilityOverallEnum, resolve: (p) => p.evaluation.outcome.overall }),
      overallText: t.string({
        description: 'The overall outcome in the requested language.',
        resolve: (p) => localize(eligibilityMessages.overall(p.evaluation.outcome.overall), p.language),
      }),
      rules: t.field({
        type: [EligibilityRuleResultType],
        description: 'ELIG-1 … ELIG-13 in order.',
        resolve: (p) => p.evaluation.outcome.rules.map((value) => ({ value, language: p.language })),
      }),
      needs: t.stringList({
        description: 'Every input field still needed (INCOMPLETE until given).',
        resolve: (p) => [...new Set(p.evaluation.outcome.rules.flatMap((rule) => rule.needs))],
      }),
      ...evaluationFields(t),
    }),
  });

ruleCalculator('eligibilityCheck', {
  type: EligibilityCheckType,
  input: EligibilityInput,
  description:
    'Pre-treatment eligibility for CAR-T (§1, §2.3): ELIGIBLE, ELIGIBLE_WITH_WARNINGS, NOT_ELIGIBLE or INCOMPLETE. No login needed.',
  rule: (input, context) => evaluateEligibility(input, context.rulesConfig),
});
