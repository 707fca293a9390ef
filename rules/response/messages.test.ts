import { describe, expect, it } from 'vitest';
import { localizationProblems, renderMessages } from '../core/index.ts';
import type { MessageSamples } from '../core/index.ts';
import { definitions } from './definitions.ts';
import { messages } from './messages.ts';
import { RESPONSE_CATEGORIES } from './schemas.ts';

const samples: MessageSamples<typeof messages> = {
  category: RESPONSE_CATEGORIES.map((c) => [c]),
  criteria: null,
  timing: null,
  timingDates: [['2026-02-28', '2026-07-31']],
  mayDeepen: [['PR', '2026-07-31']],
  progression: null,
};

describe('response messages and definitions', () => {
  it('every message has Chinese zh and non-empty en', () => {
    expect(localizationProblems(renderMessages(messages, samples))).toEqual([]);
  });
  it('define RESP-1', () => {
    expect(definitions.map((d) => [d.id, d.citation.section])).toEqual([['RESP-1', '§6']]);
    expect(localizationProblems(definitions)).toEqual([]);
  });
});
