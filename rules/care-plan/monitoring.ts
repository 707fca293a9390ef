import { addMonths, cite, type Note } from '../core/index.ts';
import { followUpSchedule } from '../follow-up/index.ts';
import { IGG_MONITORING_MONTHS, immunoglobulinMessages } from '../immunoglobulin/index.ts';
import { checkStatus, planItem, type CarePlanItem } from './item.ts';
import { messages } from './messages.ts';

const needsInfusion = {
  timing: messages.infusionDateNeeded,
  status: 'UNKNOWN',
  needs: ['infusionDate'],
} as const;

/** IG-1 (§7.4): serum IgG monthly for the first 3 months after infusion: infusion + 1, 2 and 3 calendar months. */
export const iggCheckItems = (infusionDate: string | null, today: string): CarePlanItem[] => {
  const base = { ruleId: 'IG-1', kind: 'IGG_CHECK', phase: 'FOLLOW_UP', citation: cite('§7.4') } as const;
  if (infusionDate === null)
    return [planItem({ ...base, key: 'IG-1', text: immunoglobulinMessages.monthlyIgG, ...needsInfusion })];
  return IGG_MONITORING_MONTHS.map((month) => {
    const date = addMonths(infusionDate, month);
    return planItem({
      ...base,
      key: `IG-1-M${month}`,
      text: messages.iggCheck(month),
      timing: messages.on(date),
      dueDate: date,
      status: checkStatus(date, today),
    });
  });
};

/** FU-1 (§10): the follow-up visits of the FU-1 schedule, each a check on its date; with its notes. */
export const followUpItems = (
  infusionDate: string | null,
  throughMonth: number,
  today: string,
): { readonly items: CarePlanItem[]; readonly notes: readonly Note[] } => {
  const base = {
    ruleId: 'FU-1',
    kind: 'FOLLOW_UP_VISIT',
    phase: 'FOLLOW_UP',
    citation: cite('§10'),
  } as const;
  if (infusionDate === null)
    return {
      items: [planItem({ ...base, key: 'FU-1', text: messages.followUpVisits, ...needsInfusion })],
      notes: [],
    };
  const schedule = followUpSchedule({ infusionDate, throughMonth });
  const items = schedule.outcome.visits.map((visit) =>
    planItem({
      ...base,
      key: visit.day === null ? `FU-1-M${visit.month}` : `FU-1-D${visit.day}`,
      text: visit.label,
      timing: messages.on(visit.date),
      dueDate: visit.date,
      status: checkStatus(visit.date, today),
    }),
  );
  return { items, notes: schedule.notes };
};
