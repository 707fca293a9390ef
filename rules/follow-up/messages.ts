import type { LocalizedText } from '../core/index.ts';
import type { FollowUpPhase } from './schedule.ts';

export const messages = {
  // FU-1
  visitLabel: (phase: FollowUpPhase, value: number): LocalizedText => {
    switch (phase) {
      case 'EARLY':
        return {
          zh: `CAR-T细胞治疗后第${value}天:评估疾病的缓解状况和不良反应`,
          en: `Day ${value} after infusion: response and adverse effects`,
        };
      case 'MONTHLY':
        return {
          zh: `第${value}个月:半年内每月评估一次(缓解状况和不良反应)`,
          en: `Month ${value}: monthly assessment to month 6 (response and adverse effects)`,
        };
      case 'EVERY_2_MONTHS':
        return {
          zh: `第${value}个月:6~12个月每2个月评估一次(缓解状况和不良反应)`,
          en: `Month ${value}: every 2 months in months 6–12 (response and adverse effects)`,
        };
      case 'YEAR_2':
        return {
          zh: `第${value}个月:第二年每3个月进行一次全面评估`,
          en: `Month ${value}: comprehensive assessment, every 3 months in year 2`,
        };
      case 'YEAR_3_ON':
        return {
          zh: `第${value}个月:第三年(及以后)每3~6个月或根据临床情况进行全面评估`,
          en: `Month ${value}: comprehensive assessment, every 3–6 months or as clinically indicated from year 3`,
        };
    }
  },
  followUpScope: {
    zh: '随访应包括以下三个方面内容:原发病持续缓解情况、远期不良反应及感染的防治',
    en: 'follow-up covers three things: continued remission, late adverse effects, and infection prevention',
  },
  suspectedProgression: {
    zh: '对于考虑疾病进展的患者应立即予以评估',
    en: 'assess immediately whenever progression is suspected',
  },
  year3Interval: {
    zh: '第三年起按每3个月列出随访日期;共识为每3~6个月或根据临床情况',
    en: 'from year 3 visits are listed every 3 months; the consensus says every 3–6 months or as clinically indicated',
  },
  // FU-2
  visitTests: {
    zh: '随访评估的指标包括M蛋白定量、血清蛋白电泳、免疫固定电泳及游离轻链检测、骨髓细胞学、MRD(共识列出的评估指标,并非每次随访均需全部检查;骨髓细胞学及MRD根据临床需要)',
    en: 'follow-up assessment indicators (§10 lists them; not every item at every visit): M-protein quantification, serum protein electrophoresis, immunofixation, serum free light chains, bone-marrow cytology and MRD as clinically indicated',
  },
  // FU-3
  emdImaging: {
    zh: '有髓外病变患者还需完善相关影像学检查,包括皮肤、软组织、淋巴结、肝、脾及中枢神经系统MRI,必要时行PET-CT检查',
    en: 'with extramedullary disease, add imaging: skin, soft tissue, lymph nodes, liver, spleen and CNS MRI; PET-CT when needed',
  },
  emdTiming: {
    zh: '伴髓外病变者,建议在CAR-T细胞治疗1个月后评估髓外病变,MRI、CT或X线均可作为评估手段,3个月后可考虑PET-CT评估',
    en: 'assess extramedullary disease 1 month after CAR-T by MRI, CT or X-ray; PET-CT may be considered after 3 months',
  },
  emdTimingDates: (oneMonth: string, threeMonths: string): LocalizedText => ({
    zh: `髓外病变评估:${oneMonth}起(治疗1个月后)可用MRI、CT或X线;${threeMonths}起(3个月后)可考虑PET-CT`,
    en: `extramedullary disease: MRI, CT or X-ray from ${oneMonth} (1 month); PET-CT may be considered from ${threeMonths} (3 months)`,
  }),
  emdNeeded: {
    zh: '需要明确是否有髓外病变(决定影像学随访)',
    en: 'needs whether there is extramedullary disease (it decides imaging follow-up)',
  },
  // FU-4
  infectionPrevention: {
    zh: '感染防治参见"七、CAR-T细胞治疗相关毒副作用管理"中感染防治和低免疫球蛋白血症管理',
    en: 'infection prevention per §7.3 (infection) and §7.4 (hypogammaglobulinaemia)',
  },
  // FU-5
  biosafety: {
    zh: '所有接受以病毒为载体制备CAR-T细胞治疗的患者,均需监测远期生物安全性',
    en: 'every patient treated with a viral-vector CAR-T product needs long-term biosafety monitoring',
  },
  viralVectorNeeded: {
    zh: '需要明确CAR-T细胞产品是否以病毒为载体制备(决定远期生物安全性监测)',
    en: 'needs whether the CAR-T product was made with a viral vector (it decides long-term biosafety monitoring)',
  },
} as const;
