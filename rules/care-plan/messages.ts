import type { LocalizedText } from '../core/index.ts';

/** PLAN-1, PLAN-2: what each plan item is, when it runs, and what the plan read from its input. */
export const messages = {
  // INFX-2
  antiviral: {
    zh: '阿昔洛韦或伐昔洛韦(抗病毒预防)',
    en: 'acyclovir or valacyclovir (antiviral prophylaxis)',
  },
  antiviralFrom: (start: string): LocalizedText => ({
    zh: `自预处理开始(${start})起;用药时间根据免疫功能恢复情况确定,共识未给出停药日期`,
    en: `from the start of lymphodepletion (${start}); continued according to immune recovery: the consensus gives no stop date`,
  }),
  antiviralStartNeeded: {
    zh: '自预处理开始起(需要预处理开始日期);用药时间根据免疫功能恢复情况确定,共识未给出停药日期',
    en: 'from the start of lymphodepletion (needs its date); continued according to immune recovery: the consensus gives no stop date',
  },
  // INFX-1
  screeningBefore: (start: string): LocalizedText => ({
    zh: `预处理开始(${start})前完成`,
    en: `before lymphodepletion starts (${start})`,
  }),
  screeningDateNeeded: {
    zh: '预处理开始前完成(需要预处理开始日期)',
    en: 'before lymphodepletion starts (needs the lymphodepletion start date)',
  },
  // INFX-3
  neutropeniaProphylaxis: {
    zh: '诺氟沙星、三唑类抗真菌药及复方磺胺甲噁唑片等预防感染',
    en: 'norfloxacin, a triazole antifungal and trimethoprim-sulfamethoxazole as prophylaxis',
  },
  untilRecovery: (start: string, recoveredAt: string): LocalizedText => ({
    zh: `自输注(${start})起至粒细胞恢复(${recoveredAt})`,
    en: `from infusion (${start}) until neutrophil recovery (${recoveredAt})`,
  }),
  untilRecoveryUnknown: (start: string): LocalizedText => ({
    zh: `自输注(${start})起至粒细胞恢复(恢复日期尚不知道)`,
    en: `from infusion (${start}) until neutrophil recovery (its date is not known yet)`,
  }),
  pneumocystis: { zh: '卡氏肺囊虫感染预防', en: 'Pneumocystis prophylaxis' },
  pneumocystisCourse: (start: string, earliestStop: string): LocalizedText => ({
    zh: `自输注(${start})起至少3个月:不早于${earliestStop}停止`,
    en: `from infusion (${start}) for at least 3 months: stop no earlier than ${earliestStop}`,
  }),
  pneumocystisUntilRecovery: {
    zh: '粒细胞恢复前复方磺胺甲噁唑片继续使用(恢复日期尚不知道)',
    en: 'trimethoprim-sulfamethoxazole continues until neutrophil recovery (its date is not known yet)',
  },
  fromInfusionDateNeeded: {
    zh: '自CAR-T细胞输注起(需要输注日期)',
    en: 'from CAR-T infusion (needs the infusion date)',
  },
  // INF-1
  levetiracetamTiming: {
    zh: '中枢神经系统疾病控制后再行CAR-T细胞输注;共识未给出左乙拉西坦开始及停药时间,按本院规范',
    en: 'infuse once the CNS disease is controlled; the consensus gives no start or stop date for levetiracetam: follow the local protocol',
  },
  seizureProphylaxisIfCns: {
    zh: '既往有中枢神经系统疾病或并发症者:可口服左乙拉西坦预防癫痫',
    en: 'with prior CNS disease: levetiracetam seizure prophylaxis may be given',
  },
  cnsHistoryBeforeInfusion: {
    zh: 'CAR-T细胞输注前明确(决定是否预防癫痫)',
    en: 'to be known before infusion (decides seizure prophylaxis)',
  },
  // IG-1
  iggCheck: (month: number): LocalizedText => ({
    zh: `血清IgG检测(输注后第${month}个月)`,
    en: `serum IgG (month ${month} after infusion)`,
  }),
  dualTargetIgG: {
    zh: 'BCMA/CD19双靶点治疗时低IgA和IgG持续时间甚至超过1年,可能增加感染机会',
    en: 'with BCMA/CD19 dual targeting, low IgA and IgG can last more than a year and may raise the risk of infection',
  },
  // FU-1
  followUpVisits: { zh: 'CAR-T细胞治疗后随访', en: 'follow-up visits after CAR-T infusion' },
  // Checks (IG-1, FU-1)
  on: (date: string): LocalizedText => ({ zh: `${date}进行`, en: `on ${date}` }),
  infusionDateNeeded: {
    zh: '需要输注日期(日期自输注日起计算)',
    en: 'needs the infusion date (dates count from it)',
  },
  // PLAN-1
  dayOfCourse: (day: number, infusionDate: string): LocalizedText =>
    day >= 0
      ? { zh: `输注后第${day}天(输注日 ${infusionDate})`, en: `day ${day} after infusion (${infusionDate})` }
      : {
          zh: `输注前${-day}天(输注日 ${infusionDate})`,
          en: `${-day} day${day === -1 ? '' : 's'} before infusion (${infusionDate})`,
        },
  noInfusionDate: {
    zh: '未给出输注日期:自输注日起计算的项目无法给出日期',
    en: 'no infusion date: items dated from the infusion cannot be dated',
  },
  // PLAN-2
  recovered: (since: string, anc: number, date: string): LocalizedText => ({
    zh: `粒细胞已恢复:自${since}起中性粒细胞 ≥ 1.0×10⁹/L(最近 ${date}:${anc}×10⁹/L)`,
    en: `neutrophils recovered: ANC ≥ 1.0 × 10⁹/L since ${since} (latest ${anc} × 10⁹/L on ${date})`,
  }),
  notRecovered: (anc: number, date: string): LocalizedText => ({
    zh: `粒细胞尚未恢复:最近中性粒细胞 ${anc}×10⁹/L(${date}),低于1.0×10⁹/L`,
    en: `neutrophils not recovered: latest ANC ${anc} × 10⁹/L on ${date}, below 1.0 × 10⁹/L`,
  }),
  noCountSinceInfusion: {
    zh: '输注后无中性粒细胞计数:粒细胞是否恢复尚不知道',
    en: 'no neutrophil count since infusion: recovery is not known',
  },
  recoveryReading: {
    zh: '共识未定义"粒细胞恢复":本系统以输注后最近一次中性粒细胞计数 ≥ 1.0×10⁹/L(不再为3~4度粒细胞缺乏)为恢复',
    en: 'the consensus does not define "neutrophil recovery": this product reads it as the latest count after infusion at ANC ≥ 1.0 × 10⁹/L (no longer grade 3–4 neutropenia)',
  },
} as const;
