import { describe, expect, it } from 'vitest';
import { localizationProblems, renderMessages } from '../core/index.ts';
import type { MessageSamples } from '../core/index.ts';
import { definitions } from './definitions.ts';
import { messages } from './messages.ts';

const samples: MessageSamples<typeof messages> = {
  drug: [['fludarabine'], ['cyclophosphamide']],
  arithmetic: [
    ['30 mg/m²', 1.82, 'm²', 54.6],
    ['20 mg/kg', 70, 'kg', 1400],
  ],
  doseOnDay: [['fludarabine', 54.6, -5, '2026-03-05']],
  onceOnDay: [[-5, '2026-03-05']],
  bodySurfaceArea: [[170, 70, 1.82]],
  weightBasis: [[70]],
  regimenSource: [['KarMMA', 'NCT03361748']],
  noRenalAdjustment: null,
  regimenAssessment: [['RECOMMENDED'], ['ALTERNATIVE'], ['NOT_IN_CONSENSUS']],
  fluCyRecommended: null,
};

describe('lymphodepletion messages and definitions', () => {
  it('every message has Chinese zh and non-empty en', () => {
    expect(localizationProblems(renderMessages(messages, samples))).toEqual([]);
  });
  it('define LD-1 and LD-2', () => {
    expect(definitions.map((d) => [d.id, d.citation.section])).toEqual([
      ['LD-1', '§4'],
      ['LD-2', '§4 T2'],
    ]);
    expect(localizationProblems(definitions)).toEqual([]);
  });
});
