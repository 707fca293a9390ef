import { addMonths, cite } from '../core/index.ts';
import { PJP_PROPHYLAXIS_MONTHS, infectionMessages } from '../infection/index.ts';
import { cnsProphylaxis, infusionMessages } from '../infusion/index.ts';
import { courseStatus, planItem, type CarePlanItem } from './item.ts';
import { messages } from './messages.ts';

/** The dates the prophylaxis items are read from; null where not known. */
export type CourseDates = {
  readonly today: string;
  readonly infusionDate: string | null;
  readonly lymphodepletionStartDate: string | null;
  readonly neutrophilRecoveredAt: string | null;
  /** The input that would give the recovery date (`neutrophilRecoveredAt` or `neutrophilCounts`). */
  readonly recoveryField: string;
};

const INFECTION = cite('§7.3');

/** Lymphodepletion comes before the infusion: from the infusion day on it has begun, whatever its date. */
const lymphodepletionBegun = ({ infusionDate, today }: CourseDates): boolean =>
  infusionDate !== null && today >= infusionDate;

/** INFX-1 (§7.3): full screening and control of active infection before lymphodepletion starts. */
export const screeningItem = (dates: CourseDates): CarePlanItem => {
  const start = dates.lymphodepletionStartDate;
  const base = {
    key: 'INFX-1',
    ruleId: 'INFX-1',
    kind: 'SCREENING',
    phase: 'BEFORE_LYMPHODEPLETION',
    text: infectionMessages.screening,
    citation: INFECTION,
  } as const;
  if (start !== null)
    return planItem({
      ...base,
      dueBefore: start,
      timing: messages.screeningBefore(start),
      status: dates.today < start ? 'DUE' : 'DONE',
    });
  return planItem({
    ...base,
    timing: messages.screeningDateNeeded,
    status: lymphodepletionBegun(dates) ? 'DONE' : 'UNKNOWN',
    needs: ['lymphodepletionStartDate'],
  });
};

/** INFX-2 (§7.3): acyclovir or valacyclovir from the start of lymphodepletion, stopped per immune recovery (no date). */
export const antiviralItem = (dates: CourseDates): CarePlanItem => {
  const start = dates.lymphodepletionStartDate;
  const base = {
    key: 'INFX-2',
    ruleId: 'INFX-2',
    kind: 'PROPHYLAXIS',
    phase: 'FROM_LYMPHODEPLETION_START',
    text: messages.antiviral,
    citation: INFECTION,
  } as const;
  if (start !== null)
    return planItem({
      ...base,
      startDate: start,
      timing: messages.antiviralFrom(start),
      status: courseStatus(start, null, dates.today),
    });
  return planItem({
    ...base,
    timing: messages.antiviralStartNeeded,
    status: lymphodepletionBegun(dates) ? 'ACTIVE' : 'UNKNOWN',
    needs: ['lymphodepletionStartDate'],
  });
};

/**
 * INFX-3 (§7.3): norfloxacin, a triazole antifungal and TMP-SMX from infusion until neutrophil
 * recovery: the stop date is the recovery date when known; while the course runs without it, the
 * item needs it.
 */
export const neutropeniaProphylaxisItem = (dates: CourseDates): CarePlanItem => {
  const base = {
    key: 'INFX-3-NEUTROPENIA',
    ruleId: 'INFX-3',
    kind: 'PROPHYLAXIS',
    phase: 'FROM_INFUSION',
    text: messages.neutropeniaProphylaxis,
    citation: INFECTION,
  } as const;
  const { infusionDate, neutrophilRecoveredAt: stop, today } = dates;
  if (infusionDate === null)
    return planItem({
      ...base,
      timing: messages.fromInfusionDateNeeded,
      status: 'UNKNOWN',
      needs: ['infusionDate'],
    });
  const status = courseStatus(infusionDate, stop, today);
  return planItem({
    ...base,
    startDate: infusionDate,
    stopDate: stop,
    timing:
      stop === null
        ? messages.untilRecoveryUnknown(infusionDate)
        : messages.untilRecovery(infusionDate, stop),
    status,
    needs: status === 'ACTIVE' && stop === null ? [dates.recoveryField] : [],
  });
};

/**
 * INFX-3 (§7.3): Pneumocystis prophylaxis for at least 3 months from infusion: the earliest stop is
 * infusion + 3 calendar months (clamped to the month's end). The minimum is complete from that day
 * once neutrophils have recovered (TMP-SMX also runs until recovery); the consensus sets no end date.
 */
export const pneumocystisItem = (dates: CourseDates): CarePlanItem => {
  const base = {
    key: 'INFX-3-PNEUMOCYSTIS',
    ruleId: 'INFX-3',
    kind: 'PROPHYLAXIS',
    phase: 'FROM_INFUSION',
    text: messages.pneumocystis,
    citation: INFECTION,
  } as const;
  const { infusionDate, neutrophilRecoveredAt, today } = dates;
  if (infusionDate === null)
    return planItem({
      ...base,
      timing: messages.fromInfusionDateNeeded,
      status: 'UNKNOWN',
      needs: ['infusionDate'],
    });
  const earliestStopDate = addMonths(infusionDate, PJP_PROPHYLAXIS_MONTHS);
  const course = messages.pneumocystisCourse(infusionDate, earliestStopDate);
  const dated = { ...base, startDate: infusionDate, earliestStopDate };
  if (today < earliestStopDate)
    return planItem({ ...dated, timing: course, status: courseStatus(infusionDate, null, today) });
  if (neutrophilRecoveredAt !== null) return planItem({ ...dated, timing: course, status: 'DONE' });
  return planItem({
    ...dated,
    timing: {
      zh: `${course.zh};${messages.pneumocystisUntilRecovery.zh}`,
      en: `${course.en}; ${messages.pneumocystisUntilRecovery.en}`,
    },
    status: 'ACTIVE',
    needs: [dates.recoveryField],
  });
};

/**
 * INF-1 (§5.1): with prior CNS disease, infuse once it is controlled; levetiracetam 750 mg PO every
 * 12 h may be given (the dose from the INF-1 rule; the consensus gives no start or stop date). DUE up
 * to the infusion day, ACTIVE after it. No item without prior CNS disease; an unknown history is an
 * item that needs it.
 */
export const seizureProphylaxisItem = (
  priorCnsDisease: boolean | null,
  dates: CourseDates,
): CarePlanItem | null => {
  if (priorCnsDisease === false) return null;
  const base = {
    key: 'INF-1',
    ruleId: 'INF-1',
    kind: 'PROPHYLAXIS',
    phase: 'INFUSION',
    citation: cite('§5.1'),
  } as const;
  if (priorCnsDisease === null)
    return planItem({
      ...base,
      text: messages.seizureProphylaxisIfCns,
      timing: messages.cnsHistoryBeforeInfusion,
      status: 'UNKNOWN',
      needs: ['priorCnsDisease'],
    });
  const dose = cnsProphylaxis({ priorCnsDisease }).recommendations.find((r) => r.dose)?.dose ?? null;
  const { infusionDate, today } = dates;
  return planItem({
    ...base,
    text: infusionMessages.levetiracetam,
    timing: messages.levetiracetamTiming,
    dose,
    status: infusionDate === null ? 'UNKNOWN' : today <= infusionDate ? 'DUE' : 'ACTIVE',
    needs: infusionDate === null ? ['infusionDate'] : [],
  });
};
