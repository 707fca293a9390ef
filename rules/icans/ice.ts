/**
 * ICE-SCORE (ASTCT 2019): immune effector cell-associated encephalopathy score, 0–10 points:
 * orientation 4, naming 3, following commands 1, writing 1, attention 1.
 */
import type { IceScoreItems } from './schemas.ts';

export const ICE_MAX_SCORE = 10;

/** ICE-SCORE: the sum of the five tasks (validated items; 10 = normal). */
export const iceScore = (ice: IceScoreItems): number =>
  ice.orientation + ice.naming + ice.followsCommands + ice.writing + ice.attention;
