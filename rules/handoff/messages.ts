import { text, type LocalizedText } from '../core/index.ts';

/** HANDOFF-1, HANDOFF-2: every line of a shift handoff, in Chinese and English. */
export const messages = {
  title: (team: string, at: string, timeZone: string, count: number): LocalizedText =>
    text(
      `交班 · ${team} 组 · ${at}(${timeZone})· 进行中病程 ${count} 例`,
      `Shift handoff · team ${team} · ${at} (${timeZone}) · ${count} active ${count === 1 ? 'episode' : 'episodes'}`,
    ),
  shiftWindow: (from: string, to: string, next: string): LocalizedText =>
    text(
      `上一班 ${from} 至 ${to};下一班至 ${next};按病情紧急度排序(HANDOFF-2)`,
      `last shift ${from} to ${to}; next shift until ${next}; ordered by acuity (HANDOFF-2)`,
    ),
  noActiveEpisodes: text('本组当前无进行中病程', 'No active episodes in this team'),
  day: (day: number): LocalizedText =>
    text(`输注后第 ${day} 天`, day < 0 ? `day ${day} (before infusion)` : `day ${day}`),
  noInfusionDate: text('尚无输注日期', 'no infusion date yet'),
  // Course over the last shift.
  notGraded: (domain: string): LocalizedText => text(`${domain} 尚未分级`, `${domain} not graded yet`),
  unchanged: (domain: string, grade: string, since: string): LocalizedText =>
    text(`${domain} ${grade} 级(自 ${since} 起未变)`, `${domain} ${grade} (unchanged since ${since})`),
  unchangedSinceUnknown: (domain: string, grade: string): LocalizedText =>
    text(`${domain} ${grade} 级(本班未变)`, `${domain} ${grade} (unchanged this shift)`),
  course: (domain: string, start: string, steps: readonly { grade: string; at: string }[]): LocalizedText =>
    text(
      `${domain} 分级 ${start} → ${steps.map((s) => `${s.grade}(${s.at})`).join(' → ')}`,
      `${domain} ${start} → ${steps.map((s) => `${s.grade} at ${s.at}`).join(' → ')}`,
    ),
  // EPI-1: the current CRS episode.
  noCrsEpisode: text('无CRS发作', 'no CRS episode'),
  crsEpisodeOpen: (n: number, onset: string, peak: string, firstLine: LocalizedText): LocalizedText =>
    text(
      `CRS发作 ${n}(进行中):起病 ${onset},最高 ${peak} 级,一线治疗:${firstLine.zh}`,
      `CRS episode ${n} (open): onset ${onset}, peak ${peak}, first-line: ${firstLine.en}`,
    ),
  crsEpisodeClosed: (n: number, onset: string, peak: string, closed: string): LocalizedText =>
    text(
      `CRS发作 ${n} 已于 ${closed} 结束(起病 ${onset},最高 ${peak} 级)`,
      `CRS episode ${n} closed ${closed} (onset ${onset}, peak ${peak})`,
    ),
  firstLineGiven: (drug: LocalizedText, at: string): LocalizedText =>
    text(`${drug.zh}(${at})`, `${drug.en} at ${at}`),
  firstLineNone: text('尚未给予托珠单抗或糖皮质激素', 'no tocilizumab or corticosteroid yet'),
  // Vital signs.
  noVitals: text('尚无生命体征记录', 'no vitals recorded'),
  lastVitals: (at: string, age: LocalizedText): LocalizedText =>
    text(`最近生命体征 ${at}(${age.zh})`, `last vitals ${at} (${age.en})`),
  minutesAgo: (n: number): LocalizedText => text(`${n} 分钟前`, `${n} min ago`),
  hoursAgo: (n: number): LocalizedText => text(`${n} 小时前`, `${n} h ago`),
  daysAgo: (n: number): LocalizedText => text(`${n} 天前`, `${n} d ago`),
  // TOCI-2…4 in the current CRS episode.
  noTocilizumab: text('本次CRS发作未用托珠单抗', 'no tocilizumab in this CRS episode'),
  tocilizumabGiven: (count: number, times: readonly string[]): LocalizedText =>
    text(
      `托珠单抗:本次CRS发作 ${count} 次(${times.join('、')})`,
      `tocilizumab: ${count} in this CRS episode (${times.join(', ')})`,
    ),
  nextDoseFrom: (at: string): LocalizedText =>
    text(`下次最早 ${at}(TOCI-2/3)`, `next dose allowed from ${at} (TOCI-2/3)`),
  nextDoseNow: text('现在可再次给药(TOCI-2/3)', 'a further dose is allowed now (TOCI-2/3)'),
  noFurtherDose: (count: number): LocalizedText =>
    text(
      `已达总次数上限 ${count} 次,不再给药(TOCI-4)`,
      `total limit reached (${count}): no further dose (TOCI-4)`,
    ),
  // Alerts.
  noOpenAlerts: text('无未确认警报', 'no unacknowledged alerts'),
  openAlerts: (count: number, list: LocalizedText): LocalizedText =>
    text(
      `未确认警报 ${count} 条:${list.zh}`,
      `${count} unacknowledged ${count === 1 ? 'alert' : 'alerts'}: ${list.en}`,
    ),
  alertItem: (escalationId: string, level: LocalizedText, at: string): LocalizedText =>
    text(`${escalationId}(${level.zh},${at})`, `${escalationId} (${level.en}, ${at})`),
  levelCritical: text('危急', 'critical'),
  levelUrgent: text('紧急', 'urgent'),
  levelWarning: text('提示', 'warning'),
  // Due in the next shift.
  nothingDue: text('下一班无到期事项', 'nothing due in the next shift'),
  due: (items: LocalizedText): LocalizedText => text(`下一班到期:${items.zh}`, `due next shift: ${items.en}`),
  vitalsOverdue: (since: string, age: LocalizedText): LocalizedText =>
    text(
      `生命体征已逾期(最近 ${since},${age.zh};CRS期间至少每4小时一次,INF-5)`,
      `vitals overdue (last ${since}, ${age.en}; at least every 4 h during CRS, INF-5)`,
    ),
  vitalsDueBy: (by: string): LocalizedText =>
    text(`生命体征 ${by} 前(CRS期间至少每4小时一次,INF-5)`, `vitals by ${by} (every 4 h during CRS, INF-5)`),
  planItem: (what: LocalizedText, when: LocalizedText, ruleId: string): LocalizedText =>
    text(`${what.zh}:${when.zh}(${ruleId})`, `${what.en}: ${when.en} (${ruleId})`),
  planNeeds: (fields: readonly string[]): LocalizedText =>
    text(`护理计划需要:${fields.join('、')}`, `care plan needs: ${fields.join(', ')}`),
  planUnavailable: (reason: string): LocalizedText =>
    text(`护理计划无法计算:${reason}`, `care plan unavailable: ${reason}`),
};

/** An alert level's name. */
export const levelName = (level: string): LocalizedText =>
  level === 'CRITICAL'
    ? messages.levelCritical
    : level === 'URGENT'
      ? messages.levelUrgent
      : level === 'WARNING'
        ? messages.levelWarning
        : text(level, level);
