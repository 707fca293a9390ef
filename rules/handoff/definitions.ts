import { cite, text } from '../core/index.ts';
import type { RuleDefinition } from '../core/index.ts';

/** The shift handoff's own citation: product design, built on the rules each line cites. */
export const HANDOFF_CITATION = cite('Shift handoff', 'product-design');

/** HANDOFF-1, HANDOFF-2: the shift handoff (product design, built on EPI-1…7, TOCI-2…4, INF-5, PLAN-1). */
export const definitions: readonly RuleDefinition[] = [
  {
    id: 'HANDOFF-1',
    summary: text(
      '交班摘要:每个进行中病程一段,含假名编号、产品、输注后天数、上一班CRS/ICANS分级变化、当前CRS发作(EPI-1)、最近生命体征及其时间、本次CRS发作的托珠单抗及下次允许时间(TOCI-2~4)、未确认警报及下一班到期事项(INF-5、PLAN-1);缺失数据明确写出,时间为医院时区(EPI-7)',
      'shift handoff: one block per active episode with pseudonymous id, product, day since infusion, the CRS and ICANS course over the last shift, the current CRS episode (EPI-1), last vital signs and their age, tocilizumab in the current CRS episode and when the next dose is allowed (TOCI-2–4), unacknowledged alerts and what is due in the next shift (INF-5, PLAN-1); missing data is said, times in the hospital time zone (EPI-7)',
    ),
    citation: HANDOFF_CITATION,
  },
  {
    id: 'HANDOFF-2',
    summary: text(
      '交班排序(病情紧急度):先按当前CRS与ICANS中最高分级,再按未确认的危急警报数、未确认警报总数、生命体征是否逾期(INF-5)、距上次生命体征时间(久者在前),最后按病程编号',
      'handoff order (acuity): highest current CRS or ICANS grade first, then unacknowledged critical alerts, then all unacknowledged alerts, then overdue vital signs (INF-5), then the longest time since vital signs, then episode number',
    ),
    citation: HANDOFF_CITATION,
  },
];
