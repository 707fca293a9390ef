import { cite } from '../core/index.ts';
import type { RuleDefinition } from '../core/index.ts';

/** INF-1 … INF-5: CAR-T infusion (§5). */
export const definitions: readonly RuleDefinition[] = [
  {
    id: 'INF-1',
    summary: {
      zh: '输注前感染筛查与预防;既往中枢神经系统疾病者待控制后输注,可口服左乙拉西坦750 mg每12 h预防癫痫',
      en: 'before infusion: infection screening; prior CNS disease: infuse once controlled, levetiracetam 750 mg PO q12h',
    },
    citation: cite('§5.1'),
  },
  {
    id: 'INF-2',
    summary: {
      zh: '预处理化疗结束后1~2 d输注,最长不宜超过7 d(按末次预处理日与输注日之间的完整天数:1~2 d符合,3~7 d警告,> 7 d违反;0 d警告)',
      en: 'infuse 1–2 days after the end of lymphodepletion, never more than 7 (full days between: 1–2 OK, 3–7 warning, > 7 violation; 0 warning)',
    },
    citation: cite('§5.2'),
  },
  {
    id: 'INF-3',
    summary: {
      zh: 'ABECMA剂量(300~460)×10⁶;其他产品依其推荐剂量(表1为研究剂量)',
      en: 'ABECMA (300–460) × 10⁶ cells; other products per their own dose (T1 studied ranges)',
    },
    citation: cite('§5.2'),
  },
  {
    id: 'INF-4',
    summary: {
      zh: '输注前开始生命体征监测;不推荐输注前予糖皮质激素预防过敏',
      en: 'vital signs from before infusion; no corticosteroid premedication',
    },
    citation: cite('§5.2'),
  },
  {
    id: 'INF-5',
    summary: {
      zh: '输注后持续监测生命体征至CRS消失(≥2级时至≤1级),住院密切监测至少7~14 d,CRS时至少每4 h评估生命体征',
      en: 'monitor until CRS resolves (≥ 2: until ≤ 1), inpatient ≥ 7–14 days, vital signs at least every 4 h during CRS',
    },
    citation: cite('§5.3'),
  },
];
