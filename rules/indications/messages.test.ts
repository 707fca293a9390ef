import { describe, expect, it } from 'vitest';
import { localizationProblems, renderMessages } from '../core/index.ts';
import type { MessageSamples } from '../core/index.ts';
import { definitions } from './definitions.ts';
import { messages } from './messages.ts';
import { CAR_ORIGINS } from './schemas.ts';

const samples: MessageSamples<typeof messages> = {
  onLabel: null,
  criterionNotMet: [['adult'], ['priorLines'], ['immunomodulatory'], ['proteasomeInhibitor'], ['antiCd38']],
  clinicalTrial: null,
  trialPopulations: null,
  labelNeeds: null,
  usLabelNote: null,
  origin: CAR_ORIGINS.map((origin) => [origin]),
  humanisedLowerImmunogenicity: null,
  noHeadToHead: null,
  originUnknown: null,
};

describe('indications messages and definitions', () => {
  it('every message has Chinese zh and non-empty en', () => {
    expect(localizationProblems(renderMessages(messages, samples))).toEqual([]);
  });
  it('define IND-1 and IND-2', () => {
    expect(definitions.map((d) => [d.id, d.citation.section])).toEqual([
      ['IND-1', '§2.1'],
      ['IND-2', '§2.2'],
    ]);
    expect(localizationProblems(definitions)).toEqual([]);
  });
});
