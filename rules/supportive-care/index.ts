/** Supportive care: ORG-1 (§7.5), CYTO-1 (§7.6, CTCAE v5), OTH-1 (§7.7). */
export { CYTOPENIA_THRESHOLDS, cytopeniaGrade, gradeCytopenias, isSevereNeutropenia } from './cytopenia.ts';
export type { CytopeniaGrade, CytopeniaOutcome, Lineage, LineageGrade } from './cytopenia.ts';
export { definitions as supportiveCareDefinitions } from './definitions.ts';
export { messages as supportiveCareMessages } from './messages.ts';
export { organToxicityAdvice } from './organ-toxicity.ts';
export type { OrganToxicityOutcome } from './organ-toxicity.ts';
export { OTHER_TOXICITIES, otherToxicitiesToWatch } from './other-toxicities.ts';
export { ORGANS, cytopeniaInputSchema, organToxicityInputSchema } from './schemas.ts';
export type { CytopeniaInput, Organ, OrganToxicityInput } from './schemas.ts';
