import { describe, expect, it } from 'vitest';
import { localizationProblems } from '../core/index.ts';
import { definitions } from './definitions.ts';
import { ELIGIBILITY_RULE_IDS } from './result.ts';

describe('eligibility definitions', () => {
  it('define every rule id once, in order, with a bilingual summary and a consensus citation', () => {
    expect(definitions.map((d) => d.id)).toEqual([...ELIGIBILITY_RULE_IDS]);
    expect(localizationProblems(definitions)).toEqual([]);
    for (const definition of definitions) {
      expect(definition.citation.source).toBe('cn-mm-cart-2022');
      expect(definition.citation.section).toMatch(/^§\d/);
    }
  });
});
