import { cite } from '../core/index.ts';
import type { RuleDefinition } from '../core/index.ts';

/** LD-1, LD-2: lymphodepletion (§4, T2). */
export const definitions: readonly RuleDefinition[] = [
  {
    id: 'LD-1',
    summary: {
      zh: '推荐氟达拉滨联合环磷酰胺预处理;环磷酰胺单药为可选方案',
      en: 'fludarabine + cyclophosphamide recommended; cyclophosphamide alone is an alternative',
    },
    citation: cite('§4'),
  },
  {
    id: 'LD-2',
    summary: {
      zh: '按表2各产品的预处理方案,依体表面积(Mosteller)或体重计算每日剂量(mg)',
      en: "each product's T2 regimen as a day-by-day plan in mg, from body-surface area (Mosteller) or weight",
    },
    citation: cite('§4 T2'),
  },
];
