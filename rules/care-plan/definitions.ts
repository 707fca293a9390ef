import { cite, text } from '../core/index.ts';
import type { RuleDefinition } from '../core/index.ts';

/** The care plan's own citation: product design, built on the rules each item cites. */
export const CARE_PLAN_CITATION = cite('Care plan', 'product-design');

/** PLAN-1, PLAN-2: the care plan (product design, built on INFX-1…3, INF-1, IG-1, FU-1). */
export const definitions: readonly RuleDefinition[] = [
  {
    id: 'PLAN-1',
    summary: text(
      '护理计划:按预处理开始日及输注日列出感染筛查与预防(INFX-1~3、INF-1)、IgG监测(IG-1)及随访(FU-1)的日期和当日状态;缺少日期时注明所需,不推测',
      'care plan: infection screening and prophylaxis (INFX-1–3, INF-1), IgG checks (IG-1) and follow-up visits (FU-1) dated from lymphodepletion and infusion, each with its status today; a missing date is named, never guessed',
    ),
    citation: CARE_PLAN_CITATION,
  },
  {
    id: 'PLAN-2',
    summary: text(
      '粒细胞恢复(INFX-3):输注后最近一次中性粒细胞计数 ≥ 1.0×10⁹/L(不再为3~4度粒细胞缺乏);恢复日期为该连续达标计数的首日',
      'neutrophil recovery (INFX-3): the latest count after infusion at ANC ≥ 1.0 × 10⁹/L (no longer grade 3–4 neutropenia); recovered since the first day of that unbroken run',
    ),
    citation: CARE_PLAN_CITATION,
  },
];
