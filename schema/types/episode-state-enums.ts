import type { HlhStatus } from '#rules';
import { builder } from '../builder.ts';

/** Closed sets of the current state, as enums (codegen gives clients a union type, not a string). */

export const HLH_STATUS_VALUES = {
  RECHECK: { description: 'Too early to judge the response to first-line treatment: check again (CRS-HLH).' },
  SUSPECTED: { description: 'No improvement after first-line treatment: HLH/MAS suspected (CRS-HLH).' },
  NOT_SUSPECTED: { description: 'Improved after first-line treatment (CRS-HLH).' },
  UNKNOWN: { description: 'A value needed to compare is missing (CRS-HLH).' },
} as const satisfies Record<HlhStatus | 'UNKNOWN', { readonly description: string }>;

export const CrsHlhStatusEnum = builder.enumType('CrsHlhStatus', {
  description: 'CRS-HLH at the last vital signs of the CRS episode.',
  values: HLH_STATUS_VALUES,
});

/** TOCI-4's total limit counts per CRS episode or per CAR-T course (a deployment Decision). */
export const TOCILIZUMAB_LIMIT_SCOPES = { 'per-episode': 'PER_EPISODE', 'per-course': 'PER_COURSE' } as const;

export const TocilizumabLimitScopeEnum = builder.enumType('TocilizumabLimitScope', {
  description: 'What the TOCI-4 total limit counts over.',
  values: {
    PER_EPISODE: { description: 'The doses of the current CRS episode.' },
    PER_COURSE: { description: 'The doses of the whole CAR-T course.' },
  } as const,
});
