import type { CrsOutcome, IcansOutcome, Language, RuleEvaluation } from '#rules';
import { keyForField, CRS_FIELDS, ICANS_FIELDS } from '../parser/fields.ts';
import { context, esc, fallback, header, list, tr, type KnownBlock, type SlackMessage } from './blocks.ts';
import { evaluationBlocks } from './evaluation.ts';
import { GRADE_LABEL, LABELS } from './labels.ts';

const needs = (
  keys: readonly string[],
  fields: Parameters<typeof keyForField>[0],
  language: Language,
): string =>
  `${tr(LABELS.needs, language)} ${keys.map((need) => `\`${esc(keyForField(fields, need) ?? need)}\``).join(', ')}`;

/**
 * `/cart crs …`: a quick CRS grading with no episode (nothing recorded): the grade and what drove
 * it, the management steps (doses in mg when the weight is given), notes and citations.
 */
export const quickCrsView = (evaluation: RuleEvaluation<CrsOutcome>, language: Language): SlackMessage => {
  const { outcome } = evaluation;
  const title =
    outcome.status === 'GRADED'
      ? tr(GRADE_LABEL.crs(outcome.grade), language)
      : `CRS — ${needs(outcome.needs, CRS_FIELDS, language)}`;
  const blocks: KnownBlock[] = [
    header(title.replace(/`/g, '')),
    context(`:abacus: ${tr(LABELS.notRecorded, language)}`),
    ...evaluationBlocks(evaluation, language),
  ];
  return {
    text: fallback(`${esc(title)} — ${evaluation.drivers.map((d) => esc(tr(d.text, language))).join('; ')}`),
    blocks,
  };
};

/** `/cart icans …`: a quick ICANS grading with no episode (nothing recorded). */
export const quickIcansView = (
  evaluation: RuleEvaluation<IcansOutcome>,
  language: Language,
): SlackMessage => {
  const { outcome } = evaluation;
  const ice = outcome.iceScore === null ? '' : ` · ICE ${outcome.iceScore}/10`;
  const title =
    outcome.status === 'GRADED'
      ? `${tr(GRADE_LABEL.icans(outcome.grade), language)}${ice}`
      : `ICANS ≥ ${outcome.atLeastGrade} — ${needs(outcome.needs, ICANS_FIELDS, language)}`;
  const blocks: KnownBlock[] = [
    header(title.replace(/`/g, '')),
    context(`:abacus: ${tr(LABELS.notRecorded, language)}`),
    ...list(
      ':warning:',
      outcome.warnings.map((warning) => `${esc(tr(warning.text, language))} _(${warning.ruleId})_`),
    ),
    ...evaluationBlocks(evaluation, language),
  ];
  return {
    text: fallback(`${esc(title)} — ${evaluation.drivers.map((d) => esc(tr(d.text, language))).join('; ')}`),
    blocks,
  };
};
