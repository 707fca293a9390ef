import { text } from '../core/index.ts';
import type { RuleDefinition } from '../core/index.ts';
import { CRS_CITATIONS } from './citations.ts';

/** The CRS rules of §7.1 (T3, T4) with a one-line summary and where each comes from. */
export const crsDefinitions: readonly RuleDefinition[] = [
  {
    id: 'CRS-S1',
    summary: text(
      '输注后3周内出现发热(≥38℃)、收缩压<90 mmHg、血氧饱和度<90%或器官毒性之一即应考虑CRS,须排除感染、肿瘤溶解综合征及过敏反应;迟发CRS可能',
      'Suspect CRS after infusion on fever ≥ 38 °C, systolic BP < 90 mmHg, saturation < 90 % or organ toxicity; exclude infection, TLS and allergy; late CRS possible',
    ),
    citation: CRS_CITATIONS.section,
  },
  {
    id: 'CRS-GRADE',
    summary: text(
      'CRS分级(ASTCT):按低血压与低氧中较重者分为1~4级,须有发热;3级低血压按"需要一种升压药(伴或不伴血管加压素)",表3印为"需要一种或不需应用升压药"',
      'CRS grade (ASTCT): the more severe of hypotension and hypoxia, grades 1–4; fever required; grade 3 is "one vasopressor with or without vasopressin" (T3 prints "one or no vasopressor")',
    ),
    citation: CRS_CITATIONS.grading,
  },
  {
    id: 'CRS-G1',
    summary: text(
      '发热定义为体温 ≥ 38.0 ℃(表3印为 > 38℃)',
      'Fever is ≥ 38.0 °C inclusive (T3 prints "> 38 °C")',
    ),
    citation: CRS_CITATIONS.astctGrading,
  },
  {
    id: 'CRS-G2',
    summary: text(
      '接受退热或抗细胞因子治疗后,后续分级不再要求发热',
      'After antipyretic or anti-cytokine therapy fever is no longer required to grade CRS',
    ),
    citation: CRS_CITATIONS.astctGrading,
  },
  {
    id: 'CRS-G3',
    summary: text(
      '血管加压素不计为第二种升压药:去甲肾上腺素+血管加压素为3级,去甲肾上腺素+去氧肾上腺素为4级',
      'Vasopressin is not a second vasopressor: norepinephrine + vasopressin = grade 3, + phenylephrine = grade 4',
    ),
    citation: CRS_CITATIONS.astctGrading,
  },
  {
    id: 'CRS-G4',
    summary: text(
      '器官毒性按CTCAE单独分级,不改变CRS分级',
      'Organ toxicities are graded separately (CTCAE) and do not change the CRS grade',
    ),
    citation: CRS_CITATIONS.astctGrading,
  },
  {
    id: 'CRS-G5',
    summary: text(
      '无发热且未接受退热/抗细胞因子治疗:0级(无CRS),请考虑其他原因',
      'No fever and no prior antipyretic/anti-cytokine therapy: grade 0 (no CRS), consider other causes',
    ),
    citation: CRS_CITATIONS.astctGrading,
  },
  {
    id: 'CRS-G6',
    summary: text(
      '低氧按所需的氧疗分级(表3"需要低流量吸氧"):有发热(或已接受退热/抗细胞因子治疗)且室内空气下SpO2 < 90%、尚未吸氧 → 至少2级,"低氧需要吸氧:请开始吸氧并重新分级"',
      'Hypoxia is graded by the support it requires: febrile (or masked) with SpO2 < 90 % on room air and no oxygen started → at least grade 2, "hypoxia requiring oxygen: start oxygen and regrade"',
    ),
    citation: CRS_CITATIONS.grading,
  },
  {
    id: 'CRS-G7',
    summary: text(
      '矛盾的输入不予接受并明确报错:室内空气却有吸氧流量;正压通气设备流量超出0~80 L/min;使用升压药而"无低血压"不算矛盾',
      'Contradictory input is refused with a clear error: an oxygen flow on room air; a positive-pressure flow outside 0–80 L/min; a vasopressor with "no hypotension" is not a contradiction',
    ),
    citation: CRS_CITATIONS.grading,
  },
  {
    id: 'CRS-T4-1',
    summary: text(
      '1级CRS:密切监护,支持治疗,评估感染,检测体液平衡,按需解热镇痛',
      'CRS grade 1: monitoring, supportive care, infection work-up, fluid balance, antipyretics',
    ),
    citation: CRS_CITATIONS.management,
  },
  {
    id: 'CRS-T4-2',
    summary: text(
      '2级CRS:监测心脏和其他脏器功能;老年或合并并发症者可用托珠单抗和(或)糖皮质激素',
      'CRS grade 2: monitor organ function; elderly or comorbid patients may receive tocilizumab and/or corticosteroids',
    ),
    citation: CRS_CITATIONS.management,
  },
  {
    id: 'CRS-T4-3',
    summary: text(
      '3级CRS:托珠单抗和(或)糖皮质激素;托珠单抗1~2次后低血压持续:地塞米松10 mg每6 h,难治者20 mg每6 h',
      'CRS grade 3: tocilizumab and/or corticosteroids; persistent hypotension after 1–2 doses: dexamethasone 10 mg q6h, 20 mg q6h if refractory',
    ),
    citation: CRS_CITATIONS.management,
  },
  {
    id: 'CRS-T4-4',
    summary: text(
      '4级CRS:托珠单抗和(或)糖皮质激素,可予甲泼尼龙1 g/d静脉输注',
      'CRS grade 4: tocilizumab and/or corticosteroids; methylprednisolone 1 g/day IV may be given',
    ),
    citation: CRS_CITATIONS.management,
  },
  {
    id: 'CRS-HLH',
    summary: text(
      '一线干预后12 h内发热或终末器官毒性无改善:警惕HLH/MAS',
      'Fever or end-organ toxicity not improved 12 h after first-line intervention: suspect HLH/MAS',
    ),
    citation: CRS_CITATIONS.section,
  },
];
