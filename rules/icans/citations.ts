import { cite } from '../core/index.ts';

/** The sources the ICANS rules cite. */
export const ICANS_CITATIONS = {
  /** §7.2 text: grading domains, evaluation (ICANS-1), special neurotoxicity. */
  section: cite('§7.2'),
  /** T5: ICANS management by grade, without and with concurrent CRS. */
  management: cite('§7.2 T5'),
  /** ASTCT 2019 ICE score (consensus ref. [32]). */
  astctIce: cite('ICE score', 'astct-2019'),
  /** ASTCT 2019 ICANS consensus grading for adults. */
  astctGrading: cite('ICANS consensus grading', 'astct-2019'),
} as const;
