import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localizationProblems } from '../core/index.ts';
import { cytopeniaGrade, gradeCytopenias, isSevereNeutropenia } from './cytopenia.ts';

describe('CYTO-1 CTCAE v5 grades (strictly below the threshold)', () => {
  it.each([
    [0.49, 'GRADE_4'],
    [0.5, 'GRADE_3'],
    [0.51, 'GRADE_3'],
    [0.99, 'GRADE_3'],
    [1.0, 'BELOW_GRADE_3'],
    [1.01, 'BELOW_GRADE_3'],
  ] as const)('ANC %s × 10⁹/L → %s', (value, grade) => {
    expect(cytopeniaGrade('NEUTROPHILS', value)).toBe(grade);
  });

  it.each([
    [24.9, 'GRADE_4'],
    [25, 'GRADE_3'],
    [25.1, 'GRADE_3'],
    [49.9, 'GRADE_3'],
    [50, 'BELOW_GRADE_3'],
    [50.1, 'BELOW_GRADE_3'],
  ] as const)('PLT %s × 10⁹/L → %s', (value, grade) => {
    expect(cytopeniaGrade('PLATELETS', value)).toBe(grade);
  });

  it.each([
    [79.9, 'GRADE_3'],
    [80, 'BELOW_GRADE_3'],
    [80.1, 'BELOW_GRADE_3'],
    [40, 'GRADE_3'],
  ] as const)('HGB %s g/L → %s (no value defines grade 4)', (value, grade) => {
    expect(cytopeniaGrade('HEMOGLOBIN', value)).toBe(grade);
  });

  it('a missing count is UNKNOWN', () => {
    expect(cytopeniaGrade('PLATELETS', undefined)).toBe('UNKNOWN');
  });

  it('isSevereNeutropenia is ANC < 1.0', () => {
    expect(isSevereNeutropenia(0.99)).toBe(true);
    expect(isSevereNeutropenia(1.0)).toBe(false);
  });
});

describe('gradeCytopenias', () => {
  it('grade 3–4 → treat actively; neutropenia adds isolation and G-CSF (INFX-4)', () => {
    const result = gradeCytopenias({ ancE9PerL: 0.3, plateletsE9PerL: 120, hemoglobinGPerL: 95 });
    expect(result.outcome.severe).toBe(true);
    expect(result.recommendations.map((r) => r.ruleId)).toEqual(['CYTO-1', 'INFX-4']);
    expect(result.recommendations[1]?.text.zh).toContain('粒细胞集落刺激因子(G-CSF)');
    expect(result.citations).toEqual([
      { section: '§7.6', source: 'cn-mm-cart-2022' },
      { section: 'CTCAE v5.0', source: 'ctcae-v5' },
      { section: '§7.3', source: 'cn-mm-cart-2022' },
    ]);
  });

  it('severe thrombocytopenia without neutropenia → treat actively only', () => {
    const result = gradeCytopenias({ ancE9PerL: 2, plateletsE9PerL: 20 });
    expect(result.recommendations.map((r) => r.ruleId)).toEqual(['CYTO-1']);
    expect(result.outcome.lineages.map((l) => l.grade)).toEqual(['BELOW_GRADE_3', 'GRADE_4', 'UNKNOWN']);
  });

  it('grade 3 anaemia notes that CTCAE grade 4 has no value threshold; KarMMa rates always noted', () => {
    const notes = gradeCytopenias({ hemoglobinGPerL: 70 }).notes.map((n) => n.text.en);
    expect(notes[0]).toContain('96 %, 63 % and 63 %');
    expect(notes[1]).toContain('grade 4 anaemia');
  });

  it('no count given → needs', () => {
    expect(gradeCytopenias({}).outcome.needs).toEqual(['ancE9PerL', 'plateletsE9PerL', 'hemoglobinGPerL']);
  });

  it('property: grades never decrease as a count falls; texts bilingual', () => {
    const order = { BELOW_GRADE_3: 0, GRADE_3: 3, GRADE_4: 4, UNKNOWN: -1 } as const;
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (a, b) => {
          const [low, high] = a < b ? [a, b] : [b, a];
          for (const lineage of ['NEUTROPHILS', 'PLATELETS'] as const) {
            expect(order[cytopeniaGrade(lineage, low)]).toBeGreaterThanOrEqual(
              order[cytopeniaGrade(lineage, high)],
            );
          }
          expect(
            localizationProblems(
              gradeCytopenias({ ancE9PerL: low, plateletsE9PerL: high * 10, hemoglobinGPerL: 20 + high }),
            ),
          ).toEqual([]);
        },
      ),
    );
  });
});
