import { cite } from '../core/index.ts';
import type { RuleDefinition } from '../core/index.ts';

/** IG-1 … IG-4: B-cell aplasia and hypogammaglobulinaemia (§7.4). */
export const definitions: readonly RuleDefinition[] = [
  {
    id: 'IG-1',
    summary: {
      zh: 'CAR-T细胞治疗后3个月内每月监测血清IgG',
      en: 'monthly serum IgG for the first 3 months after infusion',
    },
    citation: cite('§7.4'),
  },
  {
    id: 'IG-2',
    summary: { zh: '血清IgG<4 g/L:丙种球蛋白替代治疗', en: 'IgG < 4 g/L: IVIG replacement' },
    citation: cite('§7.4'),
  },
  {
    id: 'IG-3',
    summary: {
      zh: '血清IgG 4~6 g/L且并发感染:丙种球蛋白替代治疗',
      en: 'IgG 4–6 g/L with infection: IVIG replacement',
    },
    citation: cite('§7.4'),
  },
  {
    id: 'IG-4',
    summary: {
      zh: '血清IgG>6 g/L且并发感染:评估IgG、IgA、IgM及B细胞数量',
      en: 'IgG > 6 g/L with infection: measure IgG, IgA, IgM and B cells',
    },
    citation: cite('§7.4'),
  },
];
