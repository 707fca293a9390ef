import type { LocalizedText } from '../core/index.ts';

export const messages = {
  // IG-1
  monthlyIgG: {
    zh: 'CAR-T细胞治疗后3个月内应每月监测患者血清IgG水平',
    en: 'check serum IgG monthly for the first 3 months after CAR-T infusion',
  },
  monthlyIgGDates: (dates: readonly string[]): LocalizedText => ({
    zh: `CAR-T细胞治疗后3个月内每月监测血清IgG:${dates.join('、')}`,
    en: `monthly serum IgG for the first 3 months: ${dates.join(', ')}`,
  }),
  // IG-2 / IG-3
  ivigLow: (igG: number): LocalizedText => ({
    zh: `血清IgG ${igG} g/L(<4 g/L):应用丙种球蛋白替代治疗`,
    en: `serum IgG ${igG} g/L (< 4 g/L): IVIG replacement`,
  }),
  ivigWithInfection: (igG: number): LocalizedText => ({
    zh: `血清IgG ${igG} g/L(4~6 g/L)且并发感染:应用丙种球蛋白替代治疗`,
    en: `serum IgG ${igG} g/L (4–6 g/L) with infection: IVIG replacement`,
  }),
  // IG-4
  evaluateImmunoglobulins: (igG: number): LocalizedText => ({
    zh: `血清IgG ${igG} g/L(>6 g/L)且并发感染:建议进一步评估各型免疫球蛋白水平(IgG、IgA及IgM)和B细胞数量`,
    en: `serum IgG ${igG} g/L (> 6 g/L) with infection: measure IgG, IgA, IgM and the B-cell count`,
  }),
  monitor: (igG: number): LocalizedText => ({
    zh: `血清IgG ${igG} g/L,无并发感染:继续监测`,
    en: `serum IgG ${igG} g/L without infection: continue monitoring`,
  }),
  infectionNeeded: (igG: number): LocalizedText => ({
    zh: `血清IgG ${igG} g/L:需要明确是否并发感染(决定是否替代治疗或进一步评估)`,
    en: `serum IgG ${igG} g/L: needs whether there is an infection (it decides IVIG or further evaluation)`,
  }),
  igGNeeded: { zh: '需要血清IgG', en: 'needs serum IgG' },
  bCellRecovery: {
    zh: 'BCMA单靶点治疗时B细胞恢复至基线的中位时间为79 d;BCMA/CD19双靶点治疗时低IgA和IgG持续时间甚至超过1年,可能增加感染机会',
    en: 'after BCMA CAR-T, B cells recover to baseline at a median of 79 days; with BCMA/CD19 dual targeting, low IgA and IgG can last more than a year and raise the risk of infection',
  },
  noIvigDose: {
    zh: '共识未给出丙种球蛋白剂量:按本院规范',
    en: 'the consensus gives no IVIG dose: follow the local protocol',
  },
} as const;
