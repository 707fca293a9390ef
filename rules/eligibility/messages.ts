import type { LocalizedText } from '../core/index.ts';
import type { EligibilityExclusion, ForeignImplant } from './schemas.ts';
import type { EligibilityOverall } from './result.ts';

const OVERALL_TEXT: Readonly<Record<EligibilityOverall, LocalizedText>> = {
  ELIGIBLE: { zh: '符合CAR-T细胞治疗前的一般要求', en: 'eligible' },
  ELIGIBLE_WITH_WARNINGS: { zh: '符合一般要求,但有需要关注的事项', en: 'eligible, with warnings' },
  NOT_ELIGIBLE: { zh: '存在应排除的情况,目前不宜接受CAR-T细胞治疗', en: 'not eligible' },
  INCOMPLETE: { zh: '资料不全,尚不能完成评估', en: 'incomplete: information missing' },
};

const EXCLUSION_TEXT: Readonly<Record<EligibilityExclusion, LocalizedText>> = {
  PREGNANT_OR_BREASTFEEDING: { zh: '怀孕或哺乳期妇女', en: 'pregnant or breast-feeding' },
  PREGNANCY_PLANNED_WITHIN_6_MONTHS: {
    zh: '半年内有妊娠计划的妇女',
    en: 'planning pregnancy within 6 months',
  },
  ACTIVE_HEPATITIS_B: { zh: '传染性疾病:活动性乙型肝炎', en: 'transmissible disease: active hepatitis B' },
  ACTIVE_HEPATITIS_C: { zh: '传染性疾病:丙型肝炎', en: 'transmissible disease: hepatitis C' },
  ACTIVE_TUBERCULOSIS: { zh: '传染性疾病:活动性结核', en: 'transmissible disease: active tuberculosis' },
  OTHER_TRANSMISSIBLE_DISEASE: { zh: '其他传染性疾病', en: 'other transmissible disease' },
  ABNORMAL_VITAL_SIGNS: { zh: '生命体征不正常', en: 'abnormal vital signs' },
  UNABLE_TO_COOPERATE_WITH_EXAMINATIONS: {
    zh: '不能配合检查者',
    en: 'unable to cooperate with examinations',
  },
  PSYCHIATRIC_ILLNESS_PREVENTING_COOPERATION: {
    zh: '有精神或心理疾病不能配合治疗及疗效评估者',
    en: 'psychiatric or psychological illness preventing cooperation with treatment and response assessment',
  },
  ALLERGY_TO_PRODUCT_COMPONENT: {
    zh: '对CAR-T细胞产品中任何一种有效成分有过敏史者',
    en: 'history of allergy to any active component of the CAR-T product',
  },
  VITAL_ORGAN_DYSFUNCTION: {
    zh: '合并心、肺、脑等重要脏器明显功能障碍',
    en: 'clear dysfunction of the heart, lungs, brain or another vital organ',
  },
};

const IMPLANT_TEXT: Readonly<Record<ForeignImplant, LocalizedText>> = {
  ARTERIAL_CATHETER: { zh: '动脉导管', en: 'arterial catheter' },
  VENOUS_CATHETER: { zh: '静脉导管', en: 'venous catheter' },
  PROSTHESIS: { zh: '假体', en: 'prosthesis' },
  VENA_CAVA_FILTER: { zh: '静脉滤网', en: 'vena-cava filter' },
  OTHER: { zh: '其他外源性植入物', en: 'other foreign implant' },
};

const listZh = (parts: readonly string[]): string => parts.join('、');
const listEn = (parts: readonly string[]): string => parts.join(', ');

/** "KPS 40分、ECOG 3分" / "KPS 40, ECOG 3": the performance scores that were recorded. */
const scores = (kps: number | undefined, ecog: number | undefined): LocalizedText => {
  const zh: string[] = [];
  const en: string[] = [];
  if (kps !== undefined) {
    zh.push(`KPS ${kps}分`);
    en.push(`KPS ${kps}`);
  }
  if (ecog !== undefined) {
    zh.push(`ECOG ${ecog}分`);
    en.push(`ECOG ${ecog}`);
  }
  return { zh: listZh(zh), en: listEn(en) };
};

