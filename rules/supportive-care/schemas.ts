import * as z from 'zod/mini';
import { numberIn } from '../core/index.ts';

/** CYTO-1 (§7.6, CTCAE v5): blood counts; each optional. */
export const cytopeniaInputSchema = z.strictObject({
  /** Absolute neutrophil count. */
  ancE9PerL: z.optional(numberIn(0, 100, '× 10⁹/L')),
  plateletsE9PerL: z.optional(numberIn(0, 2000, '× 10⁹/L')),
  hemoglobinGPerL: z.optional(numberIn(20, 250, 'g/L')),
});
export type CytopeniaInput = z.input<typeof cytopeniaInputSchema>;

/** ORG-1 (§7.5): organs involved. */
export const ORGANS = ['CARDIAC', 'GASTROINTESTINAL', 'HEPATIC', 'MUSCLE', 'PANCREAS', 'OTHER'] as const;
export type Organ = (typeof ORGANS)[number];
export const organToxicityInputSchema = z.strictObject({ organs: z.optional(z.array(z.enum(ORGANS))) });
export type OrganToxicityInput = z.input<typeof organToxicityInputSchema>;
