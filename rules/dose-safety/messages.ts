/**
 * Every user-facing dose-plausibility text (TOCI-5) in zh-CN and English. The doses quoted are the
 * consensus' own (T4 note, T4, T5).
 */
import { text } from '../core/index.ts';
import type { LocalizedText } from '../core/index.ts';
import type { DoseDrug, DoseRoute } from './schemas.ts';

export const DRUG_NAMES: Readonly<Record<DoseDrug, LocalizedText>> = {
  TOCILIZUMAB: text('托珠单抗', 'tocilizumab'),
  DEXAMETHASONE: text('地塞米松', 'dexamethasone'),
  METHYLPREDNISOLONE: text('甲泼尼龙', 'methylprednisolone'),
  ANTIPYRETIC: text('解热药', 'antipyretic'),
  LEVETIRACETAM: text('左乙拉西坦', 'levetiracetam'),
  IVIG: text('静脉注射免疫球蛋白', 'IVIG'),
  G_CSF: text('粒细胞集落刺激因子(G-CSF)', 'G-CSF'),
};

export const ROUTE_NAMES: Readonly<Record<DoseRoute, LocalizedText>> = {
  IV: text('静脉(IV)', 'IV'),
  PO: text('口服(PO)', 'oral (PO)'),
  SC: text('皮下(SC)', 'subcutaneous (SC)'),
};

export const messages = {
  tocilizumabCap: text('托珠单抗单次剂量不超过800 mg', 'TOCI-1: single dose at most 800 mg'),
  dexamethasoneBasis: text(
    '表4/表5:地塞米松10 mg每6 h静脉滴注,难治者增加至20 mg每6 h',
    'T4/T5: dexamethasone 10 mg IV every 6 h, 20 mg every 6 h if refractory',
  ),
  methylprednisoloneBasis: text(
    '表5:甲泼尼龙1 mg/kg每12 h静脉滴注;表4/表5 4级:甲泼尼龙1 g/d静脉输注',
    'T5: methylprednisolone 1 mg/kg IV every 12 h; T4/T5 grade 4: 1 g/day IV',
  ),
  aboveComputedDose: (
    drug: LocalizedText,
    mg: number,
    computedMg: number,
    basis: LocalizedText,
  ): LocalizedText =>
    text(
      `${drug.zh} ${mg} mg 高于为该患者计算的剂量 ${computedMg} mg(${basis.zh})`,
      `${drug.en} ${mg} mg is above the dose computed for this patient, ${computedMg} mg (${basis.en})`,
    ),
  aboveCap: (drug: LocalizedText, mg: number, capMg: number, basis: LocalizedText): LocalizedText =>
    text(
      `${drug.zh} ${mg} mg 超过单次剂量上限 ${capMg} mg(${basis.zh})`,
      `${drug.en} ${mg} mg is above the single-dose cap of ${capMg} mg (${basis.en})`,
    ),
  wrongRoute: (drug: LocalizedText, route: LocalizedText): LocalizedText =>
    text(
      `${drug.zh}给药途径为${route.zh}:规则计算的剂量仅为静脉给药(IV)`,
      `${drug.en} by ${route.en}: the dose the rules compute is given IV only`,
    ),
  plausible: (drug: LocalizedText, mg: number, limitMg: number): LocalizedText =>
    text(
      `${drug.zh} ${mg} mg 静脉给药:不超过规则计算的剂量(${limitMg} mg)`,
      `${drug.en} ${mg} mg IV: within the dose the rules compute (${limitMg} mg)`,
    ),
  overrideNeeded: text(
    '记录此剂量需要填写超越理由(TOCI-5);填写理由后予以记录,保存理由并发出ESC-DOSE警报',
    'recording this dose needs an override reason (TOCI-5); with a reason it is recorded, the reason kept, and ESC-DOSE raised',
  ),
  notComputed: (drug: LocalizedText): LocalizedText =>
    text(`${drug.zh}的剂量不由本规则计算,未核对`, `${drug.en}: dose not computed by the rules; not checked`),
} as const;
