/**
 * Every user-facing tocilizumab text (T4 note: TOCI-1..4) in zh-CN and English. The Chinese follows
 * the consensus' T4 note: "托珠单抗用法为8 mg/kg(单次剂量不超过800 mg),静脉滴注时间大于1 h,控制不佳者可
 * 8 h后再次使用,24 h内不超过4次,总次数不得超过4次".
 */
import { PRINTED_VALUES, text } from '../core/index.ts';
import type { LocalizedText, TocilizumabTotalLimitScope } from '../core/index.ts';

/** TOCI-4: the span the total counts over, as the texts name it. */
const SPAN: Readonly<Record<TocilizumabTotalLimitScope, LocalizedText>> = {
  'per-episode': text('本次CRS病程', 'this episode'),
  'per-course': text('本CAR-T疗程', 'this CAR-T course'),
};
const SPAN_RULE: Readonly<Record<TocilizumabTotalLimitScope, LocalizedText>> = {
  'per-episode': text(
    '每个CRS病程(迟发CRS开始新的病程,重新计数)',
    'per CRS episode (a late CRS in a new CRS episode starts a new count)',
  ),
  'per-course': text('整个CAR-T疗程', 'over the whole CAR-T course'),
};

/** A duration as "7 h 59 min" (minutes rounded down, so a duration under 8 h never reads "8 h"). */
export const formatDuration = (ms: number): string => {
  const minutes = Math.floor(ms / 60_000);
  const hours = Math.floor(minutes / 60);
  return `${hours} h ${minutes % 60} min`;
};

