import * as z from 'zod/mini';
import { LANGUAGES, describeIssues, handoffTimesSchema, type Language } from '#rules';
import { ROLES, type Role } from './actor.ts';
import { EpisodeConflictError, EpisodeForbiddenError, EpisodeValidationError } from './errors.ts';
import { teamIdSchema } from './inputs.ts';

/**
 * Team settings: which Slack channel a team works in, the user group paged for critical alerts,
 * the channel's language and the role its members act with. Stored data, managed by `/cart setup`
 * (administrators), `/cart lang` (anyone in the channel) or an API, never by code.
 */
export type TeamSettings = {
  readonly team: string;
  /** The Slack channel the team's alerts go to and its commands come from. */
  readonly channelId: string;
  /** Slack user group mentioned on critical alerts (`<!subteam^S…>`); null when none is set. */
  readonly oncallUserGroupId: string | null;
  readonly language: Language;
  /** What the channel's members may do through Slack (default clinician). */
  readonly role: Role;
  readonly updatedAt: string;
  readonly updatedBy: string;
  /** Optimistic locking: every change increments it. */
  readonly version: number;
  /** HANDOFF-1: local times (hospital zone, "08:00") the shift handoff digest is posted at; none when absent. */
  readonly handoffTimes?: readonly string[];
};

export const SLACK_CHANNEL_ALLOWED = 'a Slack channel id such as C0123ABCD';
export const slackChannelIdSchema = z
  .string({ error: SLACK_CHANNEL_ALLOWED })
  .check(z.regex(/^[CG][A-Z0-9]{2,20}$/, { error: SLACK_CHANNEL_ALLOWED }));

export const SLACK_USER_GROUP_ALLOWED = 'a Slack user group id such as S0123ABCD';
export const slackUserGroupIdSchema = z
  .string({ error: SLACK_USER_GROUP_ALLOWED })
  .check(z.regex(/^S[A-Z0-9]{2,20}$/, { error: SLACK_USER_GROUP_ALLOWED }));

export const languageSchema = z.enum(LANGUAGES);
export const roleSchema = z.enum(ROLES);

/** A change of a team's settings; omitted fields keep their current value (or the default). */
export const teamSettingsChangeSchema = z.strictObject({
  team: teamIdSchema,
  channelId: slackChannelIdSchema,
  oncallUserGroupId: z.nullish(slackUserGroupIdSchema),
  language: z.optional(languageSchema),
  role: z.optional(roleSchema),
});
export type TeamSettingsChange = z.input<typeof teamSettingsChangeSchema>;

export const DEFAULT_TEAM_LANGUAGE: Language = 'en';
export const DEFAULT_CHANNEL_ROLE: Role = 'clinician';

/** Who changes settings: an administrator may map channels; anyone in a mapped channel may set its language. */
export type SettingsEditor = { readonly userId: string; readonly admin: boolean };

/** What the settings service needs from storage (team-settings-repository.ts implements it). */
export type TeamSettingsStore = {
  byChannel(channelId: string): Promise<TeamSettings | undefined>;
  byTeam(team: string): Promise<TeamSettings | undefined>;
  byChannels(channelIds: readonly string[]): Promise<readonly TeamSettings[]>;
  /**
   * Writes the team's settings and its channel's mapping together, removing the team's previous
   * channel mapping; refuses (returns false) when either changed since they were read.
   */
  save(next: TeamSettings, previous: TeamSettings | undefined): Promise<boolean>;
  /** HANDOFF-1: the settings of every team with handoff times (one Query, paged); none when not kept. */
  withHandoffTimes?(): Promise<readonly TeamSettings[]>;
};

const parse = <S extends z.ZodMiniType>(schema: S, input: unknown, prefix: string): z.output<S> => {
  const result = schema.safeParse(input);
  if (!result.success) throw new EpisodeValidationError(describeIssues(result.error.issues, input, prefix));
  return result.data;
};

const MAX_CACHED_CHANNELS = 1000;

/** Team settings: reads for every Slack request and alert, validated changes with optimistic locking. */
export class TeamSettingsService {
  readonly #store: TeamSettingsStore;
  readonly #clock: () => Date;
  readonly #channelCacheMs: number;
  readonly #channelCache = new Map<
    string,
    { readonly at: number; readonly settings: Promise<TeamSettings | undefined> }
  >();

  /**
   * `channelCacheMs` > 0 reuses a channel's settings that long (the Slack function: one read fewer
   * per command). A change made through this service is seen at once; one made elsewhere (another
   * Lambda container) within that time.
   */
  constructor(store: TeamSettingsStore, clock: () => Date = () => new Date(), channelCacheMs = 0) {
    this.#store = store;
    this.#clock = clock;
    this.#channelCacheMs = channelCacheMs;
  }

