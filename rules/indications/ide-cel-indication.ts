import { buildEvaluation, cite, parseInput } from '../core/index.ts';
import type { Driver, LocalizedText, Recommendation, RuleEvaluation } from '../core/index.ts';
import { messages } from './messages.ts';
import type { IndicationCriterion } from './messages.ts';
import { ideCelIndicationInputSchema } from './schemas.ts';
import type { IdeCelIndicationInput } from './schemas.ts';

/** IND-1 (§2.1): adults (≥ 18 years) after ≥ 4 prior lines. */
export const ADULT_AGE_YEARS = 18;
export const IDE_CEL_MIN_PRIOR_LINES = 4;

/**
 * ON_LABEL: meets the US ide-cel (ABECMA) indication. CLINICAL_TRIAL: at least one criterion not
 * met, so a clinical trial (§2.2). UNKNOWN: no criterion failed but some are missing (`needs`).
 */
export type IdeCelIndicationOutcome =
  | {
      readonly status: 'ON_LABEL' | 'CLINICAL_TRIAL';
      readonly unmet: readonly IndicationCriterion[];
      readonly needs: readonly [];
    }
  | { readonly status: 'UNKNOWN'; readonly unmet: readonly []; readonly needs: readonly string[] };

/**
 * IND-1: checks the commercial ide-cel label (adult RRMM, ≥ 4 prior lines including an
 * immunomodulatory drug, a proteasome inhibitor and an anti-CD38 antibody); otherwise a clinical
 * trial, which also enrols high-risk cytogenetics, extramedullary disease and plasma-cell leukaemia.
 */
export const checkIdeCelIndication = (
  input: IdeCelIndicationInput,
): RuleEvaluation<IdeCelIndicationOutcome> => {
  const parsed = parseInput(ideCelIndicationInputSchema, input);
  const label = cite('§2.1');
  const trial = cite('§2.2');
  const criteria: { criterion: IndicationCriterion; field: string; met: boolean | undefined }[] = [
    {
      criterion: 'adult',
      field: 'ageYears',
      met: parsed.ageYears === undefined ? undefined : parsed.ageYears >= ADULT_AGE_YEARS,
    },
    {
      criterion: 'priorLines',
      field: 'priorLines',
      met: parsed.priorLines === undefined ? undefined : parsed.priorLines >= IDE_CEL_MIN_PRIOR_LINES,
    },
    {
      criterion: 'immunomodulatory',
      field: 'priorImmunomodulatoryDrug',
      met: parsed.priorImmunomodulatoryDrug,
    },
    {
      criterion: 'proteasomeInhibitor',
      field: 'priorProteasomeInhibitor',
      met: parsed.priorProteasomeInhibitor,
    },
    { criterion: 'antiCd38', field: 'priorAntiCd38Antibody', met: parsed.priorAntiCd38Antibody },
  ];
  const unmet = criteria.filter((c) => c.met === false).map((c) => c.criterion);
  const needs = criteria.filter((c) => c.met === undefined).map((c) => c.field);
  const highRisk =
    parsed.highRiskCytogenetics === true ||
    parsed.extramedullaryDisease === true ||
    parsed.plasmaCellLeukaemia === true;
  const trialAdvice: Recommendation[] = [
    { ruleId: 'IND-1', text: messages.clinicalTrial, citation: trial },
    ...(highRisk ? [{ ruleId: 'IND-1', text: messages.trialPopulations, citation: trial }] : []),
  ];
  const notes = [{ ruleId: 'IND-1', text: messages.usLabelNote }];

  if (unmet.length > 0) {
    const drivers: Driver[] = unmet.map((criterion) => ({
      code: criterion,
      ruleId: 'IND-1',
      text: messages.criterionNotMet(criterion),
    }));
    return buildEvaluation<IdeCelIndicationOutcome>(
      { status: 'CLINICAL_TRIAL', unmet, needs: [] },
      { drivers, recommendations: trialAdvice, notes, citations: [label] },
    );
  }
  if (needs.length > 0) {
    const text: LocalizedText = messages.labelNeeds;
    return buildEvaluation<IdeCelIndicationOutcome>(
      { status: 'UNKNOWN', unmet: [], needs },
      { drivers: [{ code: 'needs', ruleId: 'IND-1', text }], notes, citations: [label] },
    );
  }
  return buildEvaluation<IdeCelIndicationOutcome>(
    { status: 'ON_LABEL', unmet: [], needs: [] },
    {
      recommendations: [
        { ruleId: 'IND-1', text: messages.onLabel, citation: label },
        ...(highRisk ? [{ ruleId: 'IND-1', text: messages.trialPopulations, citation: trial }] : []),
      ],
      notes,
    },
  );
};
