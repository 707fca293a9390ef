import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderRuleCatalogue, ruleCatalogue } from './catalogue.ts';

/** Every rule id of the clinical rules specification (clinical-rules.md), by section. */
const SPECIFIED_RULE_IDS = [
  ...Array.from({ length: 13 }, (_, i) => `ELIG-${i + 1}`),
  'IND-1',
  'IND-2',
  ...Array.from({ length: 7 }, (_, i) => `APH-${i + 1}`),
  'LD-1',
  'LD-2',
  ...Array.from({ length: 5 }, (_, i) => `INF-${i + 1}`),
  'RESP-1',
  'CRS-S1',
  'CRS-GRADE',
  'CRS-G1',
  'CRS-G2',
  'CRS-G3',
  'CRS-G4',
  'CRS-G5',
  'CRS-G6',
  'CRS-G7',
  'CRS-T4-1',
  'CRS-T4-2',
  'CRS-T4-3',
  'CRS-T4-4',
  'CRS-HLH',
  'TOCI-1',
  'TOCI-2',
  'TOCI-3',
  'TOCI-4',
  'TOCI-5',
  'ICE-SCORE',
  'ICANS-GRADE',
  'ICANS-1',
  'ICANS-T5-1',
  'ICANS-T5-2',
  'ICANS-T5-3',
  'ICANS-T5-4',
  ...Array.from({ length: 5 }, (_, i) => `INFX-${i + 1}`),
  'IG-1',
  'IG-2',
  'IG-3',
  'IG-4',
  'ORG-1',
  'CYTO-1',
  'OTH-1',
  'MAINT-1',
  'REL-1',
  ...Array.from({ length: 5 }, (_, i) => `FU-${i + 1}`),
  'T1',
  'T2',
  'ESC-CRS2',
  'ESC-CRS3',
  'ESC-ICANS2',
  'ESC-ICANS3',
  'ESC-SUSPECT',
  'ESC-HLH',
  'ESC-TOCI',
  'ESC-DOSE',
  'ESC-VITALS',
  'ESC-INF',
  'ESC-IGG',
];

describe('rules catalogue', () => {
  it('covers every rule id of the specification', () => {
    const ids = new Set(ruleCatalogue.map((rule) => rule.id));
    expect(SPECIFIED_RULE_IDS.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('has each id once, each with a bilingual summary and a citation', () => {
    const ids = ruleCatalogue.map((rule) => rule.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    for (const rule of ruleCatalogue) {
      expect(rule.summary.en.trim(), rule.id).not.toBe('');
      expect(rule.summary.zh, rule.id).toMatch(/[\u4e00-\u9fff]/);
      expect(rule.citation.section.trim(), rule.id).not.toBe('');
    }
  });

  it('docs/rules.md is generated from the code (run `npm run docs:rules`)', () => {
    expect(readFileSync(new URL('../docs/rules.md', import.meta.url), 'utf8')).toBe(renderRuleCatalogue());
  });
});