export const messages = {
  schedule: text('静脉滴注,时间大于1 h', 'IV infusion over more than 1 h'),
  doseBasis: (weightKg: number, exactMg: number, mg: number): LocalizedText => {
    const capped = exactMg > mg + 0.5;
    const rounded = !capped && exactMg !== mg;
    return text(
      `按实际体重计算:8 mg/kg × ${weightKg} kg = ${exactMg} mg${capped ? `,单次剂量不超过800 mg → ${mg} mg` : rounded ? ` → ${mg} mg` : ''}`,
      `8 mg/kg × ${weightKg} kg = ${exactMg} mg${capped ? `, single dose capped at 800 mg → ${mg} mg` : rounded ? ` → ${mg} mg` : ''}`,
    );
  },
  doseSummary: (mg: number): LocalizedText =>
    text(
      `${mg} mg(8 mg/kg,单次剂量不超过800 mg),静脉滴注时间大于1 h`,
      `${mg} mg (8 mg/kg, single dose ≤ 800 mg) IV over more than 1 h`,
    ),
  needsWeight: text(
    '8 mg/kg(单次剂量不超过800 mg)静脉滴注:需要体重(weightKg)以计算剂量',
    '8 mg/kg (single dose ≤ 800 mg) IV: needs weightKg to compute the dose',
  ),
  limitsNotChecked: text(
    '未核对托珠单抗次数限制(需 ≥ 8 h 间隔、24 h内次数上限、总次数不超过4次):需要评估时间(assessedAt)和本病程既往给药时间(previousTocilizumabDoses)',
    'tocilizumab limits (≥ 8 h apart, 24-hour limit, at most 4 in total) not checked: needs assessedAt and previousTocilizumabDoses',
  ),
  allowed: (dosesGiven: number, scope: TocilizumabTotalLimitScope): LocalizedText =>
    text(
      `现在可以给药(${SPAN[scope].zh}已用${dosesGiven}次,总次数不得超过4次)`,
      `allowed now (${dosesGiven} of at most 4 doses given in ${SPAN[scope].en})`,
    ),
  tooSoon: (sinceLast: string, earliest: string): LocalizedText =>
    text(
      `距上次给药仅 ${sinceLast}(控制不佳者可8 h后再次使用);最早可于 ${earliest} 给药`,
      `last dose ${sinceLast} ago (a repeat needs ≥ 8 h); earliest next dose ${earliest}`,
    ),
  max24hReached: (inWindow: number, limit: number, earliest: string): LocalizedText =>
    text(
      `24 h内已用${inWindow}次(上限${limit}次);最早可于 ${earliest} 给药`,
      `${inWindow} doses in the last 24 h (limit ${limit}); earliest next dose ${earliest}`,
    ),
  maxTotalReached: (dosesGiven: number, scope: TocilizumabTotalLimitScope): LocalizedText =>
    text(
      `${SPAN[scope].zh}已用${dosesGiven}次,总次数不得超过4次,不再给药`,
      `${dosesGiven} doses given in ${SPAN[scope].en}, at most 4 in total: no further dose`,
    ),
  driverDose: (basis: LocalizedText): LocalizedText => text(`剂量:${basis.zh}`, `dose: ${basis.en}`),
  driverDosesGiven: (dosesGiven: number, scope: TocilizumabTotalLimitScope): LocalizedText =>
    text(
      `${SPAN[scope].zh}已用${dosesGiven}次(总次数上限4次)`,
      `${dosesGiven} doses given in ${SPAN[scope].en} (at most 4)`,
    ),
  driverInWindow: (inWindow: number, limit: number): LocalizedText =>
    text(`24 h内已用${inWindow}次(上限${limit}次)`, `${inWindow} doses in the last 24 h (limit ${limit})`),
  driverSinceLast: (sinceLast: string): LocalizedText =>
    text(`距上次给药 ${sinceLast}`, `last dose ${sinceLast} ago`),
  driverNoPreviousDose: (scope: TocilizumabTotalLimitScope): LocalizedText =>
    text(`${SPAN[scope].zh}尚未使用托珠单抗`, `no tocilizumab given yet in ${SPAN[scope].en}`),
  printed24hLimit: (limit: number): LocalizedText =>
    text(
      `24 h内次数上限采用${limit}次(本机构配置;NCCN与CARTOX为3次);共识表4注印为"24 h内不超过${PRINTED_VALUES.tocilizumabMaxDosesPer24h}次"`,
      `24-hour limit used: ${limit} doses (deployment setting; NCCN and CARTOX say 3); the consensus T4 note prints "no more than ${PRINTED_VALUES.tocilizumabMaxDosesPer24h} times in 24 h"`,
    ),
  printedTotalLimit: (scope: TocilizumabTotalLimitScope): LocalizedText =>
    text(
      `总次数上限4次按${SPAN_RULE[scope].zh}计(本机构配置);共识表4注印为"${PRINTED_VALUES.tocilizumabTotalLimit}",未说明计数范围`,
      `Total limit of 4 doses counted ${SPAN_RULE[scope].en} (deployment setting); the consensus T4 note prints "no more than 4 times in total" without saying over what span`,
    ),
  /** "<lead>: <dose summary>; <status or limits>". */
  withDose: (lead: LocalizedText, mg: number, status: LocalizedText): LocalizedText => {
    const dose = messages.doseSummary(mg);
    return text(`${lead.zh}:${dose.zh};${status.zh}`, `${lead.en}: ${dose.en}; ${status.en}`);
  },
  /** "<lead>: 8 mg/kg …: needs weightKg; <status or limits>". */
  withoutDose: (lead: LocalizedText, status: LocalizedText): LocalizedText =>
    text(
      `${lead.zh}:${messages.needsWeight.zh};${status.zh}`,
      `${lead.en}: ${messages.needsWeight.en}; ${status.en}`,
    ),
  /** "<lead> — not allowed now: <why>". */
  notNow: (lead: LocalizedText, reason: LocalizedText): LocalizedText =>
    text(`${lead.zh}——现在不可给药:${reason.zh}`, `${lead.en} — not allowed now: ${reason.en}`),
  tocilizumab: text('托珠单抗', 'Tocilizumab'),
} as const;
