import type { LocalizedText } from '../core/index.ts';
import type { ResponseCategory } from './schemas.ts';

const CATEGORY: Readonly<Record<ResponseCategory, LocalizedText>> = {
  sCR: { zh: '严格意义的完全缓解(sCR)', en: 'stringent complete response (sCR)' },
  CR: { zh: '完全缓解(CR)', en: 'complete response (CR)' },
  VGPR: { zh: '非常好的部分缓解(VGPR)', en: 'very good partial response (VGPR)' },
  PR: { zh: '部分缓解(PR)', en: 'partial response (PR)' },
  MR: { zh: '微小缓解(MR)', en: 'minimal response (MR)' },
  SD: { zh: '疾病稳定(SD)', en: 'stable disease (SD)' },
  PD: { zh: '疾病进展(PD)', en: 'progressive disease (PD)' },
};

export const messages = {
  category: (category: ResponseCategory): LocalizedText => CATEGORY[category],
  criteria: {
    zh: 'CAR-T细胞治疗后采用国际骨髓瘤工作组(IMWG)和《中国MM诊治指南(2022年修订)》进行疗效评估',
    en: 'assess response by the IMWG criteria and the 2022 Chinese multiple myeloma guideline',
  },
  timing: {
    zh: '大部分对治疗有效的患者1个月内获得骨髓MRD转阴(流式细胞术),但免疫固定电泳转阴或轻链比例正常需要更长时间,部分患者甚至在6个月时才能达到最佳疗效',
    en: 'most responders become bone-marrow MRD negative (flow cytometry) within 1 month; immunofixation negativity or FLC-ratio normalisation take longer, and the best response may take 6 months',
  },
  timingDates: (mrdBy: string, bestBy: string): LocalizedText => ({
    zh: `骨髓MRD(流式细胞术)评估:约${mrdBy}(输注后1个月);最佳疗效可能至${bestBy}(输注后6个月)才达到`,
    en: `bone-marrow MRD (flow cytometry) around ${mrdBy} (1 month after infusion); best response may not be reached before ${bestBy} (6 months)`,
  }),
  mayDeepen: (category: ResponseCategory, bestBy: string): LocalizedText => ({
    zh: `${CATEGORY[category].zh}:输注后未满6个月,疗效可能继续加深(部分患者在6个月时才能达到最佳疗效,至${bestBy})`,
    en: `${CATEGORY[category].en}: less than 6 months after infusion, the response may still deepen (best response may take until ${bestBy})`,
  }),
  progression: {
    zh: '疾病进展:应立即予以评估,并参照"九、复发或进展后挽救性治疗"',
    en: 'progression: assess immediately and see the salvage options for relapse or progression (§9)',
  },
} as const;
