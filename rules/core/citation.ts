/** Where a rule comes from: a section or table of a source, so a clinician can check the output. */
export type CitationSource =
  /** The Chinese consensus (2022), the source of truth. */
  | 'cn-mm-cart-2022'
  /** ASTCT consensus grading 2019 (Lee DW et al., BBMT 2019;25:625-638), the consensus' ref. [32]. */
  | 'astct-2019'
  /** CTCAE v5.0, for cytopenia grades (CYTO-1). */
  | 'ctcae-v5'
  /** Design decisions of this product, built on the rules above (escalation). */
  | 'product-design';

export type Citation = { readonly section: string; readonly source: CitationSource };

export const cite = (section: string, source: CitationSource = 'cn-mm-cart-2022'): Citation => ({
  section,
  source,
});

/**
 * Unique citations in first-seen order. Lists are short (a handful per evaluation), so a linear
 * scan beats building string keys in a Set: this runs on every grading.
 */
export const uniqueCitations = (citations: readonly Citation[]): Citation[] => {
  const unique: Citation[] = [];
  for (const citation of citations) {
    if (
      !unique.some(
        (seen) => seen === citation || (seen.section === citation.section && seen.source === citation.source),
      )
    ) {
      unique.push(citation);
    }
  }
  return unique;
};
