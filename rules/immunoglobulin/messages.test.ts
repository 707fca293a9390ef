import { describe, expect, it } from 'vitest';
import { localizationProblems, renderMessages } from '../core/index.ts';
import type { MessageSamples } from '../core/index.ts';
import { definitions } from './definitions.ts';
import { messages } from './messages.ts';

const samples: MessageSamples<typeof messages> = {
  monthlyIgG: null,
  monthlyIgGDates: [[['2026-02-28', '2026-03-31', '2026-04-30']]],
  ivigLow: [[3.9]],
  ivigWithInfection: [[5]],
  evaluateImmunoglobulins: [[7]],
  monitor: [[7]],
  infectionNeeded: [[5]],
  igGNeeded: null,
  bCellRecovery: null,
  noIvigDose: null,
};

describe('immunoglobulin messages and definitions', () => {
  it('every message has Chinese zh and non-empty en', () => {
    expect(localizationProblems(renderMessages(messages, samples))).toEqual([]);
  });
  it('define IG-1 … IG-4 citing §7.4', () => {
    expect(definitions.map((d) => d.id)).toEqual(['IG-1', 'IG-2', 'IG-3', 'IG-4']);
    expect(definitions.every((d) => d.citation.section === '§7.4')).toBe(true);
    expect(localizationProblems(definitions)).toEqual([]);
  });
});
