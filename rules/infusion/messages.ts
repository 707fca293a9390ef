import type { LocalizedText } from '../core/index.ts';
import type { InfusionTimingStatus } from './timing.ts';

const TIMING: Readonly<Record<InfusionTimingStatus, LocalizedText>> = {
  OK: {
    zh: '在推荐的预处理化疗结束后1~2 d内',
    en: 'within the recommended 1–2 days after the end of lymphodepletion',
  },
  EARLY: {
    zh: '早于推荐的预处理化疗结束后1~2 d(预处理末次给药次日即输注)',
    en: 'earlier than the recommended 1–2 days after the end of lymphodepletion (the day right after the last dose)',
  },
  LATE: {
    zh: '晚于推荐的1~2 d,但未超过7 d',
    en: 'later than the recommended 1–2 days, but not more than 7 days',
  },
  VIOLATION: {
    zh: '超过预处理化疗结束后7 d:最长不宜超过7 d',
    en: 'more than 7 days after the end of lymphodepletion: it should never exceed 7 days',
  },
};

export const messages = {
  // INF-1
  infectionScreening: {
    zh: 'CAR-T细胞输注前:感染的筛查、预防和管理参见"七、3.感染"',
    en: 'before infusion: infection screening, prophylaxis and management per §7.3 (infection)',
  },
  priorCnsDisease: {
    zh: '既往有中枢神经系统疾病或并发症的患者发生神经系统不良事件的风险会增加,建议待疾病控制后再行CAR-T细胞输注',
    en: 'prior CNS disease raises the risk of neurological events: infuse after the CNS disease is controlled',
  },
  cnsNotControlled: {
    zh: '中枢神经系统疾病尚未控制:建议待疾病控制后再行CAR-T细胞输注',
    en: 'CNS disease not controlled: defer the infusion until it is controlled',
  },
  levetiracetam: {
    zh: '可口服左乙拉西坦(750 mg,每12 h 1次)等药物预防癫痫发生',
    en: 'levetiracetam 750 mg orally every 12 h may be given as seizure prophylaxis',
  },
  every12Hours: { zh: '每12 h 1次', en: 'every 12 h' },
  fixedDose: (mg: number): LocalizedText => ({ zh: `固定剂量${mg} mg`, en: `fixed dose ${mg} mg` }),
  noPriorCnsDisease: { zh: '既往无中枢神经系统疾病', en: 'no prior CNS disease' },
  cnsHistoryNeeded: {
    zh: '需要明确既往是否有中枢神经系统疾病或并发症',
    en: 'needs whether there is prior CNS disease',
  },
  // INF-2
  timing: (
    status: InfusionTimingStatus,
    fullDays: number,
    endDate: string,
    infusionDate: string,
  ): LocalizedText => ({
    zh: `预处理末次 ${endDate},输注 ${infusionDate}:间隔${fullDays} d,${TIMING[status].zh}`,
    en: `last lymphodepletion day ${endDate}, infusion ${infusionDate}: ${fullDays} full day${fullDays === 1 ? '' : 's'} between, ${TIMING[status].en}`,
  }),
  recommendedWindow: (first: string, second: string, latest: string): LocalizedText => ({
    zh: `预处理化疗结束后1~2 d输注CAR-T细胞:${first}或${second};最长不宜超过7 d(最晚 ${latest})`,
    en: `infuse 1–2 days after the end of lymphodepletion: ${first} or ${second}; never more than 7 days (latest ${latest})`,
  }),
  countingNote: {
    zh: '"预处理化疗结束后的天数"按末次预处理日与输注日之间的完整天数计算(如-5~-3 d预处理、0 d输注为2 d)',
    en: '"days after the end of lymphodepletion" counts the full days between the last lymphodepletion day and the infusion day (Flu/Cy on days -5 to -3 with infusion on day 0 is 2 days)',
  },
  // INF-3
  doseWithin: (dose: string, range: string): LocalizedText => ({
    zh: `CAR-T细胞剂量${dose}:在${range}范围内`,
    en: `CAR-T dose ${dose}: within ${range}`,
  }),
  doseOutside: (dose: string, range: string): LocalizedText => ({
    zh: `CAR-T细胞剂量${dose}:不在${range}范围内,请核对该产品的推荐剂量`,
    en: `CAR-T dose ${dose}: outside ${range}; check the product's recommended dose`,
  }),
  abecmaRange: {
    zh: '商品化BCMA CAR-T ABECMA建议的输注剂量为(300~460)×10⁶(KarMMa研究剂量为(150~450)×10⁶)',
    en: 'the recommended ABECMA dose is (300–460) × 10⁶ CAR⁺ T cells (KarMMa studied (150–450) × 10⁶)',
  },
  studiedRange: (range: string): LocalizedText => ({
    zh: `表1所列临床研究剂量为${range};具体剂量要依据各产品前期预实验的推荐剂量`,
    en: `T1 lists a studied dose of ${range}; the product's own recommended dose governs`,
  }),
  noReferenceDose: {
    zh: '共识未列出该产品的剂量:不同CAR-T细胞产品输注剂量差异很大,具体剂量要依据各产品前期预实验的推荐剂量',
    en: "the consensus lists no dose for this product: doses differ widely between products; follow the product's own recommended dose",
  },
  weightNeededForUnit: {
    zh: '剂量单位(每kg或总量)与参考剂量不同:需要体重以换算',
    en: 'the dose unit (per kg or total) differs from the reference: needs the body weight to convert',
  },
  converted: (from: string, weightKg: number, to: string): LocalizedText => ({
    zh: `按体重${weightKg} kg换算:${from} = ${to}`,
    en: `converted with ${weightKg} kg: ${from} = ${to}`,
  }),
  // INF-4
  vitalSignsBeforeInfusion: {
    zh: 'CAR-T细胞输注前开始进行生命体征监测',
    en: 'start vital-sign monitoring before the infusion',
  },
  steroidPremedication: {
    zh: '不推荐CAR-T细胞输注前予糖皮质激素预防过敏反应',
    en: 'corticosteroid premedication to prevent allergy before CAR-T infusion is not recommended',
  },
  noSteroidPremedication: { zh: '未予糖皮质激素预处理', en: 'no corticosteroid premedication' },
  premedicationNeeded: {
    zh: '需要明确输注前是否予糖皮质激素预防过敏反应',
    en: 'needs whether a corticosteroid premedication is recorded',
  },
  // INF-5
  continuousMonitoring: {
    zh: 'CAR-T细胞输注后持续性监测生命体征至CRS症状消失',
    en: 'after infusion, monitor vital signs continuously until CRS symptoms resolve',
  },
  monitorUntilGrade1: (grade: number): LocalizedText => ({
    zh: `当前CRS ${grade}级:发生2级或以上CRS时,监护直至CRS分级降至≤1级或者根据患者的一般情况而定`,
    en: `current CRS grade ${grade}: with CRS grade ≥ 2, monitor until CRS is grade ≤ 1 or as the patient's condition requires`,
  }),
  inpatient: {
    zh: 'CAR-T细胞输注后患者应住院观察,建议至少在医院密切监测7~14 d',
    en: 'inpatient observation after infusion, closely monitored in hospital for at least 7–14 days',
  },
  inpatientDates: (from: string, day7: string, day14: string): LocalizedText => ({
    zh: `住院密切监测:自${from}起至少至${day7}(7 d)~${day14}(14 d)`,
    en: `inpatient monitoring from ${from} until at least ${day7} (7 days) to ${day14} (14 days)`,
  }),
  duringCrsWorkup: {
    zh: '发生CRS时每天进行体格检查并监测血常规、生化指标和凝血功能、血气分析、血清C反应蛋白、铁蛋白、白细胞介素-6等',
    en: 'during CRS: daily physical examination and blood count, biochemistry, coagulation, blood gas, CRP, ferritin and IL-6',
  },
  duringCrsVitals: {
    zh: '发生CRS时常规监护下至少每4 h评估1次生命体征',
    en: 'during CRS: assess vital signs at least every 4 hours',
  },
} as const;
