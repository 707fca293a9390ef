import { buildEvaluation, cite } from '../core/index.ts';
import type { RuleEvaluation } from '../core/index.ts';
import { messages } from './messages.ts';

export const OTHER_TOXICITIES = ['COAGULOPATHY', 'TUMOUR_LYSIS_SYNDROME', 'HLH_MAS'] as const;

/** OTH-1 (§7.7): coagulopathy, tumour lysis syndrome and HLH/MAS are other toxicities to watch. */
export const otherToxicitiesToWatch = (): RuleEvaluation<readonly (typeof OTHER_TOXICITIES)[number][]> => {
  const citation = cite('§7.7');
  return buildEvaluation<readonly (typeof OTHER_TOXICITIES)[number][]>(OTHER_TOXICITIES, {
    recommendations: [{ ruleId: 'OTH-1', text: messages.otherToxicities, citation }],
  });
};
