import { buildEvaluation, cite, parseInput } from '../core/index.ts';
import type { Driver, RuleEvaluation } from '../core/index.ts';
import { addHoursInOffset, epochMs, localDateOf } from './instant-offset.ts';
import { messages } from './messages.ts';
import { washoutInputSchema } from './schemas.ts';
import type { LastDose, WashoutInput, WashoutTreatment } from './schemas.ts';

const HOURS_PER_WEEK = 7 * 24;

/**
 * APH-5 (§3, refs 27–28): minimum interval from the last dose to lymphocyte collection, in hours:
 * 8 weeks (56 days) for anti-T-cell antibodies, donor lymphocyte infusion and CNS radiotherapy;
 * 2 weeks for combination chemotherapy, lenalidomide and bortezomib; 1 week for vincristine;
 * 72 hours for therapeutic-dose corticosteroids.
 */
export const WASHOUT_HOURS: Readonly<Record<WashoutTreatment, number>> = {
  ANTI_T_CELL_ANTIBODY: 8 * HOURS_PER_WEEK,
  DONOR_LYMPHOCYTE_INFUSION: 8 * HOURS_PER_WEEK,
  CNS_RADIOTHERAPY: 8 * HOURS_PER_WEEK,
  COMBINATION_CHEMOTHERAPY: 2 * HOURS_PER_WEEK,
  LENALIDOMIDE: 2 * HOURS_PER_WEEK,
  BORTEZOMIB: 2 * HOURS_PER_WEEK,
  VINCRISTINE: 1 * HOURS_PER_WEEK,
  THERAPEUTIC_DOSE_CORTICOSTEROIDS: 72,
};

export type TreatmentWashout = {
  readonly treatment: WashoutTreatment;
  /** The latest recorded dose of this treatment. */
  readonly lastDoseAt: string;
  readonly minimumIntervalHours: number;
  /** Earliest allowed collection, in the offset of the recorded dose. */
  readonly earliestAt: string;
  /** Its calendar date in that offset. */
  readonly earliestDate: string;
  /** Whether the planned collection respects this washout; null without a planned collection. */
  readonly plannedCollectionMeets: boolean | null;
};

export type WashoutOutcome = {
  /** MET: the planned collection respects every washout; NOT_MET: it does not; SCHEDULE: no collection planned, only the earliest times. */
  readonly status: 'MET' | 'NOT_MET' | 'SCHEDULE';
  /** One entry per treatment recorded, in the order of WASHOUT_HOURS (longest washout first). */
  readonly treatments: readonly TreatmentWashout[];
  /** The overall earliest collection (the latest of the per-treatment times); null when nothing was recorded. */
  readonly earliestCollectionAt: string | null;
  readonly earliestCollectionDate: string | null;
};

/** The latest dose of each treatment recorded, in the order of the treatment list. */
const latestDoses = (doses: readonly LastDose[]): LastDose[] => {
  const latest = new Map<WashoutTreatment, LastDose>();
  for (const dose of doses) {
    const current = latest.get(dose.treatment);
    if (!current || epochMs(dose.at) > epochMs(current.at)) latest.set(dose.treatment, dose);
  }
  return (Object.keys(WASHOUT_HOURS) as WashoutTreatment[]).flatMap((treatment) => {
    const dose = latest.get(treatment);
    return dose ? [dose] : [];
  });
};

/**
 * APH-5: for each recorded last dose the earliest allowed collection time (last dose + interval,
 * allowed from that instant on), and the overall earliest collection. With a planned collection,
 * says whether it respects every washout.
 */
export const checkWashout = (input: WashoutInput): RuleEvaluation<WashoutOutcome> => {
  const { lastDoses, plannedCollectionAt } = parseInput(washoutInputSchema, input);
  const planned = plannedCollectionAt === undefined ? null : epochMs(plannedCollectionAt);
  const treatments: TreatmentWashout[] = latestDoses(lastDoses).map((dose) => {
    const minimumIntervalHours = WASHOUT_HOURS[dose.treatment];
    const earliestAt = addHoursInOffset(dose.at, minimumIntervalHours);
    return {
      treatment: dose.treatment,
      lastDoseAt: dose.at,
      minimumIntervalHours,
      earliestAt,
      earliestDate: localDateOf(earliestAt),
      plannedCollectionMeets: planned === null ? null : planned >= epochMs(earliestAt),
    };
  });
  const latest = treatments.reduce<TreatmentWashout | null>(
    (acc, t) => (acc === null || epochMs(t.earliestAt) > epochMs(acc.earliestAt) ? t : acc),
    null,
  );
  const status: WashoutOutcome['status'] =
    planned === null
      ? 'SCHEDULE'
      : treatments.every((t) => t.plannedCollectionMeets === true)
        ? 'MET'
        : 'NOT_MET';
  const drivers: Driver[] = treatments.map((t) => ({
    code: t.treatment,
    ruleId: 'APH-5',
    text: messages.washoutEarliest(t.treatment, t.lastDoseAt, t.earliestAt),
  }));
  const citation = cite('§3');
  const recommendations = [
    latest
      ? { ruleId: 'APH-5', text: messages.earliestCollection(latest.earliestAt), citation }
      : { ruleId: 'APH-5', text: messages.noWashoutRecorded, citation },
    ...treatments
      .filter((t) => t.plannedCollectionMeets === false)
      .map((t) => ({ ruleId: 'APH-5', text: messages.washoutNotMet(t.treatment, t.earliestAt), citation })),
  ];
  return buildEvaluation<WashoutOutcome>(
    {
      status,
      treatments,
      earliestCollectionAt: latest?.earliestAt ?? null,
      earliestCollectionDate: latest?.earliestDate ?? null,
    },
    {
      drivers,
      recommendations,
      notes: [{ ruleId: 'APH-5', text: messages.washoutExamples }],
      citations: [citation],
    },
  );
};
