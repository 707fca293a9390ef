import type { Citation } from './citation.ts';
import type { LocalizedText } from './text.ts';

/** One rule of the catalogue: its id, a one-line summary in both languages and where it comes from. */
export type RuleDefinition = {
  readonly id: string;
  readonly summary: LocalizedText;
  readonly citation: Citation;
};
