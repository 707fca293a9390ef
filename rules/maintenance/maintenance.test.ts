import { describe, expect, it } from 'vitest';
import { localizationProblems, renderMessages } from '../core/index.ts';
import type { MessageSamples } from '../core/index.ts';
import { definitions } from './definitions.ts';
import { maintenanceInformation } from './maintenance.ts';
import { messages } from './messages.ts';

describe('MAINT-1 maintenance information', () => {
  it('states there is no evidence-based maintenance, the options under study and the PFS figures, citing §8', () => {
    const result = maintenanceInformation();
    expect(result.outcome).toEqual({ evidenceBasedMaintenance: false });
    const en = result.notes.map((n) => n.text.en).join(' | ');
    expect(en).toContain('8.8–11.8 months (22.7 months at the best centre)');
    expect(en).toContain('stem-cell transplantation');
    expect(result.citations).toEqual([{ section: '§8', source: 'cn-mm-cart-2022' }]);
  });

  it.each([
    ['sCR', true],
    ['CR', true],
    ['VGPR', false],
    ['PD', false],
  ] as const)('response %s → 1-year remission note %s', (responseCategory, shown) => {
    const notes = maintenanceInformation({ responseCategory }).notes.map((n) => n.text.zh);
    expect(notes.includes('获得sCR或CR的患者1年持续缓解率约70%')).toBe(shown);
  });

  it('messages and the definition are bilingual', () => {
    const samples: MessageSamples<typeof messages> = {
      noEvidence: null,
      underStudy: null,
      medianPfs: null,
      remissionAtOneYear: null,
      relapseChallenge: null,
    };
    expect(localizationProblems(renderMessages(messages, samples))).toEqual([]);
    expect(definitions.map((d) => [d.id, d.citation.section])).toEqual([['MAINT-1', '§8']]);
    expect(localizationProblems(definitions)).toEqual([]);
  });
});
