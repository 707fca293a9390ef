import { describe, expect, it } from 'vitest';
import { cite } from './citation.ts';
import { buildEvaluation } from './evaluation.ts';
import { RULESET } from './ruleset.ts';

describe('buildEvaluation', () => {
  it('fills empty lists, the ruleset, and deduplicates citations in first-seen order', () => {
    const text = { zh: '监测', en: 'monitor' };
    const result = buildEvaluation('OK', {
      citations: [cite('§3'), cite('§10')],
      recommendations: [
        { ruleId: 'A', text, citation: cite('§10') },
        { ruleId: 'B', text, citation: cite('§7.3') },
      ],
    });
    expect(result).toEqual({
      outcome: 'OK',
      drivers: [],
      recommendations: [
        { ruleId: 'A', text, citation: cite('§10') },
        { ruleId: 'B', text, citation: cite('§7.3') },
      ],
      notes: [],
      citations: [cite('§3'), cite('§10'), cite('§7.3')],
      ruleset: RULESET.ref,
    });
    expect(buildEvaluation(1).citations).toEqual([]);
  });
});
