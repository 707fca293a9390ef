import { buildEvaluation, cite, parseInput } from '../core/index.ts';
import type { Driver, Note, Recommendation, RuleEvaluation } from '../core/index.ts';
import { messages } from './messages.ts';
import { cytopeniaInputSchema } from './schemas.ts';
import type { CytopeniaInput } from './schemas.ts';

export type Lineage = 'NEUTROPHILS' | 'PLATELETS' | 'HEMOGLOBIN';

/** CTCAE v5 grade as far as CYTO-1 defines it: grade 4, grade 3, or below grade 3 (0–2 not told apart). */
export type CytopeniaGrade = 'GRADE_4' | 'GRADE_3' | 'BELOW_GRADE_3' | 'UNKNOWN';

/**
 * CYTO-1 thresholds (CTCAE v5), strict "below": neutrophils G3 < 1.0, G4 < 0.5 × 10⁹/L; platelets
 * G3 < 50, G4 < 25 × 10⁹/L; haemoglobin G3 < 80 g/L (CTCAE grade 4 anaemia has no value threshold).
 */
export const CYTOPENIA_THRESHOLDS = {
  NEUTROPHILS: { grade3Below: 1.0, grade4Below: 0.5 },
  PLATELETS: { grade3Below: 50, grade4Below: 25 },
  HEMOGLOBIN: { grade3Below: 80, grade4Below: null },
} as const satisfies Record<Lineage, { grade3Below: number; grade4Below: number | null }>;

export const cytopeniaGrade = (lineage: Lineage, value: number | undefined): CytopeniaGrade => {
  if (value === undefined) return 'UNKNOWN';
  const { grade3Below, grade4Below } = CYTOPENIA_THRESHOLDS[lineage];
  if (grade4Below !== null && value < grade4Below) return 'GRADE_4';
  return value < grade3Below ? 'GRADE_3' : 'BELOW_GRADE_3';
};

/** Neutropenia grade 3–4 (ANC < 1.0 × 10⁹/L), which triggers INFX-4. */
export const isSevereNeutropenia = (ancE9PerL: number): boolean =>
  cytopeniaGrade('NEUTROPHILS', ancE9PerL) !== 'BELOW_GRADE_3';

export type LineageGrade = {
  readonly lineage: Lineage;
  readonly value: number | null;
  readonly grade: CytopeniaGrade;
};

export type CytopeniaOutcome = {
  /** Neutrophils, platelets, haemoglobin, in that order. */
  readonly lineages: readonly LineageGrade[];
  /** Any lineage at grade 3 or 4. */
  readonly severe: boolean;
  /** Non-empty when no count was given. */
  readonly needs: readonly string[];
};

/**
 * CYTO-1 (§7.6): grades the counts by CTCAE v5 and, at grade 3–4, recommends active symptomatic
 * and supportive care; grade 3–4 neutropenia adds protective isolation and G-CSF (INFX-4, §7.3).
 */
export const gradeCytopenias = (input: CytopeniaInput): RuleEvaluation<CytopeniaOutcome> => {
  const { ancE9PerL, plateletsE9PerL, hemoglobinGPerL } = parseInput(cytopeniaInputSchema, input);
  const values: [Lineage, number | undefined][] = [
    ['NEUTROPHILS', ancE9PerL],
    ['PLATELETS', plateletsE9PerL],
    ['HEMOGLOBIN', hemoglobinGPerL],
  ];
  const lineages: LineageGrade[] = values.map(([lineage, value]) => ({
    lineage,
    value: value ?? null,
    grade: cytopeniaGrade(lineage, value),
  }));
  const severe = lineages.some((l) => l.grade === 'GRADE_3' || l.grade === 'GRADE_4');
  const needs = lineages.every((l) => l.value === null)
    ? ['ancE9PerL', 'plateletsE9PerL', 'hemoglobinGPerL']
    : [];
  const drivers: Driver[] = lineages.flatMap((l) =>
    l.value === null || l.grade === 'UNKNOWN'
      ? []
      : [
          {
            code: `${l.lineage.toLowerCase()}-${l.grade.toLowerCase()}`,
            ruleId: 'CYTO-1',
            text: messages.cytopeniaGrade(l.lineage, l.value, l.grade),
          },
        ],
  );
  const marrow = cite('§7.6');
  const neutropenia = lineages[0]?.grade === 'GRADE_3' || lineages[0]?.grade === 'GRADE_4';
  const recommendations: Recommendation[] = [
    ...(severe ? [{ ruleId: 'CYTO-1', text: messages.treatActively, citation: marrow }] : []),
    ...(neutropenia
      ? [{ ruleId: 'INFX-4', text: messages.neutropeniaIsolation, citation: cite('§7.3') }]
      : []),
  ];
  const notes: Note[] = [
    { ruleId: 'CYTO-1', text: messages.karmmaRates },
    ...(lineages[2]?.grade === 'GRADE_3' ? [{ ruleId: 'CYTO-1', text: messages.anaemiaGrade4Note }] : []),
    ...(needs.length > 0 ? [{ ruleId: 'CYTO-1', text: messages.countsNeeded }] : []),
  ];
  return buildEvaluation<CytopeniaOutcome>(
    { lineages, severe, needs },
    { drivers, recommendations, notes, citations: [marrow, cite('CTCAE v5.0', 'ctcae-v5')] },
  );
};
