import * as z from 'zod';
import { numberIn } from '../core/index.ts';

/** CYTO-1 (§7.6, CTCAE v5): blood counts; each optional. */
export const cytopeniaInputSchema = z.strictObject({
  /** Absolute neutrophil count. */
  ancE9PerL: numberIn(0, 100, '× 10⁹/L').optional(),
  plateletsE9PerL: numberIn(0, 2000, '× 10⁹/L').optional(),
  hemoglobinGPerL: numberIn(20, 250, 'g/L').optional(),
});
export type CytopeniaInput = z.input<typeof cytopeniaInputSchema>;

/** ORG-1 (§7.5): organs involved. */
export const ORGANS = ['CARDIAC', 'GASTROINTESTINAL', 'HEPATIC', 'MUSCLE', 'PANCREAS', 'OTHER'] as const;
export type Organ = (typeof ORGANS)[number];
export const organToxicityInputSchema = z.strictObject({ organs: z.array(z.enum(ORGANS)).optional() });
export type OrganToxicityInput = z.input<typeof organToxicityInputSchema>;
