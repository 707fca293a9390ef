import type { Citation, Dose, Driver, Language, Note, Recommendation } from '#rules';
import { citationLine, context, esc, list, tr, type KnownBlock } from './blocks.ts';
import { LABELS } from './labels.ts';

/** What every rule evaluation and stored grading carries. */
export type EvaluationParts = {
  readonly drivers: readonly Driver[];
  readonly recommendations: readonly Recommendation[];
  readonly notes: readonly Note[];
  readonly citations: readonly Citation[];
};

/** `560 mg IV · 8 mg/kg × 70 kg = 560 mg`: the dose for this patient, with its arithmetic. */
export const doseLine = (dose: Dose, language: Language): string =>
  `:pill: *${dose.mg} mg* ${esc(dose.route)} · ${esc(tr(dose.schedule, language))} · ${esc(tr(dose.basis, language))}`;

/** Every rule id an evaluation used (drivers, steps, notes), in order. */
export const ruleIdsOf = (parts: EvaluationParts): string[] => [
  ...new Set([...parts.drivers, ...parts.recommendations, ...parts.notes].map((item) => item.ruleId)),
];

/**
 * The body of a grading reply: what drove it, the management steps (doses in mg for this patient,
 * each with its rule id), the notes (e.g. where the consensus prints another value) and the citations.
 */
export const evaluationBlocks = (parts: EvaluationParts, language: Language): KnownBlock[] => [
  ...list(
    tr(LABELS.drivers, language),
    parts.drivers.map((driver) => `${esc(tr(driver.text, language))} _(${driver.ruleId})_`),
  ),
  ...list(
    tr(LABELS.management, language),
    parts.recommendations.map(
      (step) =>
        `${esc(tr(step.text, language))} _(${step.ruleId})_${step.dose ? `\n      ${doseLine(step.dose, language)}` : ''}`,
    ),
  ),
  ...(parts.notes.length > 0
    ? [context(...parts.notes.map((note) => `${esc(tr(note.text, language))} _(${note.ruleId})_`))]
    : []),
  context(citationLine(parts.citations, ruleIdsOf(parts), language)),
];
