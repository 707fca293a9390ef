import { describe, expect, it } from 'vitest';
import { localizationProblems, renderMessages } from '../core/index.ts';
import type { MessageSamples } from '../core/index.ts';
import { definitions } from './definitions.ts';
import { messages } from './messages.ts';

const samples: MessageSamples<typeof messages> = {
  infectionScreening: null,
  priorCnsDisease: null,
  cnsNotControlled: null,
  levetiracetam: null,
  every12Hours: null,
  fixedDose: [[750]],
  noPriorCnsDisease: null,
  cnsHistoryNeeded: null,
  timing: [
    ['OK', 2, '2026-03-07', '2026-03-10'],
    ['EARLY', 0, '2026-03-07', '2026-03-08'],
    ['LATE', 1, '2026-03-07', '2026-03-09'],
    ['VIOLATION', 8, '2026-03-07', '2026-03-16'],
  ],
  recommendedWindow: [['2026-03-09', '2026-03-10', '2026-03-15']],
  countingNote: null,
  doseWithin: [['350×10⁶', '(300~460)×10⁶']],
  doseOutside: [['200×10⁶', '(300~460)×10⁶']],
  abecmaRange: null,
  studiedRange: [['(1~6)×10⁶/kg']],
  noReferenceDose: null,
  weightNeededForUnit: null,
  converted: [['5×10⁶/kg', 70, '350×10⁶']],
  vitalSignsBeforeInfusion: null,
  steroidPremedication: null,
  noSteroidPremedication: null,
  premedicationNeeded: null,
  continuousMonitoring: null,
  monitorUntilGrade1: [[2], [3], [4]],
  inpatient: null,
  inpatientDates: [['2026-03-28', '2026-04-04', '2026-04-11']],
  duringCrsWorkup: null,
  duringCrsVitals: null,
};

describe('infusion messages and definitions', () => {
  it('every message has Chinese zh and non-empty en', () => {
    expect(localizationProblems(renderMessages(messages, samples))).toEqual([]);
  });
  it('define INF-1 … INF-5', () => {
    expect(definitions.map((d) => [d.id, d.citation.section])).toEqual([
      ['INF-1', '§5.1'],
      ['INF-2', '§5.2'],
      ['INF-3', '§5.2'],
      ['INF-4', '§5.2'],
      ['INF-5', '§5.3'],
    ]);
    expect(localizationProblems(definitions)).toEqual([]);
  });
});
