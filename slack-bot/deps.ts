import type { Language } from '#rules';
import {
  userIdFor,
  type Actor,
  type EpisodeService,
  type TeamSettings,
  type TeamSettingsService,
} from '#episodes';

/** What the bot uses of the episode service: the same service GraphQL uses. */
export type EpisodeApi = Pick<
  EpisodeService,
  | 'createEpisode'
  | 'recordVitals'
  | 'recordNeuroAssessment'
  | 'recordDose'
  | 'recordDeath'
  | 'getEpisodeHead'
  | 'acknowledgeAlert'
  | 'getEpisode'
  | 'listEpisodes'
  | 'handoff'
  | 'config'
  | 'now'
  | 'today'
>;

export type SettingsApi = Pick<
  TeamSettingsService,
  'forChannel' | 'forChannels' | 'configure' | 'setLanguage' | 'setHandoffTimes'
>;

/**
 * Episode charts posted to a channel (functions/charts): the render and upload run in the
 * background (deployed, an asynchronous invoke of the chart function), so a command answers in time.
 */
export type ChartDeliveryApi = {
  deliver(request: {
    readonly episodeId: string;
    readonly hours: number;
    readonly channel: string;
    readonly threadTs?: string | undefined;
    readonly language: Language;
  }): Promise<void>;
};

export type LogLevelName = 'info' | 'warn' | 'error';
export type Log = (level: LogLevelName, message: string, details?: Record<string, unknown>) => void;

/** Everything the listeners need, injected by the Lambda entry (or by tests). */
export type SlackBotDeps = {
  readonly episodes: EpisodeApi;
  readonly settings: SettingsApi;
  /** The slash command, e.g. `/cart`. */
  readonly command: string;
  /** Slack users who may map channels to teams (`/cart setup`). */
  readonly adminUserIds: ReadonlySet<string>;
  /** The frontend's base URL, for links to episodes (optional). */
  readonly appUrl?: string | undefined;
  /** Episode charts (`/cart chart`); absent where no chart function is configured. */
  readonly charts?: ChartDeliveryApi | undefined;
  readonly log: Log;
};

/** The actor for service calls from Slack: the Slack user, with the channel's team and role. */
export const actorFor = (slackUserId: string, settings: TeamSettings): Actor => ({
  userId: userIdFor('slack', slackUserId),
  role: settings.role,
  teams: [settings.team],
  via: 'slack',
});

export const languageOf = (settings: TeamSettings | undefined): Language => settings?.language ?? 'en';

/** What a view of an episode is drawn with: now, the ward's date, the rules' settings, the frontend's URL. */
export const viewClock = (
  deps: SlackBotDeps,
): {
  readonly now: Date;
  readonly today: string;
  readonly config: SlackBotDeps['episodes']['config'];
  readonly appUrl: string | undefined;
} => {
  const now = deps.episodes.now();
  return { now, today: deps.episodes.today(now), config: deps.episodes.config, appUrl: deps.appUrl };
};

/** `slack:<id>` when Slack's id fits the service's idempotency key format, else none. */
export const idempotencyKeyFor = (...parts: (string | undefined)[]): string | undefined => {
  if (parts.some((part) => part === undefined || part === '')) return undefined;
  const key = `slack:${parts.join(':')}`;
  return /^[A-Za-z0-9_.:-]{8,128}$/.test(key) ? key : undefined;
};
