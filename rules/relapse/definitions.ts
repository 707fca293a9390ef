import { cite } from '../core/index.ts';
import type { RuleDefinition } from '../core/index.ts';

/** REL-1 and its options REL-1.1 … REL-1.5: relapse or progression (§9). */
export const definitions: readonly RuleDefinition[] = [
  {
    id: 'REL-1',
    summary: {
      zh: '复发或进展后挽救性治疗参照《中国多发性骨髓瘤诊治指南(2022年修订)》;可尝试二次CAR-T',
      en: 'salvage per the 2022 Chinese myeloma guideline; a second CAR-T may be tried',
    },
    citation: cite('§9'),
  },
  {
    id: 'REL-1.1',
    summary: {
      zh: '靶抗原阳性复发:人源化/全人源BCMA CAR-T、双靶点或其他可检测靶点',
      en: 'antigen-positive relapse: humanised/fully human BCMA CAR-T, dual target or another target',
    },
    citation: cite('§9'),
  },
  {
    id: 'REL-1.2',
    summary: {
      zh: '靶抗原表达降低:联合γ分泌酶抑制剂',
      en: 'reduced antigen expression: add a γ-secretase inhibitor',
    },
    citation: cite('§9'),
  },
  {
    id: 'REL-1.3',
    summary: {
      zh: '靶抗原阴性:只能选择其他可检测靶抗原',
      en: 'antigen-negative: only another detectable target',
    },
    citation: cite('§9'),
  },
  {
    id: 'REL-1.4',
    summary: {
      zh: '更换不同共刺激分子的CAR-T细胞(CD28 ↔ 4-1BB):用于靶抗原阳性复发;靶抗原阴性时只能与其他靶点联合,不能再针对原靶点',
      en: 'switch co-stimulatory domain (CD28 ↔ 4-1BB): for antigen-positive relapse, or combined with another target when antigen-negative (never the same target)',
    },
    citation: cite('§9'),
  },
  {
    id: 'REL-1.5',
    summary: {
      zh: 'CAR-T持续时间短或扩增差:先评估T细胞功能,可延长洗脱期或尝试非自体CAR-T',
      en: 'short persistence or poor expansion: evaluate T-cell function; longer washout or non-autologous CAR-T',
    },
    citation: cite('§9'),
  },
];
