import type { Authorize, webApi } from '@slack/bolt';
import { register as registerActions } from './actions/index.ts';
import { App, AwsLambdaReceiver, LogLevel } from './bolt.ts';
import { register as registerCommands } from './commands/index.ts';
import type { SlackBotDeps } from './deps.ts';
import { replyOnError } from './errors/reply-on-error.ts';
import { register as registerEvents } from './events/index.ts';
import { register as registerViewSubmissions } from './view-submissions/index.ts';

export type SlackAppOptions = {
  readonly signingSecret: string;
  readonly botToken: string;
  /** Web API base URL; a local fake Slack API in development, Slack's own when unset. */
  readonly slackApiUrl?: string | undefined;
  /** The bot's user and bot ids; when both are known no auth.test call is needed. */
  readonly botUserId?: string | undefined;
  readonly botId?: string | undefined;
};

/**
 * The Web API client's behaviour inside a 3-second request: a short timeout and one quick retry
 * (rate limits answered by Slack's Retry-After are not waited out here).
 */
export const slackClientOptions = (slackApiUrl: string | undefined): webApi.WebClientOptions => ({
  ...(slackApiUrl ? { slackApiUrl } : {}),
  timeout: 2000,
  rejectRateLimitedCalls: true,
  retryConfig: { retries: 1, minTimeout: 100, maxTimeout: 300 },
});

/**
 * Authorisation for a single-workspace app: the bot token plus the bot's ids, from configuration or
 * from one auth.test per container (never one per request: Slack allows 3 seconds).
 */
const singleWorkspaceAuthorize = (
  options: SlackAppOptions,
  client: () => webApi.WebClient,
): Authorize<boolean> => {
  let identity: Promise<{ botUserId?: string; botId?: string }> | undefined;
  return async () => {
    identity ??=
      options.botUserId && options.botId
        ? Promise.resolve({ botUserId: options.botUserId, botId: options.botId })
        : client()
            .auth.test({ token: options.botToken })
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
 * 5-minute freshness) before any listener runs, and awaits the whole listener. Listeners are
 * registered by kind (commands, actions, view submissions, events), behind one error handler.
 */
export const createSlackApp = (
  options: SlackAppOptions,
  deps: SlackBotDeps,
): { readonly app: App; readonly receiver: AwsLambdaReceiver } => {
  const receiver = new AwsLambdaReceiver({ signingSecret: options.signingSecret, logLevel: LogLevel.WARN });
  const app: App = new App({
    receiver,
    authorize: singleWorkspaceAuthorize(options, () => app.client),
    logLevel: LogLevel.WARN,
    clientOptions: slackClientOptions(options.slackApiUrl),
  });
  app.use(replyOnError(deps));
  registerCommands(app, deps);
  registerActions(app, deps);
  registerViewSubmissions(app, deps);
  registerEvents(app, deps);
  app.error((error) => {
    deps.log('error', 'unhandled slack error', { error: error.message, code: error.code });
    return Promise.resolve();
  });
  return { app, receiver };
};
