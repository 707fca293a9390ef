/**
 * TOCI-2..4: when a further tocilizumab dose is allowed, from the episode's dose history.
 * - TOCI-2: a repeat needs ≥ 8 h since the last dose (8:00 h allowed, 7:59 h too soon);
 * - TOCI-3: at most `maxPer24h` doses in any 24-hour window; the window before a proposed dose at
 *   t holds the doses given at times > t − 24 h (a dose exactly 24 h earlier has left it);
 * - TOCI-4: at most 4 doses in total, over the span the caller's history covers (per CRS episode
 *   by default, RulesConfig.tocilizumabTotalLimitScope).
 * Status precedence, first that applies: MAX_TOTAL_REACHED > MAX_24H_REACHED > TOO_SOON > ALLOWED.
 */
export const TOCILIZUMAB_MIN_INTERVAL_HOURS = 8;
export const TOCILIZUMAB_WINDOW_HOURS = 24;
export const TOCILIZUMAB_MAX_TOTAL_DOSES = 4;

const MS_PER_HOUR = 3_600_000;
const MIN_INTERVAL_MS = TOCILIZUMAB_MIN_INTERVAL_HOURS * MS_PER_HOUR;
const WINDOW_MS = TOCILIZUMAB_WINDOW_HOURS * MS_PER_HOUR;

export const TOCILIZUMAB_STATUSES = ['ALLOWED', 'TOO_SOON', 'MAX_24H_REACHED', 'MAX_TOTAL_REACHED'] as const;
export type TocilizumabStatus = (typeof TOCILIZUMAB_STATUSES)[number];

/** The rule behind each status. */
export const RULE_OF_STATUS: Readonly<Record<TocilizumabStatus, string>> = {
  ALLOWED: 'TOCI-1',
  TOO_SOON: 'TOCI-2',
  MAX_24H_REACHED: 'TOCI-3',
  MAX_TOTAL_REACHED: 'TOCI-4',
};

export type TocilizumabTiming = {
  readonly status: TocilizumabStatus;
  /**
   * The earliest instant ≥ `at` at which a dose satisfies both the 8 h interval and the 24-hour
   * window: `at` itself when ALLOWED; null when the total is reached.
   */
  readonly earliestNextDoseAtMs: number | null;
  readonly dosesGiven: number;
  /** Doses in the window before `at` (given at times > at − 24 h). */
  readonly dosesInWindow: number;
  /** Milliseconds since the last dose, null when none was given. */
  readonly sinceLastDoseMs: number | null;
};

/**
 * Timing of a proposed dose at `atMs` given the doses already given (all at or before `atMs`;
 * validation guarantees it) and the 24-hour limit in force.
 */
export const tocilizumabTiming = (
  atMs: number,
  previousDosesMs: readonly number[],
  maxPer24h: number,
): TocilizumabTiming => {
  const doses = [...previousDosesMs].sort((a, b) => a - b);
  const dosesGiven = doses.length;
  const last = doses[dosesGiven - 1];
  const sinceLastDoseMs = last === undefined ? null : atMs - last;
  let dosesInWindow = 0;
  for (const dose of doses) if (dose > atMs - WINDOW_MS) dosesInWindow += 1;

  if (dosesGiven >= TOCILIZUMAB_MAX_TOTAL_DOSES) {
    return {
      status: 'MAX_TOTAL_REACHED',
      earliestNextDoseAtMs: null,
      dosesGiven,
      dosesInWindow,
      sinceLastDoseMs,
    };
  }
  // Earliest s ≥ at with s − last ≥ 8 h and fewer than maxPer24h doses in (s − 24 h, s]: the
  // maxPer24h-th most recent dose must have left the window, i.e. s ≥ that dose + 24 h.
  let earliest = atMs;
  if (last !== undefined) earliest = Math.max(earliest, last + MIN_INTERVAL_MS);
  const oldestThatMustLeave = doses[dosesGiven - maxPer24h];
  if (oldestThatMustLeave !== undefined) earliest = Math.max(earliest, oldestThatMustLeave + WINDOW_MS);

  const status: TocilizumabStatus =
    dosesInWindow >= maxPer24h
      ? 'MAX_24H_REACHED'
      : sinceLastDoseMs !== null && sinceLastDoseMs < MIN_INTERVAL_MS
        ? 'TOO_SOON'
        : 'ALLOWED';
  return { status, earliestNextDoseAtMs: earliest, dosesGiven, dosesInWindow, sinceLastDoseMs };
};