export const messages = {
  // ELIG-1 performance status (§1.1①, §2.3)
  performanceStatusMet: (kps: number | undefined, ecog: number | undefined): LocalizedText => ({
    zh: `${scores(kps, ecog).zh}:符合KPS≥50分或ECOG评分≤2分的要求`,
    en: `${scores(kps, ecog).en}: meets KPS ≥ 50 or ECOG ≤ 2`,
  }),
  performanceStatusNotMet: (kps: number | undefined, ecog: number | undefined): LocalizedText => ({
    zh: `${scores(kps, ecog).zh}:不符合KPS≥50分或ECOG评分≤2分的一般要求`,
    en: `${scores(kps, ecog).en}: does not meet the general requirement KPS ≥ 50 or ECOG ≤ 2`,
  }),
  performanceStatusRelativeNoBetterOption: {
    zh: '对于无更好治疗选择的患者,KPS和ECOG评分不是绝对禁忌:权衡获益与风险',
    en: 'for a patient with no better treatment option, KPS and ECOG are not an absolute contraindication: weigh benefit and risk',
  },
  performanceStatusRelativeIdeCel: {
    zh: 'ABECMA(ide-cel)对体能状态无特殊要求:不是绝对禁忌',
    en: 'ABECMA (ide-cel) has no performance-status requirement: not an absolute contraindication',
  },
  performanceStatusNeedsScore: {
    zh: '需要KPS或ECOG评分(任一项符合即可)',
    en: 'needs KPS or ECOG (either one meeting its threshold suffices)',
  },
  performanceStatusNeedsContext: {
    zh: '体能状态不符合一般要求;若无更好治疗选择或使用ABECMA,则不是绝对禁忌:需要明确是否无更好治疗选择及拟用产品',
    en: 'performance status below the general requirement; it is not an absolute contraindication with no better treatment option or with ABECMA: needs whether a better option exists and the planned product',
  },
  // ELIG-2 LVEF (§1.1②, §2.3)
  lvefMet: (lvef: number, threshold: number): LocalizedText => ({
    zh: `LVEF ${lvef}%:符合LVEF≥${threshold}%`,
    en: `LVEF ${lvef} %: meets LVEF ≥ ${threshold} %`,
  }),
  lvefNotMet: (lvef: number, threshold: number): LocalizedText => ({
    zh: `LVEF ${lvef}%:低于要求的LVEF≥${threshold}%`,
    en: `LVEF ${lvef} %: below the required LVEF ≥ ${threshold} %`,
  }),
  lvefIdeCelThreshold: {
    zh: 'ide-cel采用LVEF≥45%为界值:这是bb2121(KarMMa)临床试验的入组标准(共识§2.3报道,并非共识推荐);共识的一般要求为LVEF≥50%',
    en: "ide-cel uses LVEF ≥ 45 %: this is the bb2121 (KarMMa) trial's eligibility criterion (reported in §2.3, not a consensus recommendation); the consensus requires LVEF ≥ 50 %",
  },
  lvefNeedsProduct: (lvef: number): LocalizedText => ({
    zh: `LVEF ${lvef}%:ide-cel界值为45%,其他产品为50%,需要明确拟用产品`,
    en: `LVEF ${lvef} %: the threshold is 45 % for ide-cel and 50 % otherwise; needs the planned product`,
  }),
  lvefNeeded: { zh: '需要左心室射血分数(LVEF)', en: 'needs the left-ventricular ejection fraction (LVEF)' },
  // ELIG-3 cardiac amyloidosis / atrial fibrillation (§2.3)
  cardiacRiskPresent: (amyloidosis: boolean, atrialFibrillation: boolean): LocalizedText => ({
    zh: `${listZh([...(amyloidosis ? ['心肌淀粉样变性'] : []), ...(atrialFibrillation ? ['房颤'] : [])])}:即使LVEF正常,预处理期间或输注CAR-T细胞后并发心血管事件的风险增加,需要更多的关注`,
    en: `${listEn([...(amyloidosis ? ['cardiac amyloidosis'] : []), ...(atrialFibrillation ? ['atrial fibrillation'] : [])])}: even with a normal LVEF, the risk of cardiovascular events during lymphodepletion and after CAR-T infusion is increased; needs closer attention`,
  }),
  cardiacRiskAbsent: {
    zh: '无心肌淀粉样变性及房颤',
    en: 'no cardiac amyloidosis and no atrial fibrillation',
  },
  cardiacRiskNeeded: {
    zh: '需要明确是否并发心肌淀粉样变性或房颤',
    en: 'needs whether cardiac amyloidosis or atrial fibrillation is present',
  },
  // ELIG-4 ALT/AST (§1.1②)
  transaminasesMet: (alt: number, ast: number, altLimit: number, astLimit: number): LocalizedText => ({
    zh: `ALT ${alt} U/L(<${altLimit})、AST ${ast} U/L(<${astLimit}):均<3倍正常范围上限`,
    en: `ALT ${alt} U/L (< ${altLimit}) and AST ${ast} U/L (< ${astLimit}): both below 3 × ULN`,
  }),
  transaminaseNotMet: (name: 'ALT' | 'AST', value: number, limit: number): LocalizedText => ({
    zh: `${name} ${value} U/L:不低于3倍正常范围上限(${limit} U/L)`,
    en: `${name} ${value} U/L: not below 3 × ULN (${limit} U/L)`,
  }),
  transaminasesNeeded: {
    zh: '需要ALT、AST及本院正常范围上限(ULN)',
    en: "needs ALT, AST and the institution's upper limits of normal (ULN)",
  },
  // ELIG-5 bilirubin (§1.1②, Decision)
  bilirubinMet: (umolPerL: number, limit: number): LocalizedText => ({
    zh: `总胆红素 ${umolPerL} μmol/L:低于${limit} μmol/L`,
    en: `total bilirubin ${umolPerL} µmol/L: below ${limit} µmol/L`,
  }),
  bilirubinNotMet: (umolPerL: number, limit: number): LocalizedText => ({
    zh: `总胆红素 ${umolPerL} μmol/L:不低于${limit} μmol/L`,
    en: `total bilirubin ${umolPerL} µmol/L: not below ${limit} µmol/L`,
  }),
  bilirubinConverted: (mgPerDl: number, umolPerL: number): LocalizedText => ({
    zh: `总胆红素单位换算:${mgPerDl} mg/dL × 17.1 = ${umolPerL} μmol/L`,
    en: `total bilirubin converted: ${mgPerDl} mg/dL × 17.1 = ${umolPerL} µmol/L`,
  }),
  bilirubinPrintedValue: (limit: number, printed: string): LocalizedText => ({
    zh: `共识原文为"总胆红素${printed.replace(/\s+/g, '')}"(=342 μmol/L,疑为单位印刷错误);本系统采用<${limit} μmol/L(可按部署配置)`,
    en: `the consensus prints "total bilirubin ${printed}" (= 342 µmol/L, almost certainly a unit misprint); this deployment uses < ${limit} µmol/L (configurable)`,
  }),
  bilirubinNeeded: { zh: '需要总胆红素', en: 'needs total bilirubin' },
  // ELIG-6 SpO2 (§1.1②)
  spo2Met: (spo2: number): LocalizedText => ({
    zh: `室内空气中血氧饱和度 ${spo2}%:符合≥92%`,
    en: `SpO2 ${spo2} % on room air: meets ≥ 92 %`,
  }),
  spo2NotMet: (spo2: number): LocalizedText => ({
    zh: `室内空气中血氧饱和度 ${spo2}%:低于92%`,
    en: `SpO2 ${spo2} % on room air: below 92 %`,
  }),
  spo2Needed: { zh: '需要室内空气中的血氧饱和度', en: 'needs SpO2 on room air' },
  // ELIG-7 active infection (§1.1③)
  activeInfection: {
    zh: '存在活动性感染:不符合"无活动性感染"的要求',
    en: 'active infection: does not meet "no active infection"',
  },
  activeInfectionAdvice: {
    zh: 'CAR-T细胞治疗前需全面筛查并控制活动性感染,控制后重新评估',
    en: 'screen fully and control the active infection before CAR-T therapy, then reassess',
  },
  noActiveInfection: { zh: '无活动性感染', en: 'no active infection' },
  activeInfectionNeeded: {
    zh: '需要明确是否存在活动性感染',
    en: 'needs whether there is an active infection',
  },
  // ELIG-8 expected survival (§1.1④)
  survivalMet: (weeks: number): LocalizedText => ({
    zh: `预计生存期${weeks}周:符合>12周`,
    en: `expected survival ${weeks} weeks: meets > 12 weeks`,
  }),
  survivalNotMet: (weeks: number): LocalizedText => ({
    zh: `预计生存期${weeks}周:不符合>12周`,
    en: `expected survival ${weeks} weeks: does not meet > 12 weeks`,
  }),
  survivalNeeded: { zh: '需要预计生存期(周)', en: 'needs the expected survival in weeks' },
  // ELIG-9 exclusions (§1.1)
  exclusion: (exclusion: EligibilityExclusion): LocalizedText => ({
    zh: `应排除:${EXCLUSION_TEXT[exclusion].zh}`,
    en: `exclusion: ${EXCLUSION_TEXT[exclusion].en}`,
  }),
  noExclusion: { zh: '无排除标准所列情况', en: 'none of the exclusions applies' },
  exclusionsNeeded: {
    zh: '需要逐项确认排除标准(无则填写空列表)',
    en: 'needs the exclusions checked one by one (an empty list when none applies)',
  },
  // ELIG-10 renal (§2.3)
  renalImpairmentInfo: {
    zh: '肾功能异常非CAR-T细胞治疗的禁忌证,但可耐受CAR-T细胞治疗的最低肾小球滤过率和最高血肌酐界值仍需进一步探索',
    en: 'renal impairment is not a contraindication to CAR-T therapy, but the lowest tolerable GFR and highest creatinine are still unknown',
  },
  noRenalImpairment: { zh: '无肾功能异常', en: 'no renal impairment' },
  // ELIG-11 HBV (§2.3)
  hbvMarkerPositive: (hbsAg: boolean, hbcAb: boolean): LocalizedText => ({
    zh: `${listZh([...(hbsAg ? ['HBsAg阳性'] : []), ...(hbcAb ? ['HBcAb阳性'] : [])])}:乙型肝炎病毒再激活风险`,
    en: `${listEn([...(hbsAg ? ['HBsAg positive'] : []), ...(hbcAb ? ['HBcAb positive'] : [])])}: risk of hepatitis B reactivation`,
  }),
  hbvAdvice: {
    zh: '抗病毒预防并监测HBV DNA;乙型肝炎病毒防治参照《靶向B细胞和浆细胞的CAR-T细胞治疗中防治乙型肝炎病毒再激活的中国专家共识(2021年版)》',
    en: 'antiviral prophylaxis and HBV DNA monitoring, following the 2021 Chinese consensus on preventing HBV reactivation in B-cell/plasma-cell-targeted CAR-T therapy',
  },
  hbvNegative: { zh: 'HBsAg及HBcAb阴性', en: 'HBsAg and HBcAb negative' },
  hbvNeeded: { zh: '需要HBsAg及HBcAb结果', en: 'needs HBsAg and HBcAb results' },
  // ELIG-12 implants (§2.3)
  implantsPresent: (implants: readonly ForeignImplant[]): LocalizedText => ({
    zh: `体内有外源性植入物(${listZh(implants.map((i) => IMPLANT_TEXT[i].zh))}):需警惕诱发局部和全身感染`,
    en: `foreign implants (${listEn(implants.map((i) => IMPLANT_TEXT[i].en))}): watch for local and systemic infection`,
  }),
  noImplants: { zh: '体内无外源性植入物', en: 'no foreign implants' },
  implantsNeeded: {
    zh: '需要明确体内是否有外源性植入物(动/静脉导管、各类假体、静脉滤网等;无则填写空列表)',
    en: 'needs the foreign implants present (arterial/venous catheters, prostheses, vena-cava filters; an empty list when none)',
  },
  // ELIG-13 disease assessment (§1.2)
  bcmaLossRisk: (lateRelapse: boolean, priorBcma: boolean): LocalizedText => ({
    zh: `${listZh([...(lateRelapse ? ['晚期复发'] : []), ...(priorBcma ? ['使用过BCMA靶点治疗'] : [])])}:可出现BCMA抗原的丢失`,
    en: `${listEn([...(lateRelapse ? ['late relapse'] : []), ...(priorBcma ? ['prior BCMA-targeted therapy'] : [])])}: BCMA antigen loss can occur`,
  }),
  targetExpressionAdvice: {
    zh: '建议评估BCMA表达及其他靶点(GPRC5D、CS1、CD19等)的表达情况',
    en: 'assess BCMA expression and other targets (GPRC5D, CS1, CD19)',
  },
  targetExpressionAssessed: {
    zh: '已评估BCMA及其他靶点表达:据结果选择靶点',
    en: 'BCMA and other target expression assessed: choose the target by the result',
  },
  noBcmaLossRisk: {
    zh: '非晚期复发且未使用过BCMA靶点治疗',
    en: 'not a late relapse and no prior BCMA-targeted therapy',
  },
  bcmaLossRiskNeeded: {
    zh: '需要明确是否晚期复发及是否使用过BCMA靶点治疗',
    en: 'needs whether this is a late relapse and whether BCMA-targeted therapy was given',
  },
  // Overall
  overall: (overall: EligibilityOverall): LocalizedText => OVERALL_TEXT[overall],
} as const;
