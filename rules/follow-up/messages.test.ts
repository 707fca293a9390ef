import { describe, expect, it } from 'vitest';
import { localizationProblems, renderMessages } from '../core/index.ts';
import type { MessageSamples } from '../core/index.ts';
import { definitions } from './definitions.ts';
import { messages } from './messages.ts';

const samples: MessageSamples<typeof messages> = {
  visitLabel: [
    ['EARLY', 14],
    ['EARLY', 28],
    ['MONTHLY', 3],
    ['EVERY_2_MONTHS', 8],
    ['YEAR_2', 15],
    ['YEAR_3_ON', 27],
  ],
  followUpScope: null,
  suspectedProgression: null,
  year3Interval: null,
  visitTests: null,
  emdImaging: null,
  emdTiming: null,
  emdTimingDates: [['2026-02-28', '2026-04-30']],
  emdNeeded: null,
  infectionPrevention: null,
  biosafety: null,
  viralVectorNeeded: null,
};

describe('follow-up messages and definitions', () => {
  it('every message has Chinese zh and non-empty en', () => {
    expect(localizationProblems(renderMessages(messages, samples))).toEqual([]);
  });
  it('define FU-1 … FU-5 citing §10', () => {
    expect(definitions.map((d) => d.id)).toEqual(['FU-1', 'FU-2', 'FU-3', 'FU-4', 'FU-5']);
    expect(definitions.every((d) => d.citation.section === '§10')).toBe(true);
    expect(localizationProblems(definitions)).toEqual([]);
  });
});
