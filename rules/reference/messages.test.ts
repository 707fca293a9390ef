import { describe, expect, it } from 'vitest';
import { localizationProblems, renderMessages } from '../core/index.ts';
import type { MessageSamples } from '../core/index.ts';
import { definitions } from './definitions.ts';
import { messages } from './messages.ts';
import { CAR_T_PRODUCTS } from './products.ts';

const samples: MessageSamples<typeof messages> = {
  productName: CAR_T_PRODUCTS.map((product) => [product]),
  t1Summary: null,
  t2Summary: null,
  notReported: null,
  notReached: null,
};

describe('reference messages and definitions', () => {
  it('every message has Chinese zh and non-empty en', () => {
    expect(localizationProblems(renderMessages(messages, samples))).toEqual([]);
  });

  it('names ide-cel and cilta-cel by their international names', () => {
    expect(messages.productName('KARMMA').en).toBe('KarMMa (ide-cel, ABECMA)');
    expect(messages.productName('CARTITUDE_1').en).toBe('CARTITUDE-1 (cilta-cel)');
  });

  it('define T1 and T2 with their citations', () => {
    expect(definitions.map((d) => [d.id, d.citation.section])).toEqual([
      ['T1', 'T1'],
      ['T2', '§4 T2'],
    ]);
    expect(localizationProblems(definitions)).toEqual([]);
  });
});
