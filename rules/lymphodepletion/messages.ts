import type { LocalizedText } from '../core/index.ts';
import type { LymphodepletionDrug } from './plan.ts';
import type { RegimenAssessment } from './regimen-choice.ts';

const DRUG: Readonly<Record<LymphodepletionDrug, LocalizedText>> = {
  fludarabine: { zh: '氟达拉滨', en: 'fludarabine' },
  cyclophosphamide: { zh: '环磷酰胺', en: 'cyclophosphamide' },
};

const ASSESSMENT: Readonly<Record<RegimenAssessment, LocalizedText>> = {
  RECOMMENDED: {
    zh: '氟达拉滨联合环磷酰胺:目前推荐采用的预处理方案',
    en: 'fludarabine + cyclophosphamide: the recommended lymphodepletion regimen',
  },
  ALTERNATIVE: {
    zh: '环磷酰胺单药:常用的预处理方案之一(目前推荐氟达拉滨联合环磷酰胺)',
    en: 'cyclophosphamide alone: a commonly used alternative (fludarabine + cyclophosphamide is recommended)',
  },
  NOT_IN_CONSENSUS: {
    zh: '该预处理方案不在共识列出的常用方案中(环磷酰胺联合氟达拉滨或环磷酰胺单药)',
    en: 'this regimen is not among those the consensus lists (cyclophosphamide with fludarabine, or cyclophosphamide alone)',
  },
};

export const messages = {
  drug: (drug: LymphodepletionDrug): LocalizedText => DRUG[drug],
  /** "30 mg/m² × 1.79 m² = 53.7 mg" / "20 mg/kg × 70 kg = 1400 mg" */
  arithmetic: (perUnit: string, amount: number, unit: 'm²' | 'kg', doseMg: number): LocalizedText => ({
    zh: `${perUnit} × ${amount} ${unit} = ${doseMg} mg(按${unit === 'kg' ? '体重' : '体表面积'}计算)`,
    en: `${perUnit} × ${amount} ${unit} = ${doseMg} mg (by ${unit === 'kg' ? 'body weight' : 'body-surface area'})`,
  }),
  doseOnDay: (drug: LymphodepletionDrug, doseMg: number, day: number, date: string): LocalizedText => ({
    zh: `${day} d(${date}):${DRUG[drug].zh} ${doseMg} mg 静脉输注`,
    en: `day ${day} (${date}): ${DRUG[drug].en} ${doseMg} mg IV`,
  }),
  onceOnDay: (day: number, date: string): LocalizedText => ({
    zh: `${day} d(${date})1次`,
    en: `once on day ${day} (${date})`,
  }),
  bodySurfaceArea: (heightCm: number, weightKg: number, bsa: number): LocalizedText => ({
    zh: `体表面积(Mosteller公式)√(${heightCm} cm × ${weightKg} kg / 3600) = ${bsa} m²`,
    en: `body-surface area (Mosteller) √(${heightCm} cm × ${weightKg} kg / 3600) = ${bsa} m²`,
  }),
  weightBasis: (weightKg: number): LocalizedText => ({
    zh: `体重 ${weightKg} kg(环磷酰胺按mg/kg计算)`,
    en: `body weight ${weightKg} kg (cyclophosphamide dosed per kg)`,
  }),
  regimenSource: (printedName: string, registryId: string): LocalizedText => ({
    zh: `按表2中${printedName}(${registryId})的预处理方案,CAR-T细胞输注日为0 d`,
    en: `regimen of ${printedName} (${registryId}) in table 2; CAR-T infusion is day 0`,
  }),
  noRenalAdjustment: {
    zh: '共识未给出预处理药物的肾功能剂量调整;如需调整,请依据药品说明书及本院规范,本系统不推算',
    en: 'the consensus gives no renal dose adjustment for lymphodepletion; none is invented here (follow the drug label and local protocol)',
  },
  regimenAssessment: (assessment: RegimenAssessment): LocalizedText => ASSESSMENT[assessment],
  fluCyRecommended: {
    zh: '常用的预处理方案包括环磷酰胺联合氟达拉滨或环磷酰胺单药等。目前推荐采用氟达拉滨联合环磷酰胺预处理方案',
    en: 'common lymphodepletion regimens are cyclophosphamide with fludarabine, or cyclophosphamide alone; fludarabine + cyclophosphamide is recommended',
  },
} as const;
