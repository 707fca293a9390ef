import type { EscalationLevel, LocalizedText, OxygenSupport } from '#rules';

/** The words of the bot's own interface, in both languages (clinical text comes from the rules). */
export const LABELS = {
  drivers: { zh: '分级依据', en: 'What drove it' },
  management: { zh: '处理', en: 'Management' },
  notes: { zh: '说明', en: 'Notes' },
  dose: { zh: '剂量', en: 'dose' },
  needs: { zh: '无法分级,缺少', en: 'Cannot grade yet; needs' },
  tocilizumab: { zh: '托珠单抗', en: 'Tocilizumab' },
  alertsRaised: { zh: '已触发警报(将发送到本频道)', en: 'Alerts raised (posted to the channel)' },
  replayed: {
    zh: '此请求已处理过(Slack 重试):未重复记录',
    en: 'Already recorded (a retried request): nothing was written twice',
  },
  nothingRecorded: { zh: '未记录任何内容', en: 'Nothing was recorded' },
  notRecorded: { zh: '快速计算,不记录', en: 'Quick calculation; nothing recorded' },
  acknowledge: { zh: '确认', en: 'Acknowledge' },
  open: { zh: '打开', en: 'Open' },
  acknowledgedBy: { zh: '已确认', en: 'Acknowledged by' },
  stillUnacknowledged: { zh: '仍未确认', en: 'Still unacknowledged' },
  refresh: { zh: '刷新', en: 'Refresh' },
  reference: { zh: '参考编号', en: 'Reference' },
  day: { zh: '天', en: 'day' },
  noActiveEpisodes: { zh: '没有进行中的病程', en: 'No active episodes' },
  openAlerts: { zh: '未确认警报', en: 'open alerts' },
  openAlert: { zh: '未确认警报', en: 'open alert' },
  acknowledgedAlerts: { zh: '已确认警报', en: 'Acknowledged alerts' },
  lastVitals: { zh: '最近生命体征', en: 'Last vital signs' },
  records: { zh: '记录', en: 'Records' },
  none: { zh: '无', en: 'none' },
  lowerBoundNeeds: {
    zh: '记录不完整,至少此级;完整分级还需',
    en: 'incomplete entry, at least this; a complete grade needs',
  },
  usedEarlier: { zh: '采用的较早记录(EPI-2)', en: 'Earlier records used (EPI-2)' },
  noOpenAlerts: { zh: '无未确认警报', en: 'No open alerts' },
  showManagement: { zh: '显示处理方案', en: 'Show management' },
  notGradedYet: { zh: '尚未分级', en: 'not graded yet' },
  noVitalsYet: { zh: '尚无生命体征记录', en: 'No vital signs recorded yet' },
  firstGrading: { zh: '首次分级', en: 'first grading' },
  unchanged: { zh: '→ 无变化', en: '→ unchanged' },
  alertsRepeated: {
    zh: '同一CRS发作中再次触发(已更新原警报,EPI-6)',
    en: 'Raised again in the same CRS episode (the existing alert was updated, EPI-6)',
  },
} as const satisfies Record<string, LocalizedText>;

export const GRADE_LABEL = {
  crs: (grade: number): LocalizedText =>
    grade === 5
      ? { zh: 'CRS 5 级(死于CRS,EPI-5)', en: 'CRS grade 5 (death due to CRS, EPI-5)' }
      : { zh: `CRS ${grade} 级`, en: `CRS grade ${grade}` },
  crsAtLeast: (grade: number): LocalizedText => ({ zh: `CRS ≥ ${grade} 级`, en: `CRS ≥ ${grade}` }),
  icans: (grade: number): LocalizedText => ({ zh: `ICANS ${grade} 级`, en: `ICANS grade ${grade}` }),
};

/** Oxygen support as the status shows it (the vital-signs form shows both languages). */
export const OXYGEN_LABEL: Readonly<Record<OxygenSupport, LocalizedText>> = {
  ROOM_AIR: { zh: '未吸氧', en: 'Room air' },
  NASAL_CANNULA: { zh: '鼻导管', en: 'Nasal cannula' },
  BLOW_BY: { zh: '吹氧', en: 'Blow-by' },
  HIGH_FLOW_NASAL_CANNULA: { zh: '高流量鼻导管', en: 'High-flow nasal cannula' },
  FACEMASK: { zh: '面罩', en: 'Facemask' },
  NON_REBREATHER_MASK: { zh: '储氧面罩', en: 'Non-rebreather mask' },
  VENTURI_MASK: { zh: '文丘里面罩', en: 'Venturi mask' },
  CPAP: { zh: 'CPAP', en: 'CPAP' },
  BIPAP: { zh: 'BiPAP', en: 'BiPAP' },
  MECHANICAL_VENTILATION: { zh: '机械通气', en: 'Mechanical ventilation' },
};

/** Counted nouns in both languages (English singular for one). */
export const COUNT_LABEL = {
  activeEpisodes: (count: number, more: boolean): LocalizedText => ({
    zh: `进行中的病程 ${count}${more ? '+' : ''} 个`,
    en: `${count}${more ? '+' : ''} active episode${count === 1 && !more ? '' : 's'}`,
  }),
  withOpenAlerts: (count: number): LocalizedText => ({
    zh: `其中有未确认警报 ${count} 个`,
    en: `${count} with open alerts`,
  }),
  mostRecentShown: (count: number): LocalizedText => ({
    zh: `仅显示最近更新的 ${count} 个`,
    en: `the ${count} most recently updated shown`,
  }),
};

/** The trend of a grade against the one before it. */
export const TREND_LABEL = {
  up: (from: number): LocalizedText => ({ zh: `↑ 较前升高(原 ${from} 级)`, en: `↑ from grade ${from}` }),
  down: (from: number): LocalizedText => ({ zh: `↓ 较前下降(原 ${from} 级)`, en: `↓ from grade ${from}` }),
};

/** How long ago, in whole minutes, hours and minutes, or days. */
export const AGO_LABEL = {
  justNow: { zh: '刚刚', en: 'just now' },
  minutes: (m: number): LocalizedText => ({ zh: `${m} 分钟前`, en: `${m} min ago` }),
  hours: (h: number, m: number): LocalizedText => ({
    zh: `${h} 小时${m > 0 ? ` ${m} 分钟` : ''}前`,
    en: `${h} h${m > 0 ? ` ${m} min` : ''} ago`,
  }),
  days: (d: number): LocalizedText => ({ zh: `${d} 天前`, en: `${d} d ago` }),
  ahead: { zh: '时间晚于当前', en: 'dated after now' },
};

export const LEVEL: Readonly<
  Record<EscalationLevel, { readonly emoji: string; readonly text: LocalizedText }>
> = {
  CRITICAL: { emoji: ':red_circle:', text: { zh: '危急', en: 'CRITICAL' } },
  URGENT: { emoji: ':large_orange_circle:', text: { zh: '紧急', en: 'URGENT' } },
  WARNING: { emoji: ':large_yellow_circle:', text: { zh: '提醒', en: 'WARNING' } },
};