  /** The settings of the team a channel is mapped to (one GetItem), or undefined for an unmapped channel. */
  forChannel(channelId: string): Promise<TeamSettings | undefined> {
    if (this.#channelCacheMs <= 0) return this.#store.byChannel(channelId);
    const now = this.#clock().getTime();
    const cached = this.#channelCache.get(channelId);
    if (cached && now - cached.at < this.#channelCacheMs) return cached.settings;
    if (this.#channelCache.size >= MAX_CACHED_CHANNELS) this.#channelCache.clear();
    const settings = this.#store.byChannel(channelId);
    this.#channelCache.set(channelId, { at: now, settings });
    settings.catch(() => this.#channelCache.delete(channelId));
    return settings;
  }

  forTeam(team: string): Promise<TeamSettings | undefined> {
    return this.#store.byTeam(team);
  }

  /** The mapped ones among these channels (one BatchGetItem per 100). */
  forChannels(channelIds: readonly string[]): Promise<readonly TeamSettings[]> {
    return this.#store.byChannels([...new Set(channelIds)]);
  }

  /**
   * Maps a channel to a team (or changes the team's settings): administrators only. A channel
   * serves one team and a team one channel: a channel already mapped to another team is refused.
   */
  async configure(editor: SettingsEditor, input: unknown): Promise<TeamSettings> {
    const change = parse(teamSettingsChangeSchema, input, 'settings');
    if (!editor.admin)
      throw new EpisodeForbiddenError('Only Slack administrators of this app may map channels to teams');
    const [current, channelOwner] = await Promise.all([
      this.#store.byTeam(change.team),
      this.#store.byChannel(change.channelId),
    ]);
    if (channelOwner && channelOwner.team !== change.team) {
      throw new EpisodeValidationError([
        {
          field: 'settings.channelId',
          allowed: `a channel not mapped to another team (this one serves team ${channelOwner.team})`,
          received: change.channelId,
          message: `Channel ${change.channelId} already serves team ${channelOwner.team}; map that team to another channel first`,
        },
      ]);
    }
    const next: TeamSettings = {
      team: change.team,
      channelId: change.channelId,
      oncallUserGroupId:
        change.oncallUserGroupId === undefined
          ? (current?.oncallUserGroupId ?? null)
          : change.oncallUserGroupId,
      language: change.language ?? current?.language ?? DEFAULT_TEAM_LANGUAGE,
      role: change.role ?? current?.role ?? DEFAULT_CHANNEL_ROLE,
      updatedAt: this.#clock().toISOString(),
      updatedBy: editor.userId,
      version: (current?.version ?? 0) + 1,
    };
    if (!(await this.#store.save(next, current))) throw this.#conflict(change.team);
    this.#channelCache.clear();
    return next;
  }

  /** The language of a mapped channel's replies and alerts: anyone in the channel may set it. */
  async setLanguage(editor: SettingsEditor, channelId: string, language: unknown): Promise<TeamSettings> {
    const lang = parse(languageSchema, language, 'language');
    const current = await this.#store.byChannel(parse(slackChannelIdSchema, channelId, 'channelId'));
    if (!current) {
      throw new EpisodeValidationError([
        {
          field: 'channelId',
          allowed: 'a channel mapped to a team (/cart setup)',
          received: channelId,
          message: `Channel ${channelId} is not mapped to a team yet`,
        },
      ]);
    }
    const next: TeamSettings = {
      ...current,
      language: lang,
      updatedAt: this.#clock().toISOString(),
      updatedBy: editor.userId,
      version: current.version + 1,
    };
    if (!(await this.#store.save(next, current))) throw this.#conflict(current.team);
    this.#channelCache.clear();
    return next;
  }

  /**
   * HANDOFF-1: the times a team's shift handoff digest is posted at (local, hospital zone), e.g.
   * ["08:00", "20:00"]; [] stops the digest. The caller says whether the editor may (Slack:
   * administrators; GraphQL: the `admin` group). The team must have a channel. Setting the
   * times it already has changes nothing (a repeated request is harmless).
   */
  async setHandoffTimes(editor: SettingsEditor, team: string, times: unknown): Promise<TeamSettings> {
    const teamId = parse(teamIdSchema, team, 'team');
    const handoffTimes = parse(handoffTimesSchema, times, 'times');
    if (!editor.admin)
      throw new EpisodeForbiddenError('Only administrators of this app may set handoff times');
    const current = await this.#store.byTeam(teamId);
    if (!current)
      throw new EpisodeValidationError([
        {
          field: 'team',
          allowed: 'a team with a Slack channel (/cart setup team=…)',
          received: teamId,
          message: `Team ${teamId} has no channel yet: map one with /cart setup team=${teamId} first`,
        },
      ]);
    if ((current.handoffTimes ?? []).join(',') === handoffTimes.join(',')) return current;
    const next: TeamSettings = {
      ...current,
      handoffTimes,
      updatedAt: this.#clock().toISOString(),
      updatedBy: editor.userId,
      version: current.version + 1,
    };
    if (!(await this.#store.save(next, current))) throw this.#conflict(teamId);
    this.#channelCache.clear();
    return next;
  }

  /** HANDOFF-1: every team with handoff times (the digest's schedule). */
  withHandoffTimes(): Promise<readonly TeamSettings[]> {
    return this.#store.withHandoffTimes?.() ?? Promise.resolve([]);
  }

  #conflict(team: string): EpisodeConflictError {
    return new EpisodeConflictError(
      team,
      `The settings of team ${team} changed while this was being saved; nothing was written, try again`,
    );
  }
}
