import type { types } from '@slack/bolt';
import type { Language } from '#rules';
import { userIdFor, type Actor, type Recording, type SettingsEditor, type TeamSettings } from '#episodes';
import { actorFor, type SlackBotDeps } from '../deps.ts';
import { UnmappedChannelError } from '../errors/describe-error.ts';
import type { CartCommand, SubcommandName } from '../parser/parse-command.ts';
import type { SlackMessage } from '../views/blocks.ts';
import { recordingView, type RecordingViewInput } from '../views/recording.ts';

/** One `/cart` request as the subcommands see it. */
export type CommandRequest = {
  readonly deps: SlackBotDeps;
  readonly now: Date;
  /** Today in the hospital's calendar (HOSPITAL_TIME_ZONE). */
  readonly today: string;
  readonly userId: string;
  readonly channelId: string;
  /** The channel's team settings; undefined in a channel no team uses. */
  readonly settings: TeamSettings | undefined;
  readonly language: Language;
  /** From Slack's trigger id: a retried request replays instead of recording twice. */
  readonly idempotencyKey: string | undefined;
};

/** A reply: a message (to the user only, or to the channel), or a form to open. */
export type CommandReply =
  | {
      readonly kind: 'message';
      readonly message: SlackMessage;
      readonly visibility: 'ephemeral' | 'in_channel';
    }
  | { readonly kind: 'modal'; readonly view: types.ModalView };

export const toUser = (message: SlackMessage): CommandReply => ({
  kind: 'message',
  message,
  visibility: 'ephemeral',
});
export const toChannel = (message: SlackMessage): CommandReply => ({
  kind: 'message',
  message,
  visibility: 'in_channel',
});

export type Handler<K extends SubcommandName> = (
  command: Extract<CartCommand, { name: K }>,
  request: CommandRequest,
) => Promise<CommandReply>;

/** The channel's team and the actor for service calls; refuses a channel no team uses. */
export const teamOf = (
  request: CommandRequest,
): { readonly settings: TeamSettings; readonly actor: Actor } => {
  if (!request.settings) throw new UnmappedChannelError(request.channelId);
  return { settings: request.settings, actor: actorFor(request.userId, request.settings) };
};

/** The reply to a recording (vitals, neuro, dose): in the channel, for the whole team. */
export const recordingReply = (
  kind: RecordingViewInput['kind'],
  recording: Recording,
  request: CommandRequest,
): CommandReply =>
  toChannel(
    recordingView({
      kind,
      recording,
      language: request.language,
      now: request.now,
      today: request.today,
      config: request.deps.episodes.config,
      appUrl: request.deps.appUrl,
    }),
  );

/**
 * The Slack user as an editor of channel settings. SLACK_ADMIN_USER_IDS holds plain Slack ids, and
 * the id compared with it is the one Slack signed in this request (never a stored or token id).
 */
export const editorOf = (request: CommandRequest): SettingsEditor => ({
  userId: userIdFor('slack', request.userId),
  admin: request.deps.adminUserIds.has(request.userId),
});
