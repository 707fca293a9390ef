import { carePlan, type CarePlanOutcome, type NeutrophilCount, type RuleEvaluation } from '#rules';
import type { EpisodeState } from './state.ts';

/** PLAN-2 reads at most this many counts: the latest ones (recovery depends on the latest run only). */
const MAX_COUNTS = 1000;

/** The hospital calendar: today, and the calendar date of an instant (the service's `today(at)`). */
export type HospitalCalendar = {
  readonly today: string;
  readonly dateOf: (instant: string) => string;
};

/**
 * The neutrophil counts of an episode's labs that count (corrections applied), in clinical time
 * order, each on its hospital calendar day; counts dated after today are not read yet.
 */
export const neutrophilCountsOf = (state: EpisodeState, calendar: HospitalCalendar): NeutrophilCount[] =>
  state.labs
    .flatMap((lab) =>
      lab.values.ancE9PerL == null
        ? []
        : [{ date: calendar.dateOf(lab.values.collectedAt), ancE9PerL: lab.values.ancE9PerL }],
    )
    .filter((count) => count.date <= calendar.today)
    .slice(-MAX_COUNTS);

/**
 * An episode's care plan (PLAN-1) on the hospital's today: the head's infusion and lymphodepletion
 * start dates and product, neutrophil recovery read from the lab ANC counts (PLAN-2). The episode
 * does not record prior CNS disease, so the INF-1 item says it needs it. Invalid dates on the head
 * (lymphodepletion starting on or after the infusion) throw RulesInputError naming the field.
 */
export const episodeCarePlan = (
  state: EpisodeState,
  calendar: HospitalCalendar,
): RuleEvaluation<CarePlanOutcome> =>
  carePlan({
    product: state.head.product,
    infusionDate: state.head.infusionDate,
    lymphodepletionStartDate: state.head.lymphodepletionStartDate,
    priorCnsDisease: null,
    neutrophilCounts: neutrophilCountsOf(state, calendar),
    today: calendar.today,
  });
