import { cite } from '../core/index.ts';
import type { RuleDefinition } from '../core/index.ts';

/** RESP-1: response assessment (§6). */
export const definitions: readonly RuleDefinition[] = [
  {
    id: 'RESP-1',
    summary: {
      zh: '按IMWG及《中国MM诊治指南(2022年修订)》评估疗效(sCR、CR、VGPR、PR、MR、SD、PD);MRD多于1个月内转阴,最佳疗效可能需6个月',
      en: 'response by IMWG and the 2022 Chinese guideline (sCR … PD); MRD negativity within ~1 month, best response may take 6 months',
    },
    citation: cite('§6'),
  },
];
