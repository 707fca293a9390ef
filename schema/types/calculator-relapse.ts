import {
  ANTIGEN_STATUSES,
  CAR_ORIGINS,
  relapseInputSchema,
  relapseOptions,
  type RelapseOutcome,
} from '#rules';
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

const AntigenStatusEnum = builder.enumType('AntigenStatus', {
  description: 'Target antigen at relapse: positive, reduced expression, negative, or not known.',
  values: ANTIGEN_STATUSES,
});

export const CarOriginEnum = builder.enumType('CarOrigin', {
  description: "Where the CAR's antigen-binding domain comes from (IND-2).",
  values: CAR_ORIGINS,
});

/** GraphQL names cannot start with a digit: FOUR_1BB is 4-1BB. */
const CostimulatoryDomainEnum = builder.enumType('CostimulatoryDomain', {
  description: 'Co-stimulatory domain of a CAR.',
  values: {
    CD28: { value: 'CD28', description: 'CD28' },
    FOUR_1BB: { value: '4-1BB', description: '4-1BB (CD137)' },
  } as const,
});

/** Relapse or progression after CAR-T (REL-1, §9). */
export const RelapseInput = builder
  .inputType('RelapseInput', {
    description: 'Relapse or progression after CAR-T (§9). Omit what is not known.',
    fields: (t) => ({
      antigenStatus: t.field({ type: AntigenStatusEnum, description: 'Decides REL-1.1 … REL-1.3.' }),
      priorCarOrigin: t.field({ type: CarOriginEnum, description: 'Origin of the prior CAR.' }),
      priorCostimulatoryDomain: t.field({
        type: CostimulatoryDomainEnum,
        description: 'Of the prior CAR (REL-1.4).',
      }),
      poorPersistenceOrExpansion: t.boolean({
        description: 'Short persistence or poor expansion of the prior CAR-T cells (REL-1.5).',
      }),
    }),
  })
  .validate(withoutNulls(relapseInputSchema));

export const RelapseOptionsType = builder.objectRef<Evaluated<RelapseOutcome>>('RelapseOptions').implement({
  description:
    'Salvage and second CAR-T options after relapse (REL-1 and REL-1.1 … REL-1.5); the options are the recommendations.',
  fields: (t) => ({
    options: t.stringList({
      description: 'The rule ids of the options that apply, in consensus order.',
      resolve: (p) => p.evaluation.outcome.options,
    }),
    needs: t.stringList({
      description:
        'Non-empty when the antigen status, which decides REL-1.1 … REL-1.3, is missing or unknown.',
      resolve: (p) => p.evaluation.outcome.needs,
    }),
    ...evaluationFields(t),
  }),
});

builder.queryField('relapseOptions', (t) =>
  t.field({
    type: RelapseOptionsType,
    description: 'Options after relapse or progression following CAR-T (§9). No login needed.',
    args: {
      input: t.arg({ type: RelapseInput, required: true, description: 'Omit fields that are not known.' }),
      language: languageArg(t),
    },
    resolve: (_root, args, context) =>
      evaluated(
        applyRule('input', () => relapseOptions(args.input)),
        requestLanguage(args, context),
      ),
  }),
);
