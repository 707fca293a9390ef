import { describe, expect, it } from 'vitest';
import { TeamSettingsService, type TeamSettings, type TeamSettingsStore } from './team-settings.ts';

/** A store that counts its channel reads; a second store instance stands for another container. */
const countingStore = () => {
  const channels = new Map<string, TeamSettings>();
  const teams = new Map<string, TeamSettings>();
  let channelReads = 0;
  const store: TeamSettingsStore = {
    byChannel: (id) => {
      channelReads += 1;
      return Promise.resolve(channels.get(id));
    },
    byTeam: (team) => Promise.resolve(teams.get(team)),
    byChannels: (ids) => Promise.resolve(ids.flatMap((id) => channels.get(id) ?? [])),
    save: (next) => {
      teams.set(next.team, next);
      channels.set(next.channelId, next);
      return Promise.resolve(true);
    },
  };
  return { store, channelReads: () => channelReads };
};

const clockAt = (start: number) => {
  let now = start;
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
};
const admin = { userId: 'slack:U0ADMIN', admin: true };
const CACHE_MS = 30_000;

describe('channel settings cache (Slack containers)', () => {
  it('reuses a channel’s settings for the cache time: at 29.999 s no read, at 30 s one read', async () => {
    const { store, channelReads } = countingStore();
    const clock = clockAt(Date.UTC(2026, 2, 3));
    const settings = new TeamSettingsService(store, clock.now, CACHE_MS);
    await settings.configure(admin, { team: 'hem-a', channelId: 'C0HEMA01', language: 'en' });
    const readsAfterSetup = channelReads();

    expect((await settings.forChannel('C0HEMA01'))?.team).toBe('hem-a');
    clock.advance(CACHE_MS - 1);
    await settings.forChannel('C0HEMA01');
    expect(channelReads()).toBe(readsAfterSetup + 1);
    clock.advance(1);
    await settings.forChannel('C0HEMA01');
    expect(channelReads()).toBe(readsAfterSetup + 2);
  });

  it('a change through the same service is seen at once', async () => {
    const { store } = countingStore();
    const settings = new TeamSettingsService(store, clockAt(Date.UTC(2026, 2, 3)).now, CACHE_MS);
    await settings.configure(admin, {
      team: 'hem-a',
      channelId: 'C0HEMA01',
      language: 'en',
      role: 'clinician',
    });
    expect((await settings.forChannel('C0HEMA01'))?.language).toBe('en');
    await settings.setLanguage(admin, 'C0HEMA01', 'zh-CN');
    expect((await settings.forChannel('C0HEMA01'))?.language).toBe('zh-CN');
    await settings.configure(admin, { team: 'hem-a', channelId: 'C0HEMA01', role: 'viewer' });
    expect((await settings.forChannel('C0HEMA01'))?.role).toBe('viewer');
  });

  it('a change made elsewhere is seen once the cache time has passed', async () => {
    const { store } = countingStore();
    const clock = clockAt(Date.UTC(2026, 2, 3));
    const slack = new TeamSettingsService(store, clock.now, CACHE_MS);
    const elsewhere = new TeamSettingsService(store, clock.now);
    await elsewhere.configure(admin, { team: 'hem-a', channelId: 'C0HEMA01', role: 'clinician' });
    expect((await slack.forChannel('C0HEMA01'))?.role).toBe('clinician');
    await elsewhere.configure(admin, { team: 'hem-a', channelId: 'C0HEMA01', role: 'viewer' });
    expect((await slack.forChannel('C0HEMA01'))?.role).toBe('clinician');
    clock.advance(CACHE_MS);
    expect((await slack.forChannel('C0HEMA01'))?.role).toBe('viewer');
  });

  it('without a cache time every call reads the store', async () => {
    const { store, channelReads } = countingStore();
    const settings = new TeamSettingsService(store);
    await settings.forChannel('C0HEMA01');
    await settings.forChannel('C0HEMA01');
    expect(channelReads()).toBe(2);
  });
});
