import { describe, expect, it } from 'vitest';
import { assessLymphodepletionRegimen } from './regimen-choice.ts';

describe('LD-1 regimen choice', () => {
  it.each([
    [true, true, 'RECOMMENDED', 0],
    [false, true, 'ALTERNATIVE', 1],
    [true, false, 'NOT_IN_CONSENSUS', 1],
    [false, false, 'NOT_IN_CONSENSUS', 1],
  ] as const)(
    'fludarabine %s, cyclophosphamide %s → %s',
    (fludarabine, cyclophosphamide, outcome, advice) => {
      const result = assessLymphodepletionRegimen({ fludarabine, cyclophosphamide });
      expect(result.outcome).toBe(outcome);
      expect(result.recommendations).toHaveLength(advice);
      expect(result.citations).toEqual([{ section: '§4', source: 'cn-mm-cart-2022' }]);
    },
  );
  it('quotes the recommendation of Flu/Cy', () => {
    expect(
      assessLymphodepletionRegimen({ fludarabine: false, cyclophosphamide: true }).recommendations[0]?.text
        .zh,
    ).toContain('目前推荐采用氟达拉滨联合环磷酰胺预处理方案');
  });
});
