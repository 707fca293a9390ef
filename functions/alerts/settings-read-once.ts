import type { TeamSettings } from '../episodes/team-settings.ts';

export type TeamSettingsSource = { forTeam(team: string): Promise<TeamSettings | undefined> };

/**
 * Team settings read once per team for as long as this object lives (one sweep): concurrent
 * deliveries for the same team share the one read, a team with no channel is remembered as such,
 * and a read that failed is forgotten so the next alert of that team tries again.
 */
export const settingsReadOnce = (
  source: TeamSettingsSource,
): TeamSettingsSource & { readonly teams: number } => {
  const reads = new Map<string, Promise<TeamSettings | undefined>>();
  return {
    forTeam: (team) => {
      let read = reads.get(team);
      if (!read) {
        read = source.forTeam(team);
        reads.set(team, read);
        read.catch(() => reads.delete(team));
      }
      return read;
    },
    get teams() {
      return reads.size;
    },
  };
};
