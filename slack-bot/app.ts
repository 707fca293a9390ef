import { App, AwsLambdaReceiver, LogLevel, webApi, type Authorize } from '@slack/bolt';
import { registerCartCommand } from './commands/cart.ts';

export type SlackAppOptions = {
  readonly signingSecret: string;
  readonly botToken: string;
  /** Slash command name, e.g. "/cart". */
  readonly command: string;
  /** Web API base URL; a local fake Slack API in development, Slack's own when unset. */
  readonly slackApiUrl?: string | undefined;
  /** The bot's user and bot ids; when both are known no auth.test call is needed. */
  readonly botUserId?: string | undefined;
  readonly botId?: string | undefined;
};

/**
 * Authorisation for a single-workspace app: the bot token plus the bot's ids, from configuration or
 * from one auth.test per container (never one per request: Slack allows 3 seconds).
 */
const singleWorkspaceAuthorize = (options: SlackAppOptions): Authorize<boolean> => {
  let identity: Promise<{ botUserId?: string; botId?: string }> | undefined;
  const client = new webApi.WebClient(
    options.botToken,
    options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {},
  );
  return async () => {
    identity ??=
      options.botUserId && options.botId
        ? Promise.resolve({ botUserId: options.botUserId, botId: options.botId })
        : client.auth
            .test()
            .then((result) => ({ botUserId: result.user_id, botId: result.bot_id }))
            .catch((error: unknown) => {
              identity = undefined;
              throw error;
            });
    return { botToken: options.botToken, ...(await identity) };
  };
};

/**
 * The Bolt app behind an AwsLambdaReceiver: the receiver verifies Slack's signature (and its
 * 5-minute freshness) before any listener runs, and awaits the whole listener.
 */
export const createSlackApp = (
  options: SlackAppOptions,
): { readonly app: App; readonly receiver: AwsLambdaReceiver } => {
  const receiver = new AwsLambdaReceiver({ signingSecret: options.signingSecret, logLevel: LogLevel.WARN });
  const app = new App({
    receiver,
    authorize: singleWorkspaceAuthorize(options),
    logLevel: LogLevel.WARN,
    ...(options.slackApiUrl ? { clientOptions: { slackApiUrl: options.slackApiUrl } } : {}),
  });
  registerCartCommand(app, options.command);
  return { app, receiver };
};
