/**
 * The timeline's state as people read it at `now`: the current grades (complete or lower bound),
 * the current CRS episode (open, closed or stale; onset, peak, first-line therapy, tocilizumab
 * doses), the tocilizumab status for a dose now, the last HLH check and the last vitals with their
 * ages. Pure: `now` is an argument.
 */
import { instantMs } from '../core/index.ts';
import { closingTime, isOpenAt, isStaleAt } from './crs-episode.ts';
import type { TimelineSettings } from './settings.ts';
import type { CrsEpisode, CurrentGrade, Stamped, TimelineState } from './state.ts';
import { tocilizumabStatusAt, type TocilizumabStatusAt } from './tocilizumab-status.ts';

export type CrsEpisodeView = CrsEpisode & {
  readonly status: 'OPEN' | 'STALE' | 'CLOSED';
  /** When the episode closes if nothing new is recorded (EPI-1), null when it cannot yet. */
  readonly closesAt: string | null;
  readonly tocilizumabCount: number;
  readonly tocilizumabDoses: readonly { readonly at: string; readonly recordId: string }[];
};

export type LastValue = Stamped<unknown> & { readonly ageMinutes: number };

export type TimelineView = {
  readonly crs: CurrentGrade | null;
  readonly icans: CurrentGrade | null;
  readonly crsEpisode: CrsEpisodeView | null;
  readonly tocilizumab: TocilizumabStatusAt;
  readonly death: TimelineState['death'];
  readonly lastVitalsAt: string | null;
  readonly lastValues: Readonly<Record<string, LastValue | null>>;
};

const withAge = (value: Stamped<unknown> | null, nowMs: number): LastValue | null =>
  value === null
    ? null
    : { ...value, ageMinutes: Math.max(0, Math.floor((nowMs - instantMs(value.at)) / 60_000)) };

export const viewTimeline = (state: TimelineState, now: string, settings: TimelineSettings): TimelineView => {
  const nowMs = instantMs(now);
  const episode = state.crsEpisode;
  let crsEpisode: CrsEpisodeView | null = null;
  if (episode !== null) {
    const open = isOpenAt(episode, now, settings);
    const closes = closingTime(episode, settings);
    const closedAt = episode.closedAt ?? (open || closes === null ? null : new Date(closes).toISOString());
    crsEpisode = {
      ...episode,
      closedAt,
      status: !open ? 'CLOSED' : isStaleAt(state, now, settings) ? 'STALE' : 'OPEN',
      closesAt: open && closes !== null ? new Date(closes).toISOString() : null,
      tocilizumabCount: open ? state.tocilizumabEpisode.count : 0,
      tocilizumabDoses: open ? state.tocilizumabEpisode.doses : [],
    };
  }
  const r = state.recorded;
  return {
    crs: state.crs,
    icans: state.icans,
    crsEpisode,
    tocilizumab: tocilizumabStatusAt(
      crsEpisode !== null && crsEpisode.status === 'CLOSED' && episode?.closedAt === null
        ? { ...state, tocilizumabEpisode: { count: 0, doses: [] } }
        : state,
      now,
      settings,
    ),
    death: state.death,
    lastVitalsAt: r.vitalsAt?.at ?? null,
    lastValues: {
      temperatureCelsius: withAge(r.temperatureCelsius, nowMs),
      systolicBp: withAge(r.systolicBp, nowMs),
      spo2Percent: withAge(r.spo2Percent, nowMs),
      oxygen: withAge(r.oxygen, nowMs),
      vasopressors: withAge(r.vasopressors, nowMs),
    },
  };
};
