import { checkPremedication, premedicationInputSchema, type PremedicationOutcome } from '#rules';
import { builder } from '../builder.ts';
import {
  evaluationFields,
  withoutNulls,
  type Evaluated,
  ruleCalculator,
  statusAndNeeds,
} from './calculator-evaluation.ts';

/** Premedication before infusion (INF-4, §5.2). */
export const PremedicationInput = builder
  .inputType('PremedicationInput', {
    description: 'Premedication given or planned before CAR-T infusion (INF-4). Omit what is not known.',
    fields: (t) => ({
      steroidPremedication: t.boolean({
        description: 'A corticosteroid given or planned as premedication to prevent allergy.',
      }),
    }),
  })
  .validate(withoutNulls(premedicationInputSchema));

const PremedicationStatusEnum = builder.enumType('PremedicationStatus', {
  description:
    'OK: no corticosteroid premedication. WARN: corticosteroid premedication is not recommended. UNKNOWN: not given.',
  values: ['OK', 'WARN', 'UNKNOWN'] as const,
});

export const PremedicationCheckType = builder
  .objectRef<Evaluated<PremedicationOutcome>>('PremedicationCheck')
  .implement({
    description:
      'Vital-sign monitoring starts before infusion; corticosteroid premedication to prevent allergy is not recommended (INF-4).',
    fields: (t) => ({
      ...statusAndNeeds(t, PremedicationStatusEnum),
      ...evaluationFields(t),
    }),
  });

ruleCalculator('premedicationCheck', {
  type: PremedicationCheckType,
  input: PremedicationInput,
  description:
    'Checks premedication before CAR-T infusion: corticosteroids to prevent allergy are not recommended (INF-4, §5.2). No login needed.',
  rule: (input) => checkPremedication(input),
});
