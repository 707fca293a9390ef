import type { Citation, LocalizedText } from '../core/index.ts';

export const ESCALATION_IDS = [
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
] as const;
export type EscalationId = (typeof ESCALATION_IDS)[number];

export const ESCALATION_LEVELS = ['WARNING', 'URGENT', 'CRITICAL'] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

/** An alert to raise to the on-call channel, with the clinical rule it comes from. */
export type EscalationTrigger = {
  readonly id: EscalationId;
  readonly level: EscalationLevel;
  readonly text: LocalizedText;
  /** The clinical rule(s) behind the alert, e.g. ["CRS-GRADE"], ["TOCI-2"]. */
  readonly sourceRuleIds: readonly string[];
  /** The escalation row (product design) first, then the clinical rule's source. */
  readonly citations: readonly Citation[];
};
