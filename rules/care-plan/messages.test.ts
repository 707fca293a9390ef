import { describe, expect, it } from 'vitest';
import { localizationProblems, renderMessages } from '../core/index.ts';
import type { MessageSamples } from '../core/index.ts';
import { definitions } from './definitions.ts';
import { messages } from './messages.ts';

const samples: MessageSamples<typeof messages> = {
  antiviral: null,
  antiviralFrom: [['2026-02-24']],
  antiviralStartNeeded: null,
  screeningBefore: [['2026-02-24']],
  screeningDateNeeded: null,
  neutropeniaProphylaxis: null,
  untilRecovery: [['2026-03-01', '2026-03-15']],
  untilRecoveryUnknown: [['2026-03-01']],
  pneumocystis: null,
  pneumocystisCourse: [['2026-03-01', '2026-06-01']],
  pneumocystisUntilRecovery: null,
  fromInfusionDateNeeded: null,
  levetiracetamTiming: null,
  seizureProphylaxisIfCns: null,
  cnsHistoryBeforeInfusion: null,
  iggCheck: [[1]],
  dualTargetIgG: null,
  followUpVisits: null,
  on: [['2026-03-15']],
  infusionDateNeeded: null,
  dayOfCourse: [
    [0, '2026-03-01'],
    [-1, '2026-03-01'],
    [12, '2026-03-01'],
  ],
  noInfusionDate: null,
  recovered: [['2026-03-12', 1.6, '2026-03-13']],
  notRecovered: [[0.4, '2026-03-13']],
  noCountSinceInfusion: null,
  recoveryReading: null,
};

describe('care plan messages and definitions', () => {
  it('PLAN-1: every message has Chinese zh and non-empty en', () => {
    expect(localizationProblems(renderMessages(messages, samples))).toEqual([]);
  });
  it('PLAN-1, PLAN-2 are defined as product design', () => {
    expect(definitions.map((d) => d.id)).toEqual(['PLAN-1', 'PLAN-2']);
    expect(definitions.every((d) => d.citation.source === 'product-design')).toBe(true);
    expect(localizationProblems(definitions)).toEqual([]);
  });
});
