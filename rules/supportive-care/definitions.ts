import { cite } from '../core/index.ts';
import type { RuleDefinition } from '../core/index.ts';

/** ORG-1, CYTO-1, OTH-1: organ damage, cytopenias and other toxicities (§7.5–§7.7). */
export const definitions: readonly RuleDefinition[] = [
  {
    id: 'ORG-1',
    summary: {
      zh: '重要脏器损伤(心脏受损和消化道出血风险最大)参照NCCN免疫治疗相关毒性管理,不改变CRS分级',
      en: 'organ toxicity (heart and GI bleeding riskiest) per NCCN immunotherapy-toxicity guideline; does not change the CRS grade',
    },
    citation: cite('§7.5'),
  },
  {
    id: 'CYTO-1',
    summary: {
      zh: '骨髓抑制按CTCAE v5分级(粒细胞3级<1.0、4级<0.5×10⁹/L;血小板3级<50、4级<25×10⁹/L;血红蛋白3级<80 g/L),应积极对症支持治疗',
      en: 'cytopenias graded by CTCAE v5 (ANC G3 < 1.0, G4 < 0.5; PLT G3 < 50, G4 < 25 × 10⁹/L; Hb G3 < 80 g/L); treat actively',
    },
    citation: cite('§7.6'),
  },
  {
    id: 'OTH-1',
    summary: {
      zh: '其他不良反应:凝血功能异常、肿瘤溶解综合征、HLH/MAS',
      en: 'other toxicities to watch: coagulopathy, tumour lysis syndrome, HLH/MAS',
    },
    citation: cite('§7.7'),
  },
];
