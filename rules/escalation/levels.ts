/** The level of every escalation, as the spec's escalation table sets it, and their sources. */
import { cite } from '../core/index.ts';
import type { Citation } from '../core/index.ts';
import type { EscalationId, EscalationLevel } from './types.ts';

export const ESCALATION_LEVEL: Readonly<Record<EscalationId, EscalationLevel>> = {
  'ESC-CRS2': 'URGENT',
  'ESC-CRS3': 'CRITICAL',
  'ESC-ICANS2': 'CRITICAL',
  'ESC-ICANS3': 'CRITICAL',
  'ESC-SUSPECT': 'URGENT',
  'ESC-HLH': 'CRITICAL',
  'ESC-TOCI': 'URGENT',
  'ESC-DOSE': 'URGENT',
  'ESC-VITALS': 'URGENT',
  'ESC-INF': 'WARNING',
  'ESC-IGG': 'WARNING',
};

/** The escalation table itself (product design). */
export const ESCALATION_CITATION = cite('Escalation', 'product-design');

/** The clinical source each escalation is built on. */
export const CLINICAL_CITATIONS: Readonly<Record<EscalationId, readonly Citation[]>> = {
  'ESC-CRS2': [cite('§7.1 T3')],
  'ESC-CRS3': [cite('§7.1 T3'), cite('§7.1')],
  'ESC-ICANS2': [cite('§7.2 T5')],
  'ESC-ICANS3': [cite('§7.2 T5')],
  'ESC-SUSPECT': [cite('§7.1')],
  'ESC-HLH': [cite('§7.1')],
  'ESC-TOCI': [cite('§7.1 T4')],
  'ESC-DOSE': [cite('§7.1 T4'), cite('§7.2 T5')],
  'ESC-VITALS': [cite('§5.3')],
  'ESC-INF': [cite('§5.2')],
  'ESC-IGG': [cite('§7.4')],
};
