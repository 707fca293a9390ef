import { describe, expect, it } from 'vitest';
import { localizationProblems, renderMessages } from '../core/index.ts';
import type { MessageSamples } from '../core/index.ts';
import { definitions } from './definitions.ts';
import { messages } from './messages.ts';
import { APHERESIS_RULE_IDS } from './result.ts';
import { WASHOUT_TREATMENTS } from './schemas.ts';

const AT = '2026-03-01T08:00:00+08:00';

const samples: MessageSamples<typeof messages> = {
  hemoglobinMet: [[100]],
  hemoglobinNotMet: [[70]],
  plateletsMet: [[100]],
  plateletsNotMet: [[30]],
  cytopeniaDueToProgression: null,
  cytopeniaCauseNeeded: null,
  hemoglobinNeeded: null,
  plateletsNeeded: null,
  lymphocytesMet: [
    [800, undefined],
    [undefined, 200],
    [800, 200],
  ],
  lymphocytesNotMet: [[300, 100]],
  lymphocytesNeeded: null,
  usualYield: null,
  yieldWithinUsual: [[100]],
  yieldOutsideUsual: [[40]],
  washoutEarliest: WASHOUT_TREATMENTS.map((t) => [t, AT, AT]),
  washoutNotMet: WASHOUT_TREATMENTS.map((t) => [t, AT]),
  earliestCollection: [[AT]],
  noWashoutRecorded: null,
  washoutExamples: null,
  washoutNeeded: null,
  manufacturingFailureRisk: [
    [true, false],
    [false, true],
    [true, true],
  ],
  noManufacturingRisk: null,
  manufacturingRiskNeeded: null,
  earlyCollection: null,
  earlyCollectionIndicated: [
    [true, false],
    [false, true],
    [true, true],
  ],
  earlyCollectionNotIndicated: null,
  overall: [['READY'], ['READY_WITH_WARNINGS'], ['NOT_READY'], ['INCOMPLETE']],
};

describe('apheresis messages and definitions', () => {
  it('every message has Chinese zh and non-empty en', () => {
    expect(localizationProblems(renderMessages(messages, samples))).toEqual([]);
  });
  it('define APH-1 … APH-7 citing §3', () => {
    expect(definitions.map((d) => d.id)).toEqual([...APHERESIS_RULE_IDS]);
    expect(definitions.every((d) => d.citation.section === '§3')).toBe(true);
    expect(localizationProblems(definitions)).toEqual([]);
  });
});
