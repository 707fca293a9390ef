import { describe, expect, it } from 'vitest';
import type { Author, EpisodeState, TeamSettings } from '#episodes';
import { describeError } from '../errors/describe-error.ts';
import { CommandInputError } from '../parser/problems.ts';
import { alert, config, criticalRecording, head, NOW, TODAY } from '../testing/fixtures.ts';
import { unintendedMarkup } from '../testing/markup-check.ts';
import { alertMessageView, alertReminderView } from './alert-message.ts';
import { appHomeView } from './app-home.ts';
import { who } from './blocks.ts';
import { episodeCreatedView } from './episode-created.ts';
import { episodeListView } from './episode-list.ts';
import { episodeManagementView, episodeStatusView } from './episode-status.ts';
import { errorView } from './error.ts';
import { recordingView } from './recording.ts';
import { settingsSavedView } from './settings-saved.ts';

/**
 * Stored data is shown, never obeyed: every string a view takes from storage, a token or a user
 * (patient refs, teams, author ids, settings, alert texts) may hold Slack markup, and none of it
 * may become a mention, a link or an entity in a message, the App Home or a modal.
 */
const HOSTILE = [
  '<!channel>',
  '<!here|here>',
  '<@U0EVIL>',
  '<!subteam^S0EVIL|@all>',
  '<https://evil.example|open me>',
  'a & b',
  '&lt;!everyone&gt;',
  '<#C0EVIL>',
] as const;

const authorWith = (userId: string): Author => ({ userId, role: 'clinician', via: 'graphql' });
const allowed = { users: ['U0NURSE'], userGroups: ['S0ONCALL'], channels: ['C0HEMA'] };

describe.each(HOSTILE)('views given stored data holding %s', (evil) => {
  const episode = head({
    patientRef: `P-1 ${evil}`,
    team: `hem ${evil}`,
    createdBy: authorWith(`cognito:${evil}`),
  });
  const acknowledged = alert({
    text: { zh: `文本 ${evil}`, en: `text ${evil}` },
    acknowledgedAt: NOW.toISOString(),
    acknowledgedBy: authorWith(`slack:U0NURSE> ${evil}`),
  });
  const state: EpisodeState = {
    head: episode,
    records: [],
    vitals: [],
    neuro: [],
    labs: [],
    doses: [],
    deaths: [],
    gradings: criticalRecording().gradings,
    alerts: [
      acknowledged,
      alert({ acknowledgedAt: NOW.toISOString(), acknowledgedBy: authorWith(`cognito:${evil}`) }),
    ],
  };
  const settings: TeamSettings = {
    team: `hem ${evil}`,
    channelId: `C0HEMA${evil}`,
    oncallUserGroupId: `S0ONCALL${evil}`,
    language: 'en',
    role: 'clinician',
    updatedAt: NOW.toISOString(),
    updatedBy: `slack:${evil}`,
    version: 1,
  };

  it.each([
    ['episode status', () => episodeStatusView({ state, language: 'en', now: NOW, today: TODAY, config })],
    [
      'episode management',
      () => episodeManagementView({ state, language: 'zh-CN', now: NOW, today: TODAY, config }),
    ],
    [
      'episode list',
      () => episodeListView({ team: episode.team, episodes: [episode], language: 'zh-CN', today: TODAY }),
    ],
    [
      'episode created',
      () => episodeCreatedView({ episode, language: 'en', today: TODAY, command: '/cart' }),
    ],
    [
      'App Home',
      () =>
        appHomeView({
          teams: [{ team: episode.team, episodes: [episode] }],
          language: 'en',
          today: TODAY,
          command: '/cart',
        }),
    ],
    [
      'alert message',
      () =>
        alertMessageView({
          alert: acknowledged,
          language: 'en',
          oncallUserGroupId: settings.oncallUserGroupId,
        }),
    ],
    [
      'open alert message',
      () =>
        alertMessageView({
          alert: alert({ text: { zh: evil, en: evil } }),
          language: 'zh-CN',
          oncallUserGroupId: `S0${evil}`,
        }),
    ],
    [
      'alert reminder',
      () =>
        alertReminderView({
          alert: alert({ text: { zh: evil, en: evil } }),
          language: 'en',
          oncallUserGroupId: null,
          minutesOpen: 30,
        }),
    ],
    [
      'recording',
      () =>
        recordingView({
          kind: 'vitals',
          recording: criticalRecording({ episode }),
          language: 'en',
          now: NOW,
          today: TODAY,
          config,
        }),
    ],
    ['settings saved', () => settingsSavedView(settings, 'zh-CN')],
    [
      'error reply',
      () =>
        errorView(
          describeError(
            new CommandInputError([
              { code: 'unexpected', received: evil, text: { zh: evil.replace(/[<>&]/g, ''), en: 'x' } },
            ]),
            {
              fields: [],
              command: '/cart',
            },
          ),
          'en',
          'abc123',
        ),
    ],
  ])('%s shows it escaped', (_view, build) => {
    expect(unintendedMarkup(build(), allowed)).toEqual([]);
  });
});

describe('who: only an id of Slack’s exact shape becomes a mention', () => {
  it.each([
    ['slack:U0NURSE', '<@U0NURSE>'],
    ['slack:W0GRID1', '<@W0GRID1>'],
    ['slack:U0NURSE> <!channel', 'slack:U0NURSE&gt; &lt;!channel'],
    ['slack:u0lower', 'slack:u0lower'],
    ['cognito:3f2a-<@U0EVIL>', 'cognito:3f2a-&lt;@U0EVIL&gt;'],
    ['U0NURSE', 'U0NURSE'],
  ])('%s → %s', (userId, shown) => {
    expect(who(userId)).toBe(shown);
  });
});
