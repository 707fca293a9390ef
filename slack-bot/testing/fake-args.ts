import { vi } from 'vitest';
import { DEFAULT_RULES_CONFIG, DEFAULT_TIMELINE_SETTINGS, shiftHandoff } from '#rules';
import { TeamSettingsService, type TeamSettings } from '#episodes';
import type { SlackBotDeps } from '../deps.ts';
import { NOW, TODAY } from './fixtures.ts';
import { MemorySettingsStore } from './memory-settings.ts';

/**
 * Fake middleware arguments for listener tests (as in Slack's bolt-ts-starter-template): the
 * episode service's methods are spies, settings live in memory, the Web API client records calls.
 */
export const fakeDeps = (channel?: Partial<TeamSettings> | null) => {
  const store = new MemorySettingsStore();
  if (channel !== null) {
    const settings: TeamSettings = {
      team: 'hem-a',
      channelId: 'C0HEMA',
      oncallUserGroupId: 'S0ONCALL',
      language: 'en',
      role: 'clinician',
      updatedAt: NOW.toISOString(),
      updatedBy: 'system:test',
      version: 1,
      ...channel,
    };
    store.teams.set(settings.team, settings);
    store.channels.set(settings.channelId, settings);
  }
  const episodes = {
    createEpisode: vi.fn(),
    recordVitals: vi.fn(),
    recordNeuroAssessment: vi.fn(),
    recordDose: vi.fn(),
    recordDeath: vi.fn(),
    acknowledgeAlert: vi.fn(),
    getEpisode: vi.fn(),
    getEpisodeHead: vi.fn(),
    listEpisodes: vi.fn(),
    // A team with no active episode, unless a test says otherwise.
    handoff: vi.fn((_actor: unknown, query: { team: string }) =>
      Promise.resolve(
        shiftHandoff(query.team, {
          at: NOW.toISOString(),
          timeZone: 'Asia/Shanghai',
          settings: DEFAULT_TIMELINE_SETTINGS,
          episodes: [],
        }),
      ),
    ),
    config: DEFAULT_RULES_CONFIG,
    now: () => NOW,
    today: () => TODAY,
  };
  const log = vi.fn();
  const deps: SlackBotDeps = {
    episodes: episodes,
    settings: new TeamSettingsService(store, () => NOW),
    command: '/cart',
    adminUserIds: new Set(['U0ADMIN']),
    log,
  };
  return { deps, episodes, store, log };
};

export const fakeClient = () => ({
  views: {
    open: vi.fn(() => Promise.resolve({ ok: true })),
    publish: vi.fn(() => Promise.resolve({ ok: true })),
  },
  chat: { postMessage: vi.fn(() => Promise.resolve({ ok: true, ts: '1.000001', channel: 'C0HEMA' })) },
  users: {
    conversations: vi.fn(() => Promise.resolve({ ok: true, channels: [{ id: 'C0HEMA' }, { id: 'C0ELSE' }] })),
  },
});

export const commandArgs = (
  text: string,
  options: { channel?: string; user?: string; trigger?: string } = {},
) => {
  const ack = vi.fn((_response?: unknown) => Promise.resolve());
  const client = fakeClient();
  return {
    ack,
    client,
    context: {},
    command: {
      command: '/cart',
      text,
      channel_id: options.channel ?? 'C0HEMA',
      user_id: options.user ?? 'U0NURSE',
      trigger_id: options.trigger ?? '13345224609.738474920.8088930838d8',
      team_id: 'T0LOCAL',
      response_url: 'https://hooks.slack.invalid/x',
    },
  };
};
