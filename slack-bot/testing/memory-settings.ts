import type { TeamSettings, TeamSettingsStore } from '#episodes';

/** Team settings kept in memory, with the same rules as the DynamoDB store (for listener tests). */
export class MemorySettingsStore implements TeamSettingsStore {
  readonly teams = new Map<string, TeamSettings>();
  readonly channels = new Map<string, TeamSettings>();

  byChannel(channelId: string): Promise<TeamSettings | undefined> {
    return Promise.resolve(this.channels.get(channelId));
  }

  byTeam(team: string): Promise<TeamSettings | undefined> {
    return Promise.resolve(this.teams.get(team));
  }

  byChannels(channelIds: readonly string[]): Promise<readonly TeamSettings[]> {
    return Promise.resolve(channelIds.flatMap((id) => this.channels.get(id) ?? []));
  }

  save(next: TeamSettings, previous: TeamSettings | undefined): Promise<boolean> {
    const current = this.teams.get(next.team);
    if (current?.version !== previous?.version) return Promise.resolve(false);
    const owner = this.channels.get(next.channelId);
    if (owner && owner.team !== next.team) return Promise.resolve(false);
    if (previous && previous.channelId !== next.channelId) this.channels.delete(previous.channelId);
    this.teams.set(next.team, next);
    this.channels.set(next.channelId, next);
    return Promise.resolve(true);
  }
}
