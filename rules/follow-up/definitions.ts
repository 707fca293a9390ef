import { cite } from '../core/index.ts';
import type { RuleDefinition } from '../core/index.ts';

/** FU-1 … FU-5: follow-up (§10). */
export const definitions: readonly RuleDefinition[] = [
  {
    id: 'FU-1',
    summary: {
      zh: '随访:14 d、28 d,半年内每月,6~12个月每2个月,第二年每3个月,第三年起每3~6个月或根据临床情况',
      en: 'visits: day 14, day 28, monthly to month 6, every 2 months to 12, every 3 months in year 2, every 3–6 months from year 3',
    },
    citation: cite('§10'),
  },
  {
    id: 'FU-2',
    summary: {
      zh: '随访评估指标(并非每次随访均需全部检查):M蛋白定量、血清蛋白电泳、免疫固定电泳、游离轻链、骨髓细胞学及MRD根据临床需要',
      en: 'follow-up indicators, not every item at every visit: M-protein, SPEP, immunofixation, free light chains, marrow cytology and MRD as clinically indicated',
    },
    citation: cite('§10'),
  },
  {
    id: 'FU-3',
    summary: {
      zh: '髓外病变:1个月后MRI、CT或X线评估,3个月后可考虑PET-CT',
      en: 'extramedullary disease: MRI, CT or X-ray after 1 month; PET-CT after 3 months',
    },
    citation: cite('§10'),
  },
  {
    id: 'FU-4',
    summary: {
      zh: '感染防治参照感染及低免疫球蛋白血症管理',
      en: 'infection prevention per the infection and hypogammaglobulinaemia rules',
    },
    citation: cite('§10'),
  },
  {
    id: 'FU-5',
    summary: {
      zh: '病毒载体制备的CAR-T:监测远期生物安全性',
      en: 'viral-vector CAR-T: long-term biosafety monitoring',
    },
    citation: cite('§10'),
  },
];
