import { buildEvaluation, daysBetween, joinText, parseInput, text } from '../core/index.ts';
import type { Driver, Note, Recommendation, RuleEvaluation } from '../core/index.ts';
import { infectionMessages } from '../infection/index.ts';
import { infusionMessages } from '../infusion/index.ts';
import type { CarTProduct } from '../reference/index.ts';
import { CARE_PLAN_CITATION } from './definitions.ts';
import type { CarePlanItem } from './item.ts';
import { messages } from './messages.ts';
import { followUpItems, iggCheckItems } from './monitoring.ts';
import { neutrophilRecovery, type NeutrophilRecovery } from './neutrophil-recovery.ts';
import {
  antiviralItem,
  neutropeniaProphylaxisItem,
  pneumocystisItem,
  screeningItem,
  seizureProphylaxisItem,
  type CourseDates,
} from './prophylaxis.ts';
import { CARE_PLAN_PHASES, carePlanInputSchema, type CarePlanInput } from './schemas.ts';

export type CarePlanOutcome = {
  readonly today: string;
  readonly product: CarTProduct;
  readonly infusionDate: string | null;
  readonly lymphodepletionStartDate: string | null;
  /** Days from the infusion day to today (0 on the infusion day, negative before it); null without it. */
  readonly dayAfterInfusion: number | null;
  /** RECOVERED when a recovery date is given or read from the counts (PLAN-2); UNKNOWN when neither tells. */
  readonly neutrophilRecovery: 'RECOVERED' | 'NOT_RECOVERED' | 'UNKNOWN';
  readonly neutrophilRecoveredAt: string | null;
  /** By phase (course order), then by date. */
  readonly items: readonly CarePlanItem[];
  /** Every input some item needs, once each. */
  readonly needs: readonly string[];
};

/** The product with dual BCMA/CD19 targeting (T2), whose low IgG may last more than a year (§7.4). */
const DUAL_TARGET: CarTProduct = 'ANTI_BCMA_CD19';

const datedOf = (item: CarePlanItem): string =>
  item.dueDate ?? item.dueBefore ?? item.startDate ?? '9999-12-31';

const inCourseOrder = (items: readonly CarePlanItem[]): CarePlanItem[] =>
  [...items].sort(
    (a, b) =>
      CARE_PLAN_PHASES.indexOf(a.phase) - CARE_PLAN_PHASES.indexOf(b.phase) ||
      (a.phase === 'FOLLOW_UP' ? datedOf(a).localeCompare(datedOf(b)) : 0),
  );

const recoveryDriver = (recovery: NeutrophilRecovery): Driver => ({
  code: `neutrophils-${recovery.status.toLowerCase().replace('_', '-')}`,
  ruleId: 'PLAN-2',
  text:
    recovery.status === 'RECOVERED'
      ? messages.recovered(recovery.since, recovery.latest.ancE9PerL, recovery.latest.date)
      : recovery.status === 'NOT_RECOVERED'
        ? messages.notRecovered(recovery.latest.ancE9PerL, recovery.latest.date)
        : messages.noCountSinceInfusion,
});

/** What to do now: every item that is due or under way, with its timing (and dose, where one applies). */
const recommendationOf = (item: CarePlanItem): Recommendation => ({
  ruleId: item.ruleId,
  text: joinText([item.text, item.timing], text(':', ': ')),
  ...(item.dose ? { dose: item.dose } : {}),
  citation: item.citation,
});

/**
 * PLAN-1: the care plan of one CAR-T course on `today`: infection screening (INFX-1), antiviral
 * (INFX-2), seizure (INF-1), antibacterial/antifungal and Pneumocystis (INFX-3) prophylaxis, the
 * monthly IgG checks of the first 3 months (IG-1) and the follow-up visits (FU-1), each with its rule
 * id, citation, bilingual text, dates and status today. Neutrophil recovery is a given date or read
 * from counts (PLAN-2). Missing input never becomes a date: the item says what it needs.
 */
export const carePlan = (input: CarePlanInput): RuleEvaluation<CarePlanOutcome> => {
  const plan = parseInput(carePlanInputSchema, input);
  const infusionDate = plan.infusionDate ?? null;
  const counts = plan.neutrophilCounts ?? null;
  const recovery = counts === null ? null : neutrophilRecovery(counts, infusionDate);
  const neutrophilRecoveredAt =
    plan.neutrophilRecoveredAt ?? (recovery?.status === 'RECOVERED' ? recovery.since : null);
  const dates: CourseDates = {
    today: plan.today,
    infusionDate,
    lymphodepletionStartDate: plan.lymphodepletionStartDate ?? null,
    neutrophilRecoveredAt,
    recoveryField: counts === null ? 'neutrophilRecoveredAt' : 'neutrophilCounts',
  };
  const followUp = followUpItems(infusionDate, plan.followUpThroughMonth, plan.today);
  const seizure = seizureProphylaxisItem(plan.priorCnsDisease ?? null, dates);
  const items = inCourseOrder([
    screeningItem(dates),
    antiviralItem(dates),
    ...(seizure ? [seizure] : []),
    neutropeniaProphylaxisItem(dates),
    pneumocystisItem(dates),
    ...iggCheckItems(infusionDate, plan.today),
    ...followUp.items,
  ]);
  const dayAfterInfusion = infusionDate === null ? null : daysBetween(infusionDate, plan.today);

  const drivers: Driver[] = [
    dayAfterInfusion === null || infusionDate === null
      ? { code: 'needs-infusion-date', ruleId: 'PLAN-1', text: messages.noInfusionDate }
      : {
          code: 'day-after-infusion',
          ruleId: 'PLAN-1',
          text: messages.dayOfCourse(dayAfterInfusion, infusionDate),
        },
    ...(recovery && infusionDate !== null ? [recoveryDriver(recovery)] : []),
    ...(plan.priorCnsDisease === false
      ? [{ code: 'no-cns-disease', ruleId: 'INF-1', text: infusionMessages.noPriorCnsDisease }]
      : []),
  ];
  const notes: Note[] = [
    { ruleId: 'INFX-3', text: infectionMessages.noDoses },
    ...(counts === null ? [] : [{ ruleId: 'PLAN-2', text: messages.recoveryReading }]),
    ...(plan.product === DUAL_TARGET ? [{ ruleId: 'IG-1', text: messages.dualTargetIgG }] : []),
    ...followUp.notes,
  ];
  return buildEvaluation<CarePlanOutcome>(
    {
      today: plan.today,
      product: plan.product,
      infusionDate,
      lymphodepletionStartDate: dates.lymphodepletionStartDate,
      dayAfterInfusion,
      neutrophilRecovery:
        neutrophilRecoveredAt !== null
          ? 'RECOVERED'
          : recovery?.status === 'NOT_RECOVERED'
            ? 'NOT_RECOVERED'
            : 'UNKNOWN',
      neutrophilRecoveredAt,
      items,
      needs: [...new Set(items.flatMap((item) => item.needs))],
    },
    {
      drivers,
      recommendations: items
        .filter((item) => item.status === 'DUE' || item.status === 'ACTIVE')
        .map(recommendationOf),
      notes,
      citations: [CARE_PLAN_CITATION, ...items.map((item) => item.citation)],
    },
  );
};
