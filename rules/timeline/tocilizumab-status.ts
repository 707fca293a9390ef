/**
 * TOCI-2..4 on the timeline: which tocilizumab doses still count at time t, and the status of a
 * further dose. TOCI-3's 24-hour window counts every dose whatever its CRS episode; TOCI-4 counts
 * the doses of the current CRS episode (`per-episode`, the Decision) or of the whole course
 * (`per-course`), as the deployment configures. A late CRS in a new CRS episode starts a new count.
 */
import { instantMs } from '../core/index.ts';
import {
  TOCILIZUMAB_MAX_TOTAL_DOSES,
  TOCILIZUMAB_MIN_INTERVAL_HOURS,
  type TocilizumabStatus,
} from '../tocilizumab/timing.ts';
import { HOUR_MS, type TimelineSettings } from './settings.ts';
import type { Stamp, TimelineState } from './state.ts';

export type TotalLimitScope = 'per-episode' | 'per-course';

/** TOCI-4's scope as configured (per CRS episode unless the deployment says per course). */
export const totalLimitScope = (settings: TimelineSettings): TotalLimitScope =>
  (settings as { readonly tocilizumabTotalLimitScope?: TotalLimitScope }).tocilizumabTotalLimitScope ??
  'per-episode';

export type TocilizumabStatusAt = {
  readonly status: TocilizumabStatus;
  readonly earliestNextDoseAt: string | null;
  /** Doses counted toward TOCI-4 in its scope. */
  readonly dosesCounted: number;
  /** Doses in the 24 h before t (TOCI-3). */
  readonly dosesIn24h: number;
  readonly scope: TotalLimitScope;
  /** The dose times the TOCI checks use (the 24 h window and the current count), oldest first. */
  readonly doseTimes: readonly string[];
  /** The last dose of the 24 h window, when there is one (TOCI-2). */
  readonly lastDoseAt: string | null;
};

const WINDOW_MS = 24 * HOUR_MS;

/**
 * The doses given in the 24 h before `atMs` (a dose exactly 24 h earlier has left the window). Every
 * dose the state holds was given: one timed a little after `atMs` (a bedside clock ahead, within the
 * tolerance the service accepts) counts as given, never as not yet given.
 */
export const dosesInWindow = (doses: readonly Stamp[], atMs: number): Stamp[] =>
  doses.filter((dose) => instantMs(dose.at) > atMs - WINDOW_MS);

export const tocilizumabStatusAt = (
  state: TimelineState,
  at: string,
  settings: TimelineSettings,
): TocilizumabStatusAt => {
  const atMs = instantMs(at);
  const scope = totalLimitScope(settings);
  const maxPer24h = settings.tocilizumabMaxDosesPer24h;
  const window = dosesInWindow(state.tocilizumabRecent, atMs)
    .map((dose) => instantMs(dose.at))
    .sort((a, b) => a - b);
  const counted = scope === 'per-course' ? state.tocilizumabCourseCount : state.tocilizumabEpisode.count;
  const times = new Set<number>(window);
  for (const dose of state.tocilizumabEpisode.doses) times.add(instantMs(dose.at));
  const doseTimes = [...times].sort((a, b) => a - b).map((ms) => new Date(ms).toISOString());
  const lastInWindow = window.at(-1);
  const base = {
    dosesCounted: counted,
    dosesIn24h: window.length,
    scope,
    doseTimes,
    lastDoseAt: lastInWindow === undefined ? null : new Date(lastInWindow).toISOString(),
  };
  // Status precedence: MAX_TOTAL_REACHED > MAX_24H_REACHED > TOO_SOON > ALLOWED (TOCI-2..4).
  if (counted >= TOCILIZUMAB_MAX_TOTAL_DOSES)
    return { ...base, status: 'MAX_TOTAL_REACHED', earliestNextDoseAt: null };
  const last = window.at(-1);
  let earliest = atMs;
  if (last !== undefined) earliest = Math.max(earliest, last + TOCILIZUMAB_MIN_INTERVAL_HOURS * HOUR_MS);
  const mustLeave = window[window.length - maxPer24h];
  if (mustLeave !== undefined) earliest = Math.max(earliest, mustLeave + WINDOW_MS);
  const status: TocilizumabStatus =
    window.length >= maxPer24h
      ? 'MAX_24H_REACHED'
      : last !== undefined && atMs - last < TOCILIZUMAB_MIN_INTERVAL_HOURS * HOUR_MS
        ? 'TOO_SOON'
        : 'ALLOWED';
  return { ...base, status, earliestNextDoseAt: new Date(earliest).toISOString() };
};
