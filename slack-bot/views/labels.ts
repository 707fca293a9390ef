import type { EscalationLevel, LocalizedText } from '#rules';

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

export const LEVEL: Readonly<
  Record<EscalationLevel, { readonly emoji: string; readonly text: LocalizedText }>
> = {
  CRITICAL: { emoji: ':red_circle:', text: { zh: '危急', en: 'CRITICAL' } },
  URGENT: { emoji: ':large_orange_circle:', text: { zh: '紧急', en: 'URGENT' } },
  WARNING: { emoji: ':large_yellow_circle:', text: { zh: '提醒', en: 'WARNING' } },
};
