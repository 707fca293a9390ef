import { cite } from '../core/index.ts';

/** The sources the CRS rules cite (section strings as printed in the consensus and ASTCT 2019). */
export const CRS_CITATIONS = {
  /** §7.1 text: CRS-S1, the general management text and CRS-HLH. */
  section: cite('§7.1'),
  /** T3: CRS grading (the consensus' translation of ASTCT). */
  grading: cite('§7.1 T3'),
  /** T4: management by grade and the tocilizumab note. */
  management: cite('§7.1 T4'),
  /** ASTCT 2019 CRS consensus grading (consensus ref. [32]): CRS-G1..G5. */
  astctGrading: cite('CRS consensus grading', 'astct-2019'),
  /** §7.5: organ toxicity is managed per NCCN and graded separately (CRS-G4). */
  organDamage: cite('§7.5'),
} as const;
