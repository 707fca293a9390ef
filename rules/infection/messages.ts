import type { LocalizedText } from '../core/index.ts';
import type { InfectionPhase } from './schemas.ts';

const PHASE: Readonly<Record<InfectionPhase, LocalizedText>> = {
  BEFORE_LYMPHODEPLETION: {
    zh: '阶段:CAR-T细胞治疗前(预处理开始前)',
    en: 'phase: before CAR-T (before lymphodepletion)',
  },
  FROM_LYMPHODEPLETION_START: {
    zh: '阶段:预处理开始后、CAR-T细胞输注前',
    en: 'phase: from the start of lymphodepletion to infusion',
  },
  AFTER_INFUSION: { zh: '阶段:CAR-T细胞输注后', en: 'phase: after CAR-T infusion' },
};

export const messages = {
  phase: (phase: InfectionPhase): LocalizedText => PHASE[phase],
  // INFX-1
  screening: {
    zh: 'CAR-T细胞治疗前需全面筛查(包括但不限于人类免疫缺陷病毒、丙型肝炎病毒、乙型肝炎病毒、巨细胞病毒、结核分枝杆菌等)并控制活动性感染',
    en: 'before CAR-T: full screening (at least HIV, HCV, HBV, CMV and Mycobacterium tuberculosis) and control of any active infection',
  },
  // INFX-2
  antiviral: {
    zh: '预处理开始时予阿昔洛韦或伐昔洛韦,用药时间根据免疫功能恢复情况确定',
    en: 'from the start of lymphodepletion: acyclovir or valacyclovir, continued according to immune recovery',
  },
  // INFX-3
  neutropeniaProphylaxis: {
    zh: '输注CAR-T细胞至粒细胞恢复前给予诺氟沙星、三唑类抗真菌药及复方磺胺甲噁唑片等预防感染',
    en: 'from infusion until neutrophil recovery: norfloxacin, a triazole antifungal and trimethoprim-sulfamethoxazole as prophylaxis',
  },
  neutrophilsRecovered: {
    zh: '粒细胞已恢复:诺氟沙星及三唑类抗真菌药预防可停止(卡氏肺囊虫预防仍需满3个月)',
    en: 'neutrophils recovered: norfloxacin and antifungal prophylaxis can stop (Pneumocystis prophylaxis continues to 3 months)',
  },
  recoveryNeeded: {
    zh: '需要明确粒细胞是否已恢复(决定抗细菌、抗真菌预防是否继续)',
    en: 'needs whether neutrophils have recovered (decides whether antibacterial and antifungal prophylaxis continues)',
  },
  pjp: {
    zh: '卡氏肺囊虫感染预防至少3个月',
    en: 'Pneumocystis prophylaxis for at least 3 months',
  },
  pjpUntil: (date: string): LocalizedText => ({
    zh: `卡氏肺囊虫感染预防至少3个月:至少至${date}`,
    en: `Pneumocystis prophylaxis for at least 3 months: until at least ${date}`,
  }),
  // INFX-4
  severeNeutropenia: (anc: number): LocalizedText => ({
    zh: `中性粒细胞 ${anc}×10⁹/L(3~4度粒细胞缺乏):有条件者可隔离保护,同时应用粒细胞集落刺激因子(G-CSF)`,
    en: `ANC ${anc} × 10⁹/L (grade 3–4 neutropenia): protective isolation where possible, and G-CSF`,
  }),
  // INFX-5
  treatInfection: {
    zh: '感染治疗可参考《中国中性粒细胞缺乏伴发热患者抗菌药物临床应用指南(2016年版)》进行管理',
    en: 'treat infection per the 2016 Chinese guideline on antibiotics in febrile neutropenia',
  },
  infectionEpidemiology: {
    zh: '感染常与CRS同时发生:BCMA CAR-T细胞治疗MM时57.4%的患者并发感染,病原体依次为细菌(57%)、病毒(18%)、真菌(16%)、支原体(7%)及其他(2%)',
    en: 'infection often occurs with CRS: 57.4 % infected in one BCMA series; pathogens bacteria 57 %, viruses 18 %, fungi 16 %, mycoplasma 7 %, other 2 %',
  },
  noDoses: {
    zh: '共识未给出预防用药的剂量:按本院规范',
    en: 'the consensus gives no prophylaxis doses: follow the local protocol',
  },
} as const;
