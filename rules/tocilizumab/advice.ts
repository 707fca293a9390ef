/**
 * Tocilizumab advice inside a management recommendation (CRS T4, ICANS T5), subject to the TOCI
 * limits: with the patient's weight the recommendation carries the dose in mg (TOCI-1); with the
 * assessment time and the episode's dose history it says whether a dose is allowed now and, if
 * not, why (TOCI-2..4, no dose attached) and when the next one is allowed. Missing input is named,
 * never guessed.
 */
import { instantMs } from '../core/index.ts';
import type { Citation, LocalizedText, Note, Recommendation, RulesConfig } from '../core/index.ts';
import { TOCILIZUMAB_CITATION, printed24hLimitNotes, statusText, tocilizumabLimitNotes } from './check.ts';
import { tocilizumabDose } from './dose.ts';
import { messages } from './messages.ts';
import type { TocilizumabContext } from './schemas.ts';
import { RULE_OF_STATUS, tocilizumabTiming } from './timing.ts';
import type { TocilizumabTiming } from './timing.ts';

export type TocilizumabAdvice = {
  readonly recommendation: Recommendation;
  readonly notes: readonly Note[];
  readonly citations: readonly Citation[];
  /** The TOCI timing when the history was given, else null (limits not checked). */
  readonly timing: TocilizumabTiming | null;
};

/** Timing of a dose at the assessment time, when both the time and the history are known. */
export const timingFromContext = (
  context: TocilizumabContext,
  config: RulesConfig,
): TocilizumabTiming | null => {
  const { assessedAt, previousTocilizumabDoses } = context;
  if (assessedAt == null || previousTocilizumabDoses == null) return null;
  return tocilizumabTiming(
    instantMs(assessedAt),
    previousTocilizumabDoses.map((dose) => instantMs(dose)),
    config.tocilizumabMaxDosesPer24h,
  );
};

/**
 * @param ruleId   the management rule advising tocilizumab (e.g. "CRS-T4-3", "ICANS-T5-2")
 * @param citation that rule's citation
 * @param lead     what the rule says, e.g. "Tocilizumab", "Elderly patients … may receive tocilizumab"
 */
export const tocilizumabAdvice = (
  ruleId: string,
  citation: Citation,
  lead: LocalizedText,
  context: TocilizumabContext,
  config: RulesConfig,
): TocilizumabAdvice => {
  const timing = timingFromContext(context, config);
  // TOCI-3's printed limit always; TOCI-4's span once the limits are checked against a history.
  const notes = timing === null ? printed24hLimitNotes(config) : tocilizumabLimitNotes(config);
  const citations = [citation, TOCILIZUMAB_CITATION];

  if (timing !== null && timing.status !== 'ALLOWED') {
    // TOCI-2..4 block the dose now: the blocking rule speaks, and no dose is attached.
    const recommendation: Recommendation = {
      ruleId: RULE_OF_STATUS[timing.status],
      text: messages.notNow(lead, statusText(timing, config)),
      citation: TOCILIZUMAB_CITATION,
    };
    return { recommendation, notes, citations, timing };
  }
  const status = timing === null ? messages.limitsNotChecked : statusText(timing, config);
  const weightKg = context.weightKg;
  if (weightKg == null) {
    return {
      recommendation: { ruleId, text: messages.withoutDose(lead, status), citation },
      notes,
      citations,
      timing,
    };
  }
  const dose = tocilizumabDose(weightKg);
  return {
    recommendation: { ruleId, text: messages.withDose(lead, dose.mg, status), dose, citation },
    notes,
    citations,
    timing,
  };
};
