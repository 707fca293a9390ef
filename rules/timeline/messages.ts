/**
 * Every user-facing text of the episode timeline (EPI-1…7, CRS-G2 masking, CRS-HLH components,
 * TOCI-4 per episode) in zh-CN and English. Times come in already formatted (EPI-7).
 */
import { text } from '../core/index.ts';
import type { LocalizedText } from '../core/index.ts';

const COMPONENT: Readonly<Record<string, LocalizedText>> = {
  temperature: text('体温', 'temperature'),
  oxygen: text('吸氧方式', 'oxygen support'),
  vasopressors: text('升压药使用情况', 'vasopressor status'),
  spo2: text('血氧饱和度', 'SpO2'),
  systolicBp: text('收缩压', 'systolic BP'),
};

export const componentName = (component: string): LocalizedText =>
  COMPONENT[component] ?? text(component, component);

const list = (components: readonly string[]): LocalizedText => {
  const names = components.map(componentName);
  const en = names.map((n) => n.en);
  return {
    zh: names.map((n) => n.zh).join('、'),
    en: en.length <= 1 ? (en[0] ?? '') : `${en.slice(0, -1).join(', ')} and ${en.at(-1) ?? ''}`,
  };
};

const DRUG: Readonly<Record<string, LocalizedText>> = {
  TOCILIZUMAB: text('托珠单抗', 'tocilizumab'),
  DEXAMETHASONE: text('地塞米松', 'dexamethasone'),
  METHYLPREDNISOLONE: text('甲泼尼龙', 'methylprednisolone'),
  ANTIPYRETIC: text('解热药', 'antipyretic'),
};
export const drugName = (drug: string): LocalizedText => DRUG[drug] ?? text(drug, drug.toLowerCase());

const fmt = (n: number): string => String(Math.round(n * 10) / 10);

