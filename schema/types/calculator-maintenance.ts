import { maintenanceInformation, maintenanceInputSchema, type MaintenanceOutcome } from '#rules';
import { builder } from '../builder.ts';
import { applyRule } from '../calculator-errors.ts';
import {
  evaluated,
  evaluationFields,
  languageArg,
  requestLanguage,
  withoutNulls,
  type Evaluated,
} from './calculator-evaluation.ts';
import { ResponseCategoryEnum } from './calculator-response.ts';

/** Maintenance after CAR-T (MAINT-1, §8). */
export const MaintenanceInput = builder
  .inputType('MaintenanceInput', {
    description: 'The response reached after CAR-T, when known (MAINT-1).',
    fields: (t) => ({ responseCategory: t.field({ type: ResponseCategoryEnum }) }),
  })
  .validate(withoutNulls(maintenanceInputSchema));

export const MaintenanceAdviceType = builder
  .objectRef<Evaluated<MaintenanceOutcome>>('MaintenanceAdvice')
  .implement({
    description:
      'Maintenance after CAR-T (MAINT-1), information only: no evidence-based maintenance yet; options under study and outcomes in the notes.',
    fields: (t) => ({
      evidenceBasedMaintenance: t.boolean({
        description: 'Always false: the consensus knows no evidence-based maintenance after CAR-T (§8).',
        resolve: (p) => p.evaluation.outcome.evidenceBasedMaintenance,
      }),
      ...evaluationFields(t),
    }),
  });

builder.queryField('maintenanceAdvice', (t) =>
  t.field({
    type: MaintenanceAdviceType,
    description:
      'Maintenance after CAR-T (MAINT-1, §8): no evidence-based maintenance yet; options under study, median PFS and remission at 1 year. No login needed.',
    args: {
      input: t.arg({
        type: MaintenanceInput,
        required: true,
        description: 'Omit the response when not known.',
      }),
      language: languageArg(t),
    },
    resolve: (_root, args, context) =>
      evaluated(
        applyRule('input', () => maintenanceInformation(args.input)),
        requestLanguage(args, context),
      ),
  }),
);
