import * as z from 'zod/mini';
import {
  CAR_ORIGINS,
  buildEvaluation,
  checkIdeCelIndication,
  describeCarOrigin,
  ideCelIndicationInputSchema,
  type IdeCelIndicationOutcome,
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
import { CarOriginEnum } from './calculator-relapse.ts';

/** IND-1 and, with the CAR's origin, IND-2 (§2). */
const indicationInputSchema = z.extend(ideCelIndicationInputSchema, {
  carOrigin: z.optional(z.enum(CAR_ORIGINS)),
});

export const IndicationInput = builder
  .inputType('IndicationInput', {
    description:
      'The patient against the commercial ide-cel (ABECMA) indication (IND-1), and the CAR considered (IND-2). Omit what is not known.',
    fields: (t) => ({
      ageYears: t.int({ description: 'Age, years (0–120; adult ≥ 18).' }),
      priorLines: t.int({ description: 'Prior lines of therapy (0–30; ide-cel label: ≥ 4).' }),
      priorImmunomodulatoryDrug: t.boolean({ description: 'Prior immunomodulatory drug.' }),
      priorProteasomeInhibitor: t.boolean({ description: 'Prior proteasome inhibitor.' }),
      priorAntiCd38Antibody: t.boolean({ description: 'Prior anti-CD38 monoclonal antibody.' }),
      highRiskCytogenetics: t.boolean({ description: 'Enrolled by clinical trials (§2.2).' }),
      extramedullaryDisease: t.boolean({ description: 'Enrolled by clinical trials (§2.2).' }),
      plasmaCellLeukaemia: t.boolean({ description: 'Enrolled by clinical trials (§2.2).' }),
      carOrigin: t.field({
        type: CarOriginEnum,
        description: 'Origin of the CAR considered: adds the IND-2 information for product choice.',
      }),
    }),
  })
  .validate(withoutNulls(indicationInputSchema));

const IndicationStatusEnum = builder.enumType('IndicationStatus', {
  description:
    'ON_LABEL: meets the US ide-cel (ABECMA) indication. CLINICAL_TRIAL: a criterion is not met, so a clinical trial (§2.2). UNKNOWN: none failed but some are missing (see needs).',
  values: ['ON_LABEL', 'CLINICAL_TRIAL', 'UNKNOWN'] as const,
});

const IndicationCriterionEnum = builder.enumType('IndicationCriterion', {
  description: 'A criterion of the US ide-cel label (IND-1).',
  values: {
    ADULT: { value: 'adult', description: 'adult (≥ 18 years)' },
    PRIOR_LINES: { value: 'priorLines', description: '≥ 4 prior lines of therapy' },
    IMMUNOMODULATORY: { value: 'immunomodulatory', description: 'prior immunomodulatory drug' },
    PROTEASOME_INHIBITOR: { value: 'proteasomeInhibitor', description: 'prior proteasome inhibitor' },
    ANTI_CD38: { value: 'antiCd38', description: 'prior anti-CD38 monoclonal antibody' },
  } as const,
});

export const IndicationCheckType = builder
  .objectRef<Evaluated<IdeCelIndicationOutcome>>('IndicationCheck')
  .implement({
    description:
      'Commercial ide-cel (ABECMA) indication or a clinical trial (IND-1); with a CAR origin, its IND-2 information.',
    fields: (t) => ({
      status: t.field({ type: IndicationStatusEnum, resolve: (p) => p.evaluation.outcome.status }),
      unmet: t.field({
        type: [IndicationCriterionEnum],
        description: 'The label criteria not met (CLINICAL_TRIAL).',
        resolve: (p) => [...p.evaluation.outcome.unmet],
      }),
      needs: t.stringList({
        description: 'Input fields needed; non-empty exactly when the status is UNKNOWN.',
        resolve: (p) => p.evaluation.outcome.needs,
      }),
      ...evaluationFields(t),
    }),
  });

builder.queryField('indicationCheck', (t) =>
  t.field({
    type: IndicationCheckType,
    description:
      'Checks the commercial ide-cel (ABECMA) indication: adult RRMM after ≥ 4 prior lines including an immunomodulatory drug, a proteasome inhibitor and an anti-CD38 antibody; otherwise a clinical trial (IND-1, §2.1–2.2). With carOrigin, the IND-2 information. No login needed.',
    args: {
      input: t.arg({ type: IndicationInput, required: true }),
      language: languageArg(t),
    },
    resolve: (_root, args, context) => {
      const { carOrigin, ...patient } = args.input;
      const label = applyRule('input', () => checkIdeCelIndication(patient));
      if (carOrigin == null) return evaluated(label, requestLanguage(args, context));
      const origin = describeCarOrigin({ origin: carOrigin });
      return evaluated(
        buildEvaluation(label.outcome, {
          drivers: [...label.drivers, ...origin.drivers],
          recommendations: label.recommendations,
          notes: [...label.notes, ...origin.notes],
          citations: [...label.citations, ...origin.citations],
        }),
        requestLanguage(args, context),
      );
    },
  }),
);