export const messages = {
  // EPI-2: lower bounds and what they need.
  lowerBound: (grade: number, needs: readonly string[]): LocalizedText => {
    const n = list(needs);
    return text(`CRS ≥ ${grade} 级:需要${n.zh}`, `CRS ≥ ${grade}: needs ${n.en}`);
  },
  keptPrevious: (grade: number, at: LocalizedText): LocalizedText =>
    text(
      `记录不完整:当前分级保持为上次完整分级 ${grade} 级(${at.zh}),待完整记录更新`,
      `incomplete record: the current grade stays at the last complete grade ${grade} (${at.en}) until a complete record replaces it`,
    ),
  notRecorded: (component: string): LocalizedText => {
    const n = componentName(component);
    return text(
      `${n.zh}:未记录(4小时内无记录,不默认为正常)`,
      `${n.en}: not recorded (none in the last 4 h; never assumed normal)`,
    );
  },
  carried: (component: string, value: LocalizedText, at: LocalizedText): LocalizedText => {
    const n = componentName(component);
    return text(`${n.zh}:${value.zh}(沿用 ${at.zh} 的记录)`, `${n.en}: ${value.en} (carried from ${at.en})`);
  },
  recorded: (component: string, value: LocalizedText, at: LocalizedText): LocalizedText => {
    const n = componentName(component);
    return text(`${n.zh}:${value.zh}(${at.zh})`, `${n.en}: ${value.en} (${at.en})`);
  },
  feverUsed: (celsius: number, at: LocalizedText): LocalizedText =>
    text(
      `发热 ${fmt(celsius)} ℃,${at.zh}(本次CRS发作近24小时最高体温)`,
      `fever ${fmt(celsius)} °C at ${at.en} (highest of the last 24 h of this CRS episode)`,
    ),
  highestTemperature: (celsius: number, at: LocalizedText): LocalizedText =>
    text(
      `近24小时最高体温 ${fmt(celsius)} ℃(${at.zh})`,
      `highest temperature of the last 24 h ${fmt(celsius)} °C (${at.en})`,
    ),
  // CRS-G2 masking.
  masking: (drug: string, at: LocalizedText): LocalizedText => {
    const d = drugName(drug);
    return text(
      `本次CRS发作中已于 ${at.zh} 给予${d.zh}:分级不再要求发热(CRS-G2)`,
      `${d.en} given at ${at.en} in this CRS episode: fever no longer required for grading (CRS-G2)`,
    );
  },
  notMaskedBeforeEpisode: (drug: string, at: LocalizedText): LocalizedText => {
    const d = drugName(drug);
    return text(
      `${at.zh} 给予的${d.zh}不在当前CRS发作中,不能替代发热条件(CRS-G2)`,
      `${d.en} given at ${at.en} was not given in an open CRS episode: it does not lift the fever requirement (CRS-G2)`,
    );
  },
  // EPI-1 CRS episodes.
  episodeOpened: (n: number, at: LocalizedText): LocalizedText =>
    text(`第 ${n} 次CRS发作,起病于 ${at.zh}`, `CRS episode ${n}, onset ${at.en}`),
  episodeLate: text('迟发CRS:CRS也可迟至4周后发生(§7.1)', 'late CRS: CRS can start after 4 weeks (§7.1)'),
  episodeClosed: (n: number, at: LocalizedText): LocalizedText =>
    text(
      `第 ${n} 次CRS发作已于 ${at.zh} 结束(24小时无CRS表现)`,
      `CRS episode ${n} closed at ${at.en} (24 h without CRS findings)`,
    ),
  // EPI-3 concurrent CRS.
  concurrentCrs: (grade: number, at: LocalizedText): LocalizedText =>
    text(`合并CRS:${grade} 级(${at.zh})`, `concurrent CRS: grade ${grade} (${at.en})`),
  noConcurrentClosed: (at: LocalizedText): LocalizedText =>
    text(
      `无合并CRS:上次CRS发作已于 ${at.zh} 结束`,
      `no concurrent CRS: the last CRS episode closed at ${at.en}`,
    ),
  noConcurrentStale: (at: LocalizedText): LocalizedText =>
    text(
      `无合并CRS:自 ${at.zh} 起超过24小时无生命体征记录(陈旧),请复测生命体征`,
      `no concurrent CRS: no vital signs since ${at.en} (over 24 h, stale); record vital signs`,
    ),
  // CRS-HLH components.
  hlhIntervention: (drug: string, at: LocalizedText): LocalizedText => {
    const d = drugName(drug);
    return text(`一线干预:${at.zh} 给予${d.zh}`, `first-line intervention: ${d.en} at ${at.en}`);
  },
  hlhBaseline: (at: LocalizedText): LocalizedText =>
    text(`与干预前最后一次记录(${at.zh})比较`, `compared with the last record before it (${at.en})`),
  hlhComponent: (component: 'fever' | 'hypotension' | 'hypoxia', course: string): LocalizedText => {
    const name = {
      fever: text('发热', 'fever'),
      hypotension: text('低血压', 'hypotension'),
      hypoxia: text('低氧', 'hypoxia'),
    }[component];
    const c =
      {
        NOT_PRESENT: text('干预时不存在', 'not present at the intervention'),
        IMPROVED: text('已改善', 'improved'),
        NOT_IMPROVED: text('未改善', 'not improved'),
        UNKNOWN: text('无法判断(缺少记录)', 'unknown (not recorded)'),
      }[course] ?? text(course, course);
    return text(`${name.zh}:${c.zh}`, `${name.en}: ${c.en}`);
  },
  hlhUnknown: (needs: readonly string[]): LocalizedText => {
    const n = list(needs);
    return text(
      `无法判断HLH/MAS:需要${n.zh};缺失的数值不视为改善`,
      `HLH/MAS cannot be judged: needs ${n.en}; a missing value is never taken as improvement`,
    );
  },
  hlhRecheck: (at: LocalizedText): LocalizedText =>
    text(
      `一线干预后12小时(${at.zh})复评发热与终末器官毒性`,
      `reassess fever and end-organ toxicity 12 h after first-line intervention (${at.en})`,
    ),
  // TOCI-4 per episode.
  tocilizumabInEpisode: (count: number): LocalizedText =>
    text(`本次CRS发作已用托珠单抗 ${count} 次`, `tocilizumab doses in this CRS episode: ${count}`),
  tocilizumabMaxTotal: (count: number, scope: string): LocalizedText =>
    text(
      `托珠单抗已用 ${count} 次,达到总次数上限4次(${scope === 'per-course' ? '整个疗程' : '本次CRS发作'};共识原文"总次数不得超过4次")`,
      `tocilizumab given ${count} times: the total limit of 4 is reached (${scope === 'per-course' ? 'per course' : 'per CRS episode'}; the consensus prints "no more than 4 in total")`,
    ),
  tocilizumabMax24h: (count: number, limit: number, next: LocalizedText): LocalizedText =>
    text(
      `近24小时已用托珠单抗 ${count} 次(上限 ${limit} 次);最早可于 ${next.zh} 再次给药`,
      `${count} tocilizumab doses in the last 24 h (limit ${limit}); next dose allowed from ${next.en}`,
    ),
  tocilizumabTooSoon: (last: LocalizedText, next: LocalizedText): LocalizedText =>
    text(
      `距上次托珠单抗(${last.zh})不足8小时;最早可于 ${next.zh} 再次给药`,
      `less than 8 h since the last tocilizumab dose (${last.en}); next dose allowed from ${next.en}`,
    ),
  tocilizumabAllowed: (count: number): LocalizedText =>
    text(
      `可给予托珠单抗(本次计数已用 ${count} 次)`,
      `tocilizumab allowed (${count} given in the current count)`,
    ),
  // EPI-5.
  death: (attribution: string, at: LocalizedText): LocalizedText => {
    const a =
      {
        CRS: text('死于CRS(CRS 5级)', 'death due to CRS (CRS grade 5)'),
        ICANS: text('死于ICANS(ICANS 5级)', 'death due to ICANS (ICANS grade 5)'),
        OTHER: text('死于其他原因', 'death from another cause'),
      }[attribution] ?? text(attribution, attribution);
    return text(`${a.zh},${at.zh}`, `${a.en}, ${at.en}`);
  },
};

export { list as componentList };
