import { describe, expect, it } from 'vitest';
import { localizationProblems, renderMessages } from '../core/index.ts';
import type { MessageSamples } from '../core/index.ts';
import { definitions } from './definitions.ts';
import { messages } from './messages.ts';
import { INFECTION_PHASES } from './schemas.ts';

const samples: MessageSamples<typeof messages> = {
  phase: INFECTION_PHASES.map((phase) => [phase]),
  screening: null,
  antiviral: null,
  neutropeniaProphylaxis: null,
  neutrophilsRecovered: null,
  recoveryNeeded: null,
  pjp: null,
  pjpUntil: [['2026-06-01']],
  severeNeutropenia: [[0.4]],
  treatInfection: null,
  infectionEpidemiology: null,
  noDoses: null,
};

describe('infection messages and definitions', () => {
  it('every message has Chinese zh and non-empty en', () => {
    expect(localizationProblems(renderMessages(messages, samples))).toEqual([]);
  });
  it('define INFX-1 … INFX-5 citing §7.3', () => {
    expect(definitions.map((d) => d.id)).toEqual(['INFX-1', 'INFX-2', 'INFX-3', 'INFX-4', 'INFX-5']);
    expect(definitions.every((d) => d.citation.section === '§7.3')).toBe(true);
    expect(localizationProblems(definitions)).toEqual([]);
  });
});
