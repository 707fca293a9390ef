import {
  INFECTION_PHASES,
  infectionPrevention,
  infectionPreventionInputSchema,
  type InfectionPreventionOutcome,
} from '#rules';
import { builder } from '../builder.ts';
import { evaluationFields, withoutNulls, type Evaluated, ruleCalculator } from './calculator-evaluation.ts';

const InfectionPhaseEnum = builder.enumType('InfectionPhase', {
  description:
    'BEFORE_LYMPHODEPLETION: before CAR-T (INFX-1 screening). FROM_LYMPHODEPLETION_START: from the start of lymphodepletion to infusion (INFX-2). AFTER_INFUSION: after infusion (INFX-2, INFX-3).',
  values: INFECTION_PHASES,
});

/** Infection prevention input (INFX-1 … INFX-5, §7.3). */
export const InfectionProphylaxisInput = builder
  .inputType('InfectionProphylaxisInput', {
    description: 'Where the patient is in the course, and what is known of neutrophils and infection (§7.3).',
    fields: (t) => ({
      phase: t.field({ type: InfectionPhaseEnum, required: true }),
      infusionDate: t.field({
        type: 'Date',
        description:
          'CAR-T infusion date: gives the Pneumocystis prophylaxis date (at least 3 months, INFX-3).',
      }),
      neutrophilsRecovered: t.boolean({
        description:
          'After infusion: whether neutrophils have recovered (ends norfloxacin and antifungal prophylaxis, INFX-3).',
      }),
      ancE9PerL: t.float({ description: 'Absolute neutrophil count, × 10⁹/L (0–100; INFX-4: < 1.0).' }),
      suspectedInfection: t.boolean({ description: 'Suspected or confirmed infection (INFX-5).' }),
    }),
  })
  .validate(withoutNulls(infectionPreventionInputSchema));

const InfectionProphylaxisStatusEnum = builder.enumType('InfectionProphylaxisStatus', {
  description: 'ADVICE: complete. INCOMPLETE: part of the advice depends on missing input (see needs).',
  values: ['ADVICE', 'INCOMPLETE'] as const,
});

export const InfectionProphylaxisType = builder
  .objectRef<Evaluated<InfectionPreventionOutcome>>('InfectionProphylaxis')
  .implement({
    description:
      'Infection screening, prophylaxis and treatment by phase (INFX-1 … INFX-5); the consensus gives no doses.',
    fields: (t) => ({
      phase: t.field({ type: InfectionPhaseEnum, resolve: (p) => p.evaluation.outcome.phase }),
      status: t.field({ type: InfectionProphylaxisStatusEnum, resolve: (p) => p.evaluation.outcome.status }),
      needs: t.stringList({
        description: 'Input fields the advice still needs; non-empty exactly when the status is INCOMPLETE.',
        resolve: (p) => p.evaluation.outcome.needs,
      }),
      pjpProphylaxisUntil: t.field({
        type: 'Date',
        nullable: true,
        description:
          'After infusion: Pneumocystis prophylaxis at least until this date (infusion + 3 months); null without the infusion date.',
        resolve: (p) => p.evaluation.outcome.pjpProphylaxisUntil,
      }),
      severeNeutropenia: t.boolean({
        nullable: true,
        description: 'Grade 3–4 neutropenia (ANC < 1.0 × 10⁹/L, INFX-4); null without an ANC.',
        resolve: (p) => p.evaluation.outcome.severeNeutropenia,
      }),
      ...evaluationFields(t),
    }),
  });

ruleCalculator('infectionProphylaxis', {
  type: InfectionProphylaxisType,
  input: InfectionProphylaxisInput,
  description:
    'Infection screening and prophylaxis for the phase of the CAR-T course, grade 3–4 neutropenia and infection (INFX-1 … INFX-5, §7.3). No login needed.',
  rule: (input) => infectionPrevention(input),
});
