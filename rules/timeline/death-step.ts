/**
 * EPI-5: a death with its attribution. Attributed to CRS or ICANS it is grade 5 of that syndrome
 * (ASTCT: death due to CRS / ICANS with no other principal cause); any open CRS episode closes.
 */
import type { StepResult } from './derivation.ts';
import type { TimelineDeath } from './records.ts';
import type { TimelineState } from './state.ts';

export const stepDeath = (state: TimelineState, record: TimelineDeath): StepResult => {
  const at = record.at;
  const grade5 = { grade: 5 as const, at, recordId: record.id, complete: true, needs: [] };
  const episode = state.crsEpisode;
  return {
    state: {
      ...state,
      death: { at, recordId: record.id, attribution: record.attribution },
      crs: record.attribution === 'CRS' ? grade5 : state.crs,
      icans: record.attribution === 'ICANS' ? grade5 : state.icans,
      crsEpisode: episode !== null && episode.closedAt === null ? { ...episode, closedAt: at } : episode,
    },
    record,
    triggers: [],
  };
};
