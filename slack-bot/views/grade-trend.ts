import type { Language } from '#rules';
import type { GradingRecord } from '#episodes';
import { tr } from './blocks.ts';
import { LABELS, TREND_LABEL } from './labels.ts';

/**
 * The trend of a domain's grade: the latest grading against the one before it that had a grade
 * (`↑ from grade 1`, `↓ from grade 3`, `→ unchanged`, or `first grading`), from the gradings read
 * (newest last). Empty when the latest has no grade (it says what it needs instead).
 */
export const gradeTrend = (
  gradings: readonly GradingRecord[],
  domain: 'CRS' | 'ICANS',
  language: Language,
  /** False when older gradings were not read: a missing previous grade is then not "first". */
  complete: boolean,
): string => {
  const graded = gradings.filter((g) => g.domain === domain && g.grade !== null);
  const latest = gradings.filter((g) => g.domain === domain).at(-1);
  const grade = latest?.grade;
  if (grade === undefined || grade === null) return '';
  const before = graded.filter((g) => g !== latest).at(-1)?.grade;
  if (before === undefined || before === null) return complete ? tr(LABELS.firstGrading, language) : '';
  if (grade > before) return tr(TREND_LABEL.up(before), language);
  if (grade < before) return tr(TREND_LABEL.down(before), language);
  return tr(LABELS.unchanged, language);
};
