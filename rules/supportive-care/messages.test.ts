import { describe, expect, it } from 'vitest';
import { localizationProblems, renderMessages } from '../core/index.ts';
import type { MessageSamples } from '../core/index.ts';
import type { CytopeniaGrade, Lineage } from './cytopenia.ts';
import { definitions } from './definitions.ts';
import { messages } from './messages.ts';
import { ORGANS } from './schemas.ts';

const samples: MessageSamples<typeof messages> = {
  cytopeniaGrade: (['NEUTROPHILS', 'PLATELETS', 'HEMOGLOBIN'] as const).flatMap((lineage) =>
    (['GRADE_4', 'GRADE_3', 'BELOW_GRADE_3'] as const).map(
      (grade): [Lineage, number, Exclude<CytopeniaGrade, 'UNKNOWN'>] => [lineage, 1, grade],
    ),
  ),
  treatActively: null,
  neutropeniaIsolation: null,
  karmmaRates: null,
  anaemiaGrade4Note: null,
  countsNeeded: null,
  organInvolved: [[ORGANS]],
  highestRiskOrgans: null,
  nccnOrganToxicity: null,
  organToxicitySeparate: null,
  otherToxicities: null,
};

describe('supportive-care messages and definitions', () => {
  it('every message has Chinese zh and non-empty en', () => {
    expect(localizationProblems(renderMessages(messages, samples))).toEqual([]);
  });
  it('define ORG-1, CYTO-1, OTH-1', () => {
    expect(definitions.map((d) => [d.id, d.citation.section])).toEqual([
      ['ORG-1', '§7.5'],
      ['CYTO-1', '§7.6'],
      ['OTH-1', '§7.7'],
    ]);
    expect(localizationProblems(definitions)).toEqual([]);
  });
});
