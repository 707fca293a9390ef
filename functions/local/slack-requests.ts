import { randomUUID } from 'node:crypto';

/**
 * The request bodies Slack sends to the bot's endpoint, for the local chat client and the
 * end-to-end tests: a slash command and a button press, form-encoded as Slack sends them (sign
 * them with slack-bot/signing.ts). Workspace ids are the local system's.
 */
export const LOCAL_WORKSPACE = { teamId: 'T0LOCAL', domain: 'local', appId: 'A0LOCAL' } as const;

/** A trigger id of Slack's shape (`<ms>.<n>.<hex>`); unique per request, as Slack's are. */
export const newTriggerId = (): string =>
  `${Date.now()}.${Math.floor(Math.random() * 1e9)}.${randomUUID().replace(/-/g, '').slice(0, 12)}`;

/** `/cart vitals EP-1 …` (or `vitals EP-1 …`, which means `/cart`) → the command and its text. */
export const splitSlashCommand = (
  line: string,
  defaultCommand = '/cart',
): { command: string; text: string } => {
  const words = line
    .trim()
    .split(/\s+/)
    .filter((word) => word !== '');
  const [first, ...rest] = words;
  return first?.startsWith('/')
    ? { command: first, text: rest.join(' ') }
    : { command: defaultCommand, text: words.join(' ') };
};

export type SlashCommandRequest = {
  readonly command?: string;
  readonly text: string;
  readonly channelId: string;
  readonly userId: string;
  /** Where the bot's later replies go (the fake Slack API records them). */
  readonly responseUrl: string;
  /** Slack keeps it for a retried delivery of the same command; new when omitted. */
  readonly triggerId?: string;
};

/** A slash command's form body, with the fields Slack sends. */
export const slashCommandBody = (request: SlashCommandRequest): string =>
  new URLSearchParams({
    token: 'local',
    team_id: LOCAL_WORKSPACE.teamId,
    team_domain: LOCAL_WORKSPACE.domain,
    channel_id: request.channelId,
    channel_name: 'local',
    user_id: request.userId,
    user_name: 'local-user',
    command: request.command ?? '/cart',
    text: request.text,
    api_app_id: LOCAL_WORKSPACE.appId,
    response_url: request.responseUrl,
    trigger_id: request.triggerId ?? newTriggerId(),
  }).toString();

export type ButtonPressRequest = {
  readonly actionId: string;
  readonly value?: string | undefined;
  readonly channelId: string;
  readonly userId: string;
  readonly responseUrl: string;
  /** The pressed message's ts (Slack sends it in the container). */
  readonly messageTs?: string | undefined;
  readonly blockId?: string;
};

/** A block_actions payload for one button press, form-encoded (`payload=<json>`) as Slack sends it. */
export const buttonPressBody = (request: ButtonPressRequest): string =>
  new URLSearchParams({
    payload: JSON.stringify({
      type: 'block_actions',
      token: 'local',
      api_app_id: LOCAL_WORKSPACE.appId,
      team: { id: LOCAL_WORKSPACE.teamId, domain: LOCAL_WORKSPACE.domain },
      user: { id: request.userId, name: 'local-user', team_id: LOCAL_WORKSPACE.teamId },
      channel: { id: request.channelId, name: 'local' },
      container: {
        type: 'message',
        channel_id: request.channelId,
        ...(request.messageTs ? { message_ts: request.messageTs } : {}),
      },
      trigger_id: newTriggerId(),
      response_url: request.responseUrl,
      actions: [
        {
          type: 'button',
          action_id: request.actionId,
          block_id: request.blockId ?? 'alert.actions',
          value: request.value,
          action_ts: String(Date.now() / 1000),
        },
      ],
    }),
  }).toString();

export type ViewSubmissionRequest = {
  readonly callbackId: string;
  readonly privateMetadata: string;
  /** view.state.values: block id → action id → { value } or { selected_option } … */
  readonly values: Record<string, Record<string, unknown>>;
  readonly userId: string;
  readonly viewId?: string;
};

/** A view_submission payload (a form submitted), form-encoded as Slack sends it. */
export const viewSubmissionBody = (request: ViewSubmissionRequest): string =>
  new URLSearchParams({
    payload: JSON.stringify({
      type: 'view_submission',
      token: 'local',
      api_app_id: LOCAL_WORKSPACE.appId,
      team: { id: LOCAL_WORKSPACE.teamId, domain: LOCAL_WORKSPACE.domain },
      user: { id: request.userId, name: 'local-user', team_id: LOCAL_WORKSPACE.teamId },
      trigger_id: newTriggerId(),
      view: {
        id: request.viewId ?? `V${Date.now()}${Math.floor(Math.random() * 1e6)}`,
        type: 'modal',
        callback_id: request.callbackId,
        private_metadata: request.privateMetadata,
        state: { values: request.values },
        hash: 'local',
      },
    }),
  }).toString();
