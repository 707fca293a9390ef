import type {
  CrsSuspicionOutcome,
  HlhStatus,
  ImmunoglobulinOutcome,
  InfusionTimingStatus,
  TocilizumabStatus,
} from '#rules';
import { builder } from '../builder.ts';

/**
 * Every status a stored grading can have: the grade statuses of the timeline (EPI-2), and the
 * rules' own statuses for the domains that are not grades. The type below is what the episode
 * service stores (checked at compile time against the rules' own types), so a new status in the
 * rules is a type error here until the enum names it.
 */
export type StoredGradingStatus =
  | 'GRADED'
  | 'LOWER_BOUND'
  | 'UNKNOWN'
  | 'EVALUATED'
  | 'SEVERE'
  | 'NOT_SEVERE'
  | CrsSuspicionOutcome['status']
  | HlhStatus
  | TocilizumabStatus
  | ImmunoglobulinOutcome['status']
  | InfusionTimingStatus;

export const GRADING_STATUS_VALUES = {
  GRADED: { description: 'CRS / ICANS: a complete grade (`grade` is exact).' },
  LOWER_BOUND: {
    description: 'CRS: an entry lacked a component; `grade` is at least this, `needs` says what (EPI-2).',
  },
  UNKNOWN: { description: 'Not decidable without more input: `needs` names it (never a silent default).' },
  EVALUATED: { description: 'Evaluated; the outcome is in drivers and recommendations.' },
  SUSPECTED: {
    description: 'CRS suspected after infusion (CRS-S1), or no improvement after first line (CRS-HLH).',
  },
  NOT_SUSPECTED: { description: 'CRS-S1 / CRS-HLH: not suspected.' },
  RECHECK: { description: 'CRS-HLH: too early to judge the response; check again at the time given.' },
  ALLOWED: { description: 'Tocilizumab: a dose is allowed now (TOCI limits).' },
  TOO_SOON: { description: 'Tocilizumab: less than 8 h since the previous dose (TOCI-2).' },
  MAX_24H_REACHED: { description: 'Tocilizumab: the 24-hour limit is reached (TOCI-3).' },
  MAX_TOTAL_REACHED: { description: 'Tocilizumab: 4 doses given in total (TOCI-4).' },
  IVIG: { description: 'IgG: give IVIG (IG-2, IG-3).' },
  EVALUATE_IMMUNOGLOBULINS_AND_B_CELLS: { description: 'IgG: evaluate immunoglobulins and B cells (IG-4).' },
  MONITOR: { description: 'IgG: no IVIG now; keep the monthly IgG checks (IG-1).' },
  SEVERE: { description: 'Cytopenia: grade 3–4 in at least one lineage (CYTO-1).' },
  NOT_SEVERE: { description: 'Cytopenia: no grade 3–4 lineage (CYTO-1).' },
  OK: { description: 'Infusion 1–2 full days after the last lymphodepletion day (INF-2).' },
  EARLY: { description: 'Infusion with no full day after the last lymphodepletion day (INF-2, a warning).' },
  LATE: { description: 'Infusion 3–7 full days after the last lymphodepletion day (INF-2, a warning).' },
  VIOLATION: { description: 'Infusion more than 7 full days after the last lymphodepletion day (INF-2).' },
} as const satisfies Record<StoredGradingStatus, { readonly description: string }>;

export const GradingStatusEnum = builder.enumType('GradingStatus', {
  description: "A grading's status: the grade's completeness, or the rule's own outcome.",
  values: GRADING_STATUS_VALUES,
});

const isStatus = (status: string): status is StoredGradingStatus =>
  Object.hasOwn(GRADING_STATUS_VALUES, status);

/** A stored status as the enum; a status the enum does not know is a server error, never a guess. */
export const gradingStatusOf = (status: string): StoredGradingStatus => {
  if (!isStatus(status)) throw new Error(`Stored grading status ${status} is not a GradingStatus`);
  return status;
};
