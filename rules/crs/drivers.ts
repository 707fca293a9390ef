/**
 * Pre-built, frozen CRS drivers: the hot-path grader returns these objects and never builds a
 * string. Codes are stable identifiers (stored with gradings, shown by the contract's `drivers`).
 */
import type { Driver } from '../core/index.ts';
import { messages } from './messages.ts';

const driver = (code: string, ruleId: string, text: Driver['text']): Driver =>
  Object.freeze({ code, ruleId, text });

export const CRS_DRIVERS = {
  // CRS-G1: fever ≥ 38.0 °C.
  fever: driver('fever', 'CRS-G1', messages.fever),
  // CRS-G2: after anti-cytokine/antipyretic therapy fever is not required.
  afterAnticytokine: driver('after-anticytokine-therapy', 'CRS-G2', messages.afterAnticytokine),
  afterAnticytokineNoFindings: driver(
    'after-anticytokine-no-findings',
    'CRS-G2',
    messages.afterAnticytokineNoFindings,
  ),
  // CRS-G5: no fever, no prior therapy → no CRS, consider other causes.
  noFeverConsiderOtherCauses: driver(
    'no-fever-consider-other-causes',
    'CRS-G5',
    messages.noFeverConsiderOtherCauses,
  ),
  noCrsFindings: driver('no-crs-findings', 'CRS-GRADE', messages.noCrsFindings),
  // Hypotension column of T3 (CRS-G3 where vasopressin is involved).
  hypotensionNoVasopressor: driver(
    'hypotension-no-vasopressor',
    'CRS-GRADE',
    messages.hypotensionNoVasopressor,
  ),
  hypotensionSbpBelow90: driver('hypotension-sbp-below-90', 'CRS-GRADE', messages.hypotensionSbpBelow90),
  hypotensionOneVasopressor: driver(
    'hypotension-one-vasopressor',
    'CRS-GRADE',
    messages.hypotensionOneVasopressor,
  ),
  hypotensionOneVasopressorWithVasopressin: driver(
    'hypotension-one-vasopressor-with-vasopressin',
    'CRS-G3',
    messages.hypotensionOneVasopressorWithVasopressin,
  ),
  hypotensionVasopressinOnly: driver(
    'hypotension-vasopressin-only',
    'CRS-G3',
    messages.hypotensionVasopressinOnly,
  ),
  hypotensionMultipleVasopressors: driver(
    'hypotension-multiple-vasopressors',
    'CRS-G3',
    messages.hypotensionMultipleVasopressors,
  ),
  // Hypoxia column of T3.
  hypoxiaLowFlowNasalCannula: driver(
    'hypoxia-low-flow-nasal-cannula',
    'CRS-GRADE',
    messages.hypoxiaLowFlowNasalCannula,
  ),
  hypoxiaNasalCannulaHighFlow: driver(
    'hypoxia-nasal-cannula-high-flow',
    'CRS-GRADE',
    messages.hypoxiaNasalCannulaHighFlow,
  ),
  hypoxiaBlowBy: driver('hypoxia-blow-by', 'CRS-GRADE', messages.hypoxiaBlowBy),
  hypoxiaHighFlowNasalCannula: driver(
    'hypoxia-high-flow-nasal-cannula',
    'CRS-GRADE',
    messages.hypoxiaHighFlowNasalCannula,
  ),
  hypoxiaFacemask: driver('hypoxia-facemask', 'CRS-GRADE', messages.hypoxiaFacemask),
  hypoxiaNonRebreatherMask: driver(
    'hypoxia-non-rebreather-mask',
    'CRS-GRADE',
    messages.hypoxiaNonRebreatherMask,
  ),
  hypoxiaVenturiMask: driver('hypoxia-venturi-mask', 'CRS-GRADE', messages.hypoxiaVenturiMask),
  hypoxiaCpap: driver('hypoxia-cpap', 'CRS-GRADE', messages.hypoxiaCpap),
  hypoxiaBipap: driver('hypoxia-bipap', 'CRS-GRADE', messages.hypoxiaBipap),
  // CRS-G6: SpO2 < 90 % on room air, no oxygen started: hypoxia requiring oxygen (grade 2).
  hypoxiaRequiringOxygen: driver('hypoxia-requiring-oxygen', 'CRS-G6', messages.hypoxiaRequiringOxygen),
  hypoxiaMechanicalVentilation: driver(
    'hypoxia-mechanical-ventilation',
    'CRS-GRADE',
    messages.hypoxiaMechanicalVentilation,
  ),
} as const;
