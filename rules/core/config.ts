import * as z from 'zod/mini';

/**
 * The spec's deployment-configurable Decisions, with the spec's defaults. A deployment sets them
 * (functions read them from the environment and pass them in); rules never read the environment.
 * Each output that uses one states the value the consensus prints beside it.
 */
/** TOCI-4: what the total of 4 tocilizumab doses counts over. */
export const TOCILIZUMAB_TOTAL_LIMIT_SCOPES = ['per-episode', 'per-course'] as const;
export type TocilizumabTotalLimitScope = (typeof TOCILIZUMAB_TOTAL_LIMIT_SCOPES)[number];

export const rulesConfigSchema = z.object({
  /**
   * TOCI-3: maximum tocilizumab doses in any 24-hour window. The consensus (T4 note) prints 4;
   * NCCN and CARTOX say 3. Default 3 (the stricter).
   */
  tocilizumabMaxDosesPer24h: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(4)), 3),
  /**
   * TOCI-4: the consensus prints "总次数不得超过4次" (at most 4 in total) without saying over what
   * span. 'per-episode' (default): per CRS episode (EPI-1), a late CRS in a new CRS episode starts a
   * new count; 'per-course': over the whole CAR-T course. The caller passes the doses of that span
   * as the history (the calculator's `previousDoses`: the doses already given in this episode);
   * the 24-hour window (TOCI-3) always counts every dose.
   */
  tocilizumabTotalLimitScope: z._default(z.enum(TOCILIZUMAB_TOTAL_LIMIT_SCOPES), 'per-episode'),
  /**
   * ELIG-5: total bilirubin must be below this, in µmol/L. The consensus prints "< 0.2 g/L"
   * (= 342 µmol/L), almost certainly a unit misprint. Default 34.2 µmol/L (2.0 mg/dL).
   */
  bilirubinMaxUmolPerL: z._default(z.number().check(z.positive(), z.maximum(342)), 34.2),
});

export type RulesConfig = z.output<typeof rulesConfigSchema>;

export const DEFAULT_RULES_CONFIG: RulesConfig = rulesConfigSchema.parse({});

/** The values the consensus prints where a Decision uses another one. */
export const PRINTED_VALUES = {
  tocilizumabMaxDosesPer24h: 4,
  tocilizumabTotalLimit: '总次数不得超过4次',
  bilirubinMax: '< 0.2 g/L',
  feverThresholdT3: '> 38 °C',
  /** CRS-T3 wording: T3's grade-3 hypotension cell, literally "one or no vasopressor" (overlaps grade 2). */
  crsGrade3HypotensionT3: '需要一种或不需应用升压药',
} as const;
