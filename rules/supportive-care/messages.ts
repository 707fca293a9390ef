import type { LocalizedText } from '../core/index.ts';
import type { CytopeniaGrade, Lineage } from './cytopenia.ts';
import type { Organ } from './schemas.ts';

const LINEAGE: Readonly<Record<Lineage, LocalizedText>> = {
  NEUTROPHILS: { zh: '粒细胞减少', en: 'neutropenia' },
  PLATELETS: { zh: '血小板减少', en: 'thrombocytopenia' },
  HEMOGLOBIN: { zh: '贫血', en: 'anaemia' },
};

const GRADE: Readonly<Record<Exclude<CytopeniaGrade, 'UNKNOWN'>, LocalizedText>> = {
  GRADE_4: { zh: '4级', en: 'grade 4' },
  GRADE_3: { zh: '3级', en: 'grade 3' },
  BELOW_GRADE_3: { zh: '低于3级', en: 'below grade 3' },
};

const UNIT: Readonly<Record<Lineage, string>> = {
  NEUTROPHILS: '×10⁹/L',
  PLATELETS: '×10⁹/L',
  HEMOGLOBIN: 'g/L',
};
const LABEL: Readonly<Record<Lineage, string>> = { NEUTROPHILS: 'ANC', PLATELETS: 'PLT', HEMOGLOBIN: 'HGB' };

const ORGAN: Readonly<Record<Organ, LocalizedText>> = {
  CARDIAC: { zh: '心脏', en: 'heart' },
  GASTROINTESTINAL: { zh: '消化道', en: 'gastrointestinal tract' },
  HEPATIC: { zh: '肝脏', en: 'liver' },
  MUSCLE: { zh: '肌肉', en: 'muscle' },
  PANCREAS: { zh: '胰腺', en: 'pancreas' },
  OTHER: { zh: '其他脏器', en: 'other organ' },
};

export const messages = {
  // CYTO-1
  cytopeniaGrade: (
    lineage: Lineage,
    value: number,
    grade: Exclude<CytopeniaGrade, 'UNKNOWN'>,
  ): LocalizedText => ({
    zh: `${LABEL[lineage]} ${value} ${UNIT[lineage]}:${LINEAGE[lineage].zh}${GRADE[grade].zh}(CTCAE v5)`,
    en: `${LABEL[lineage]} ${value} ${UNIT[lineage].replace('×', '× ')}: ${LINEAGE[lineage].en} ${GRADE[grade].en} (CTCAE v5)`,
  }),
  treatActively: {
    zh: 'MM患者CAR-T细胞治疗较其他B细胞肿瘤有更严重的骨髓抑制,应积极行对症和支持治疗',
    en: 'marrow suppression after CAR-T is more severe in myeloma than in other B-cell malignancies: treat actively with symptomatic and supportive care',
  },
  neutropeniaIsolation: {
    zh: '发生3~4度粒细胞缺乏时,有条件者可隔离保护,同时应用粒细胞集落刺激因子(G-CSF)',
    en: 'grade 3–4 neutropenia: protective isolation where possible, and G-CSF',
  },
  karmmaRates: {
    zh: 'KarMMa研究显示,3~4级粒细胞、血小板减少和贫血的发生率分别为96%、63%、63%',
    en: 'in KarMMa, grade 3–4 neutropenia, thrombocytopenia and anaemia occurred in 96 %, 63 % and 63 %',
  },
  anaemiaGrade4Note: {
    zh: 'CTCAE v5中4级贫血以危及生命、需紧急干预定义,无血红蛋白界值;本规则仅按<80 g/L判定3级',
    en: 'CTCAE v5 defines grade 4 anaemia by life-threatening consequences, not a haemoglobin value; this rule grades < 80 g/L as grade 3',
  },
  countsNeeded: {
    zh: '需要至少一项血细胞计数(中性粒细胞、血小板或血红蛋白)',
    en: 'needs at least one blood count (neutrophils, platelets or haemoglobin)',
  },
  // ORG-1
  organInvolved: (organs: readonly Organ[]): LocalizedText => ({
    zh: `重要脏器受累:${organs.map((o) => ORGAN[o].zh).join('、')}`,
    en: `organ involvement: ${organs.map((o) => ORGAN[o].en).join(', ')}`,
  }),
  highestRiskOrgans: {
    zh: 'CRS发生过程中常伴重要脏器功能受累和损伤,其中心脏受损和消化道出血风险最大',
    en: 'organ involvement often accompanies CRS; cardiac injury and gastrointestinal bleeding carry the highest risk',
  },
  nccnOrganToxicity: {
    zh: '具体可参照NCCN免疫治疗相关毒性管理',
    en: 'manage per the NCCN guideline on immunotherapy-related toxicities',
  },
  organToxicitySeparate: {
    zh: '器官毒性单独分级(CTCAE),不改变CRS分级',
    en: 'organ toxicities are graded separately (CTCAE) and do not change the CRS grade',
  },
  // OTH-1
  otherToxicities: {
    zh: '其他治疗相关不良反应包括凝血功能异常、肿瘤溶解综合征、HLH/MAS等,具体可参照NCCN免疫治疗相关毒性管理和CAR-T细胞治疗毒性评估和管理',
    en: 'other treatment-related toxicities to watch: coagulopathy, tumour lysis syndrome and HLH/MAS; manage per the NCCN immunotherapy-toxicity guideline and CAR-T toxicity management guidance',
  },
} as const;
