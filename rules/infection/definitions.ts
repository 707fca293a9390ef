import { cite } from '../core/index.ts';
import type { RuleDefinition } from '../core/index.ts';

/** INFX-1 … INFX-5: infection (§7.3). */
export const definitions: readonly RuleDefinition[] = [
  {
    id: 'INFX-1',
    summary: {
      zh: 'CAR-T前全面筛查(HIV、HCV、HBV、CMV、结核分枝杆菌等)并控制活动性感染',
      en: 'before CAR-T: full screening (HIV, HCV, HBV, CMV, TB) and control of active infection',
    },
    citation: cite('§7.3'),
  },
  {
    id: 'INFX-2',
    summary: {
      zh: '预处理开始时予阿昔洛韦或伐昔洛韦,疗程依免疫功能恢复',
      en: 'from lymphodepletion start: acyclovir or valacyclovir, duration by immune recovery',
    },
    citation: cite('§7.3'),
  },
  {
    id: 'INFX-3',
    summary: {
      zh: '输注至粒细胞恢复前:诺氟沙星、三唑类抗真菌药、复方磺胺甲噁唑;卡氏肺囊虫预防至少3个月',
      en: 'infusion to neutrophil recovery: norfloxacin, triazole, TMP-SMX; Pneumocystis prophylaxis ≥ 3 months',
    },
    citation: cite('§7.3'),
  },
  {
    id: 'INFX-4',
    summary: {
      zh: '3~4度粒细胞缺乏:有条件者隔离保护,应用G-CSF',
      en: 'grade 3–4 neutropenia: protective isolation and G-CSF',
    },
    citation: cite('§7.3'),
  },
  {
    id: 'INFX-5',
    summary: {
      zh: '感染常与CRS同时发生;按《中国中性粒细胞缺乏伴发热患者抗菌药物临床应用指南(2016年版)》治疗',
      en: 'infection often accompanies CRS; treat per the 2016 Chinese febrile-neutropenia guideline',
    },
    citation: cite('§7.3'),
  },
];
