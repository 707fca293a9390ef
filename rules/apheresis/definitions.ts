import { cite } from '../core/index.ts';
import type { RuleDefinition } from '../core/index.ts';

/** APH-1 … APH-7: lymphocyte collection (§3). */
export const definitions: readonly RuleDefinition[] = [
  {
    id: 'APH-1',
    summary: {
      zh: 'HGB>80 g/L(因疾病进展所致贫血时非绝对限制)',
      en: 'HGB > 80 g/L (not absolute when due to progression)',
    },
    citation: cite('§3'),
  },
  {
    id: 'APH-2',
    summary: {
      zh: 'PLT>50×10⁹/L(因疾病进展所致血小板减少时非绝对限制)',
      en: 'PLT > 50 × 10⁹/L (not absolute when due to progression)',
    },
    citation: cite('§3'),
  },
  {
    id: 'APH-3',
    summary: { zh: '淋巴细胞绝对计数>500/μl或CD3⁺淋巴细胞>150/μl', en: 'ALC > 500/µL or CD3⁺ > 150/µL' },
    citation: cite('§3'),
  },
  {
    id: 'APH-4',
    summary: { zh: '淋巴细胞采集量一般为(60~600)×10⁶/kg', en: 'usual yield (60–600) × 10⁶/kg' },
    citation: cite('§3'),
  },
  {
    id: 'APH-5',
    summary: {
      zh: '采集前洗脱期:8周/2周/1周/72 h,给出各药物及总体最早采集时间',
      en: 'washout before collection (8 weeks / 2 weeks / 1 week / 72 h): earliest collection per drug and overall',
    },
    citation: cite('§3'),
  },
  {
    id: 'APH-6',
    summary: {
      zh: '既往苯达莫司汀或氟达拉滨:自体CAR-T细胞制备失败可能性增加',
      en: 'prior bendamustine or fludarabine: higher risk of manufacturing failure',
    },
    citation: cite('§3'),
  },
  {
    id: 'APH-7',
    summary: {
      zh: '高危或需应用来那度胺者可考虑提前采集淋巴细胞以备用',
      en: 'high risk or lenalidomide needed: consider early collection and storage',
    },
    citation: cite('§3'),
  },
];
