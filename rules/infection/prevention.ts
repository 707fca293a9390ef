import { addMonths, buildEvaluation, cite, parseInput } from '../core/index.ts';
import type { Note, Recommendation, RuleEvaluation } from '../core/index.ts';
import { isSevereNeutropenia } from '../supportive-care/index.ts';
import { messages } from './messages.ts';
import { infectionPreventionInputSchema } from './schemas.ts';
import type { InfectionPhase, InfectionPreventionInput } from './schemas.ts';

/** INFX-3 (§7.3): Pneumocystis prophylaxis for at least 3 months. */
export const PJP_PROPHYLAXIS_MONTHS = 3;

export type InfectionPreventionOutcome = {
  readonly phase: InfectionPhase;
  /** ADVICE: complete; INCOMPLETE: part of the advice depends on missing input (`needs`). */
  readonly status: 'ADVICE' | 'INCOMPLETE';
  readonly needs: readonly string[];
  /** After infusion with the infusion date: Pneumocystis prophylaxis at least until this date. */
  readonly pjpProphylaxisUntil: string | null;
  /** INFX-4 applies (ANC < 1.0 × 10⁹/L); null without an ANC. */
  readonly severeNeutropenia: boolean | null;
};

/**
 * INFX-1 … INFX-5 (§7.3), by phase. Before lymphodepletion: full screening and control of active
 * infection (INFX-1). From lymphodepletion start: acyclovir or valacyclovir (INFX-2). After
 * infusion: the antiviral continues, and until neutrophil recovery norfloxacin, a triazole
 * antifungal and TMP-SMX, with Pneumocystis prophylaxis for at least 3 months (INFX-3). Grade 3–4
 * neutropenia at any time: protective isolation and G-CSF (INFX-4). Infection: treat per the 2016
 * Chinese febrile-neutropenia guideline (INFX-5). The consensus gives no doses, and none is invented.
 */
export const infectionPrevention = (
  input: InfectionPreventionInput,
): RuleEvaluation<InfectionPreventionOutcome> => {
  const { phase, infusionDate, neutrophilsRecovered, ancE9PerL, suspectedInfection } = parseInput(
    infectionPreventionInputSchema,
    input,
  );
  const citation = cite('§7.3');
  const advise = (ruleId: string, text: Recommendation['text']): Recommendation => ({
    ruleId,
    text,
    citation,
  });
  const recommendations: Recommendation[] = [];
  const needs: string[] = [];
  let pjpProphylaxisUntil: string | null = null;

  if (phase === 'BEFORE_LYMPHODEPLETION') recommendations.push(advise('INFX-1', messages.screening));
  if (phase === 'FROM_LYMPHODEPLETION_START' || phase === 'AFTER_INFUSION')
    recommendations.push(advise('INFX-2', messages.antiviral));
  if (phase === 'AFTER_INFUSION') {
    if (neutrophilsRecovered === undefined) needs.push('neutrophilsRecovered');
    recommendations.push(
      advise(
        'INFX-3',
        neutrophilsRecovered === true
          ? messages.neutrophilsRecovered
          : neutrophilsRecovered === false
            ? messages.neutropeniaProphylaxis
            : messages.recoveryNeeded,
      ),
    );
    pjpProphylaxisUntil = infusionDate === undefined ? null : addMonths(infusionDate, PJP_PROPHYLAXIS_MONTHS);
    recommendations.push(
      advise('INFX-3', pjpProphylaxisUntil === null ? messages.pjp : messages.pjpUntil(pjpProphylaxisUntil)),
    );
  }
  const severeNeutropenia = ancE9PerL === undefined ? null : isSevereNeutropenia(ancE9PerL);
  if (severeNeutropenia === true && ancE9PerL !== undefined)
    recommendations.push(advise('INFX-4', messages.severeNeutropenia(ancE9PerL)));
  if (suspectedInfection === true) recommendations.push(advise('INFX-5', messages.treatInfection));

  const notes: Note[] = [
    ...(phase === 'BEFORE_LYMPHODEPLETION' ? [] : [{ ruleId: 'INFX-3', text: messages.noDoses }]),
    ...(suspectedInfection === true ? [{ ruleId: 'INFX-5', text: messages.infectionEpidemiology }] : []),
  ];
  return buildEvaluation<InfectionPreventionOutcome>(
    {
      phase,
      status: needs.length > 0 ? 'INCOMPLETE' : 'ADVICE',
      needs,
      pjpProphylaxisUntil,
      severeNeutropenia,
    },
    {
      drivers: [
        {
          code: phase,
          ruleId: phase === 'BEFORE_LYMPHODEPLETION' ? 'INFX-1' : 'INFX-2',
          text: messages.phase(phase),
        },
        ...(severeNeutropenia === true
          ? [
              {
                code: 'severe-neutropenia',
                ruleId: 'INFX-4',
                text: messages.severeNeutropenia(ancE9PerL ?? 0),
              },
            ]
          : []),
      ],
      recommendations,
      notes,
      citations: [citation],
    },
  );
};
