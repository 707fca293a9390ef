import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { httpRoutes } from '../../functions/http-routes.ts';
import { slackBotDepsFromEnv } from '../../functions/slack/bot-deps.ts';
import { SUBCOMMANDS } from '../../slack-bot/parser/parse-command.ts';

/**
 * The Slack app manifest (slack-bot/manifest.json) against the code: the command the bot answers,
 * the route the HTTP API serves, the events it listens to and the scopes of the Web API methods
 * it calls (least privilege: nothing more).
 */
const repositoryRoot = resolve(import.meta.dirname, '..', '..');

type Manifest = {
  _metadata: { major_version: number };
  features: {
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean };
    slash_commands: { command: string; url: string; usage_hint: string; description: string }[];
  };
  oauth_config: { scopes: { bot: string[]; user?: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
    socket_mode_enabled: boolean;
    token_rotation_enabled: boolean;
  };
};

const manifest = JSON.parse(
  readFileSync(join(repositoryRoot, 'slack-bot', 'manifest.json'), 'utf8'),
) as Manifest;

/**
 * Bot scopes each Web API method needs (https://docs.slack.dev/reference/methods). Methods that
 * need none (views.*, auth.test) are listed too, so a new call must be classified here.
 */
const SCOPES_BY_METHOD: Readonly<Record<string, readonly string[]>> = {
  'chat.postMessage': ['chat:write'],
  'chat.update': ['chat:write'],
  'chat.postEphemeral': ['chat:write'],
  'views.open': [],
  'views.push': [],
  'views.update': [],
  'views.publish': [],
  'auth.test': [],
  // App Home lists the user's public and private channels (types public_channel,private_channel).
  'users.conversations': ['channels:read', 'groups:read'],
};
/** Receiving slash commands. */
const COMMAND_SCOPE = 'commands';

/** Source files of the bot and of the functions that post to Slack (tests and fakes excluded). */
const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
const deployedSources = (): string[] =>
  ['slack-bot', 'functions/slack', 'functions/alerts', 'functions/sweeper'].flatMap((folder) =>
    sourceFiles(join(repositoryRoot, folder)),
  );

/** Web API methods called as `client.<family>.<method>(` or `client().…` (across lines too), or by name. */
const webApiMethodsCalled = (): Map<string, string[]> => {
  const called = new Map<string, string[]>();
  const note = (method: string, file: string) => {
    called.set(method, [...(called.get(method) ?? []), relative(repositoryRoot, file)]);
  };
  for (const file of deployedSources()) {
    const code = readFileSync(file, 'utf8');
    for (const match of code.matchAll(/\bclient\(?\)?\s*\.\s*([a-z]+)\s*\.\s*([a-zA-Z]+)\s*\(/g))
      note(`${match[1] ?? ''}.${match[2] ?? ''}`, file);
    for (const match of code.matchAll(/\.apiCall\(\s*['"]([a-z]+\.[a-zA-Z.]+)['"]/g))
      note(match[1] ?? '', file);
  }
  return called;
};

const slackRoute = httpRoutes.find((route) => route.lambda === 'slack');

describe('slack-bot/manifest.json', () => {
  it('is a version 1 manifest for an HTTP app: no Socket Mode, no token rotation', () => {
    expect(manifest._metadata.major_version).toBe(1);
    expect(manifest.settings.socket_mode_enabled).toBe(false);
    expect(manifest.settings.token_rotation_enabled).toBe(false);
  });

  it('registers the slash command the bot answers by default', () => {
    const command = slackBotDepsFromEnv({}).command;
    expect(command).toBe('/cart');
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual([command]);
  });

  it('hints at every subcommand', () => {
    const hint = manifest.features.slash_commands[0]?.usage_hint ?? '';
    for (const name of Object.keys(SUBCOMMANDS)) expect(hint).toMatch(new RegExp(`\\b${name}\\b`));
  });

  it('sends commands, interactivity and events to the Slack route of the HTTP API', () => {
    expect(slackRoute?.method).toBe('POST');
    const path = slackRoute?.path ?? '(no Slack route)';
    const urls = [
      ...manifest.features.slash_commands.map((c) => c.url),
      manifest.settings.interactivity.request_url,
      manifest.settings.event_subscriptions.request_url,
    ];
    expect(urls).toHaveLength(3);
    for (const url of urls) {
      expect(url.startsWith('https://')).toBe(true);
      expect(new URL(url).pathname).toBe(path);
    }
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });

  it('has the App Home tab, not the messages tab, and subscribes to exactly the events the bot handles', () => {
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_enabled).toBe(false);
    const handled = new Set<string>();
    for (const file of deployedSources()) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bapp\.event\(\s*['"]([a-z_.]+)['"]/g))
        handled.add(match[1] ?? '');
    }
    expect([...handled]).toContain('app_home_opened');
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual([...handled].sort());
  });

  it('finds the Web API calls of the bot and the alert pipeline', () => {
    const called = webApiMethodsCalled();
    // Sanity of the scan itself: these calls are known to exist.
    for (const method of [
      'chat.postMessage',
      'chat.update',
      'views.open',
      'views.publish',
      'users.conversations',
      'auth.test',
    ])
      expect(called.has(method), method).toBe(true);
    const unclassified = [...called.keys()].filter((method) => !(method in SCOPES_BY_METHOD));
    expect(unclassified).toEqual([]);
  });

  it('requests exactly the bot scopes those calls and the slash command need', () => {
    const needed = new Set<string>([COMMAND_SCOPE]);
    for (const method of webApiMethodsCalled().keys())
      for (const scope of SCOPES_BY_METHOD[method] ?? []) needed.add(scope);
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...needed].sort());
    expect(manifest.oauth_config.scopes.user ?? []).toEqual([]);
  });
});
