/**
 * EPI-1 CRS episodes. An episode opens at the first record graded CRS ≥ 1 (CRS-G6 included) and
 * stays open while CRS findings continue. It closes when no CRS finding has been recorded for
 * `crsEpisodeCloseHours` (24 h) and a complete vitals record in that time shows none: at the last
 * finding + 24 h when such a record came by then, else at that record's time. A later finding
 * opens a new episode (late CRS after day 28, §7.1).
 */
import { instantMs } from '../core/index.ts';
import { HOUR_MS, type TimelineSettings } from './settings.ts';
import type { CrsEpisode, TimelineState } from './state.ts';

/** When an open episode closes (or closed), given what has been recorded; null while it cannot. */
export const closingTime = (episode: CrsEpisode, settings: TimelineSettings): number | null => {
  if (episode.cleanAfterLastFinding === null) return null;
  return Math.max(
    instantMs(episode.lastFindingAt) + settings.crsEpisodeCloseHours * HOUR_MS,
    instantMs(episode.cleanAfterLastFinding.at),
  );
};

export const isOpenAt = (episode: CrsEpisode | null, at: string, settings: TimelineSettings): boolean => {
  if (episode?.closedAt !== null) return false;
  const closes = closingTime(episode, settings);
  return closes === null || instantMs(at) < closes;
};

/** The state with its open CRS episode closed when its closing time is at or before `at`. */
export const closeIfDue = (state: TimelineState, at: string, settings: TimelineSettings): TimelineState => {
  const episode = state.crsEpisode;
  if (episode?.closedAt !== null || isOpenAt(episode, at, settings)) return state;
  const closes = closingTime(episode, settings) ?? instantMs(at);
  return {
    ...state,
    crsEpisode: { ...episode, closedAt: new Date(closes).toISOString() },
    // TOCI-4 per episode: a new CRS episode starts a new count.
    tocilizumabEpisode: { count: 0, doses: [] },
    raised: [],
  };
};

/** The open CRS episode at `at`, or null. */
export const openEpisodeAt = (
  state: TimelineState,
  at: string,
  settings: TimelineSettings,
): CrsEpisode | null => (isOpenAt(state.crsEpisode, at, settings) ? state.crsEpisode : null);

/** True when `earlier` is at most `hours` before `at`. */
export const withinHours = (earlier: string, at: string, hours: number): boolean =>
  instantMs(at) - instantMs(earlier) <= hours * HOUR_MS;

/** EPI-3: an open episode without vital signs for longer than `staleCrsHours` is stale. */
export const isStaleAt = (state: TimelineState, at: string, settings: TimelineSettings): boolean => {
  const last = state.recorded.vitalsAt;
  return last === null || !withinHours(last.at, at, settings.staleCrsHours);
};
