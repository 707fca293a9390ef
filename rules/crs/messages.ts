/**
 * Every user-facing CRS text (§7.1, T3, T4) in zh-CN and English. The Chinese follows the
 * consensus wording where the consensus has it; ASTCT details it does not spell out are translated
 * in the same style.
 */
import { PRINTED_VALUES, text } from '../core/index.ts';
import type { LocalizedText } from '../core/index.ts';

export const messages = {
  // ---- CRS-GRADE / CRS-G1..G5 drivers (constant: built once, used by the hot path) ----
  fever: text('发热:体温 ≥ 38.0 ℃', 'fever: temperature ≥ 38.0 °C'),
  afterAnticytokine: text(
    '已接受抗细胞因子或退热治疗(托珠单抗、糖皮质激素、解热药):后续分级不再要求发热',
    'after anti-cytokine or antipyretic therapy (tocilizumab, corticosteroids, antipyretics): fever no longer required for grading',
  ),
  afterAnticytokineNoFindings: text(
    '已接受抗细胞因子或退热治疗,目前无低血压或低氧',
    'after anti-cytokine or antipyretic therapy: no hypotension or hypoxia',
  ),
  noFeverConsiderOtherCauses: text(
    '无发热且未接受抗细胞因子或退热治疗:不诊断为CRS(0级),请考虑低血压/低氧的其他原因',
    'no fever and no anti-cytokine or antipyretic therapy: no CRS (grade 0); consider other causes of the hypotension/hypoxia',
  ),
  noCrsFindings: text('无发热、低血压或低氧:无CRS', 'no fever, hypotension or hypoxia: no CRS'),
  hypotensionNoVasopressor: text('低血压(不需应用升压药)', 'hypotension not requiring vasopressors'),
  hypotensionSbpBelow90: text(
    '低血压:收缩压 < 90 mmHg,未用升压药',
    'hypotension: systolic BP < 90 mmHg, no vasopressor',
  ),
  hypotensionOneVasopressor: text('低血压:需要一种升压药', 'hypotension: 1 vasopressor'),
  hypotensionOneVasopressorWithVasopressin: text(
    '低血压:一种升压药加血管加压素(血管加压素不计为第二种升压药)',
    'hypotension: 1 vasopressor with vasopressin (vasopressin does not count as a second vasopressor)',
  ),
  hypotensionVasopressinOnly: text(
    '低血压:仅用血管加压素(按一种升压药计)',
    'hypotension: vasopressin alone (counts as one vasopressor)',
  ),
  hypotensionMultipleVasopressors: text(
    '低血压:需要多种升压药(不包括血管加压素)',
    'hypotension: multiple vasopressors (excluding vasopressin)',
  ),
  hypoxiaLowFlowNasalCannula: text(
    '低氧:低流量鼻导管吸氧(≤ 6 L/min)',
    'hypoxia: low-flow nasal cannula (≤ 6 L/min)',
  ),
  hypoxiaNasalCannulaHighFlow: text(
    '低氧:鼻导管吸氧 > 6 L/min(高流量)',
    'hypoxia: nasal cannula > 6 L/min (high flow)',
  ),
  hypoxiaBlowBy: text('低氧:吹氧(blow-by)', 'hypoxia: blow-by oxygen'),
  hypoxiaHighFlowNasalCannula: text('低氧:高流量鼻导管吸氧', 'hypoxia: high-flow nasal cannula'),
  hypoxiaFacemask: text('低氧:面罩吸氧', 'hypoxia: facemask'),
  hypoxiaNonRebreatherMask: text('低氧:非重复呼吸面罩吸氧', 'hypoxia: non-rebreather mask'),
  hypoxiaVenturiMask: text('低氧:文丘里面罩吸氧', 'hypoxia: Venturi mask'),
  hypoxiaCpap: text('低氧:正压通气(持续气道正压通气,CPAP)', 'hypoxia: positive pressure (CPAP)'),
  hypoxiaBipap: text('低氧:正压通气(双水平气道正压通气,BiPAP)', 'hypoxia: positive pressure (BiPAP)'),
  hypoxiaRequiringOxygen: text(
    '低氧需要吸氧:请开始吸氧并重新分级',
    'hypoxia requiring oxygen: start oxygen and regrade',
  ),
  hypoxiaMechanicalVentilation: text(
    '低氧:气管插管和机械通气',
    'hypoxia: intubation and mechanical ventilation',
  ),

  // ---- notes ----
  feverThresholdT3: text(
    '发热阈值采用体温 ≥ 38.0 ℃(ASTCT;共识正文"体温≥38℃");共识表3印为"体温 > 38℃"',
    `Fever threshold used: ≥ 38.0 °C (ASTCT; consensus §7.1 text "≥ 38 °C"); consensus table T3 prints "${PRINTED_VALUES.feverThresholdT3}"`,
  ),
  spo2BelowRoomAir: text(
    '室内空气下血氧饱和度 < 90%(共识定义低氧为动脉血氧饱和度 < 90%):需要吸氧。低氧按所需的氧疗分级(表3"需要低流量吸氧"):有发热或已接受退热/抗细胞因子治疗时至少为2级;开始吸氧后请按实际氧疗方式重新分级',
    'SpO2 < 90 % on room air (§7.1 defines hypoxia as SaO2 < 90 %): oxygen is required. Hypoxia is graded by the support it requires (T3 "requiring low-flow oxygen"): with fever, or after antipyretic or anti-cytokine therapy, at least grade 2; once oxygen is started, regrade by the support given',
  ),
  grade3HypotensionT3: text(
    `3级低血压按ASTCT"需要一种升压药(伴或不伴血管加压素)"分级;共识表3的3级低血压栏印为"${PRINTED_VALUES.crsGrade3HypotensionT3}",与2级重叠`,
    'Grade 3 hypotension follows ASTCT ("requiring one vasopressor, with or without vasopressin"); the consensus T3 grade-3 hypotension cell prints "requiring one or no vasopressor", which overlaps grade 2',
  ),
  organToxicitySeparate: text(
    '器官毒性按CTCAE单独分级,不改变CRS分级;具体参照NCCN免疫治疗相关毒性管理',
    'Organ toxicity is graded separately (CTCAE) and does not change the CRS grade; manage per the NCCN immunotherapy toxicity guideline',
  ),

  // ---- CRS-T4-1..4 management (T4) and §7.1 ----
  t4Grade1: text(
    '密切监护,支持治疗,评估感染,检测体液平衡,按需使用解热镇痛药物',
    'Close monitoring, supportive care, evaluate for infection, monitor fluid balance, antipyretics/analgesics as needed',
  ),
  t4Grade2: text(
    '密切监护,支持治疗,监测心脏和其他脏器功能,老年或合并并发症的患者可使用托珠单抗和(或)糖皮质激素',
    'Close monitoring, supportive care, monitor cardiac and other organ function; elderly patients or those with comorbidities may receive tocilizumab and/or corticosteroids',
  ),
  t4Grade2Tocilizumab: text(
    '老年或合并并发症的患者可使用托珠单抗',
    'Elderly patients or those with comorbidities may receive tocilizumab',
  ),
  t4Grade3: text(
    '密切监护,支持治疗,使用托珠单抗和(或)糖皮质激素',
    'Close monitoring, supportive care, tocilizumab and/or corticosteroids',
  ),
  t4Grade3Dexamethasone10: text(
    '在托珠单抗静脉输注1~2次后低血压持续存在时,地塞米松可以每6 h 10 mg 静脉滴注',
    'If hypotension persists after 1–2 tocilizumab infusions: dexamethasone 10 mg IV every 6 h',
  ),
  t4Grade3Dexamethasone20: text(
    '如为难治性,地塞米松增加至每6 h 20 mg 静脉滴注',
    'If refractory: increase dexamethasone to 20 mg IV every 6 h',
  ),
  t4Grade4: text(
    '密切监护,支持治疗,使用托珠单抗和(或)糖皮质激素',
    'Close monitoring, supportive care, tocilizumab and/or corticosteroids',
  ),
  t4Grade4Methylprednisolone: text(
    '可予甲泼尼龙1 g/d 静脉输注',
    'Methylprednisolone 1 g/day IV may be given',
  ),
  tocilizumab: text('托珠单抗', 'Tocilizumab'),
  severeCrsGeneral: text(
    '托珠单抗和糖皮质激素是治疗严重或危及生命CRS的主要药物,可根据不同CAR-T细胞产品的安全性推荐,适时应用托珠单抗和(或)糖皮质激素(包括一线应用);在症状消失之前,应密切监测CRS患者的心脏和其他器官功能,同时考虑重症监护和积极支持治疗',
    "Tocilizumab and corticosteroids are the main drugs for severe or life-threatening CRS and may be given first-line per the product's safety recommendation; until symptoms resolve, monitor cardiac and other organ function and consider intensive care and aggressive support",
  ),

  // ---- steroid doses (T4, T5) ----
  everySixHoursIv: text('每6 h 1次,静脉滴注', 'every 6 h, IV'),
  everyTwelveHoursIv: text('每12 h 1次,静脉滴注', 'every 12 h, IV'),
  oncePerDayIv: text('每日1次(1 g/d),静脉输注', 'once daily (1 g/day), IV'),
  fixedDoseBasis: (mg: number): LocalizedText => text(`固定剂量 ${mg} mg`, `fixed dose ${mg} mg`),
  highDoseMethylprednisoloneBasis: text(
    '大剂量激素:甲泼尼龙 1 g/d = 1000 mg',
    'high-dose steroid: methylprednisolone 1 g/day = 1000 mg',
  ),
  perKgBasis: (mgPerKg: number, weightKg: number, mg: number): LocalizedText =>
    text(
      `按体重计算:${mgPerKg} mg/kg × ${weightKg} kg = ${mg} mg`,
      `${mgPerKg} mg/kg × ${weightKg} kg = ${mg} mg`,
    ),
  methylprednisolonePerKgNeedsWeight: text(
    '甲泼尼龙 1 mg/kg,每12 h 1次,静脉滴注:需要体重(weightKg)以计算剂量',
    'Methylprednisolone 1 mg/kg IV every 12 h: needs weightKg to compute the dose',
  ),

  // ---- CRS-S1 suspicion ----
  suspicionFever: text('发热,体温 ≥ 38 ℃', 'fever, temperature ≥ 38 °C'),
  suspicionHypotension: text('低血压,收缩压 < 90 mmHg', 'hypotension, systolic BP < 90 mmHg'),
  suspicionHypoxia: text('血氧饱和度 < 90%', 'oxygen saturation < 90 %'),
  suspicionOrganToxicity: text('出现器官毒性', 'organ toxicity'),
  suspicionNoSign: text(
    '无发热(≥ 38 ℃)、低血压(收缩压 < 90 mmHg)、低氧(< 90%)或器官毒性',
    'no fever ≥ 38 °C, systolic BP < 90 mmHg, oxygen saturation < 90 % or organ toxicity',
  ),
  suspectedWithin3Weeks: (day: number): LocalizedText =>
    text(
      `输注后第${day}天(3周内)出现CRS症状或体征之一:应考虑CRS`,
      `Day ${day} after infusion (within 3 weeks), a CRS sign: consider CRS`,
    ),
  suspectedWeeks3To4: (day: number): LocalizedText =>
    text(
      `输注后第${day}天(已超过3周)出现CRS症状或体征之一:仍可能为CRS,迟发CRS可能,需警惕`,
      `Day ${day} after infusion (beyond 3 weeks), a CRS sign: late CRS possible, stay alert`,
    ),
  suspectedAfter4Weeks: (day: number): LocalizedText =>
    text(
      `输注后第${day}天(4周后)出现CRS症状或体征之一:CRS也可迟至4周后发生,迟发CRS可能,仍要警惕`,
      `Day ${day} after infusion (after 4 weeks), a CRS sign: late CRS possible (CRS can start after 4 weeks), stay alert`,
    ),
  notSuspected: (day: number): LocalizedText =>
    text(`输注后第${day}天:无CRS症状或体征`, `Day ${day} after infusion: no CRS sign`),
  exclusions: text(
    '上述表现均为非特异性,诊断CRS必须排除其他并发症,包括感染、肿瘤溶解综合征及过敏反应等',
    'These signs are non-specific: diagnose CRS only after excluding infection, tumour lysis syndrome and allergic reaction',
  ),

  // ---- CRS-HLH ----
  hlhFeverNotImproved: text('一线干预后发热无改善', 'fever not improved since first-line intervention'),
  hlhEndOrganNotImproved: text(
    '一线干预后终末器官毒性(如缺氧、低血压)无改善',
    'end-organ toxicity (hypoxia, hypotension) not improved since first-line intervention',
  ),
  hlhImprovedOrAbsent: text(
    '发热及终末器官毒性已改善或不存在',
    'fever and end-organ toxicity improved or absent',
  ),
  hlhHoursSinceIntervention: (hours: number): LocalizedText =>
    text(`距一线干预 ${hours} h`, `${hours} h since first-line intervention`),
  hlhSuspected: text(
    '一线干预后12 h内发热、终末器官毒性(如缺氧、低血压)等无改善:需警惕并发噬血细胞性淋巴组织细胞增生症/巨噬细胞活化综合征(HLH/MAS)',
    'Fever or end-organ toxicity (hypoxia, hypotension) not improved within 12 h of first-line intervention: suspect haemophagocytic lymphohistiocytosis / macrophage activation syndrome (HLH/MAS)',
  ),
  hlhRecheck: (dueAt: string): LocalizedText =>
    text(
      `尚未改善,但距一线干预未满12 h:请于 ${dueAt} 再次评估,届时仍无改善需警惕HLH/MAS`,
      `Not yet improved, less than 12 h since first-line intervention: reassess at ${dueAt}; if still not improved then, suspect HLH/MAS`,
    ),
  hlhNoAlert: text('目前无HLH/MAS警示', 'No HLH/MAS alert'),
} as const;
