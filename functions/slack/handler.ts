import type { APIGatewayProxyEventV2, APIGatewayProxyResult, Context } from 'aws-lambda';
import { createSlackApp } from '../../slack-bot/app.ts';
import { isFreshSlackTimestamp } from '../../slack-bot/request-freshness.ts';
import { slackBotDepsFromEnv } from './bot-deps.ts';
import { followCredentials } from '../shared/follow-credentials.ts';
import { once } from '../shared/once.ts';
import { slackCredential } from './secrets.ts';

type ReceiverHandler = ReturnType<ReturnType<typeof createSlackApp>['receiver']['toHandler']>;

const deps = once(() => slackBotDepsFromEnv());

/**
 * The Bolt app for the credentials as stored now: built once per container, and again only when
 * the signing secret or bot token changed (Secrets Manager values are re-read every 5 minutes), so
 * storing them after the first deploy, or rotating them, needs no redeploy.
 */
const receiverHandler = followCredentials<readonly [string, string], ReceiverHandler>(
  () => Promise.all([slackCredential('SLACK_SIGNING_SECRET'), slackCredential('SLACK_BOT_TOKEN')]),
  ([signingSecret, botToken]) => {
    const { receiver } = createSlackApp(
      {
        signingSecret,
        botToken,
        slackApiUrl: process.env.SLACK_API_URL,
        botUserId: process.env.SLACK_BOT_USER_ID,
        botId: process.env.SLACK_BOT_ID,
      },
      deps(),
    );
    return receiver.toHandler();
  },
);

/** A header's value whatever its case (API Gateway v2 lower-cases them; tests may not). */
const headerOf = (event: APIGatewayProxyEventV2, name: string): string | undefined =>
  Object.entries(event.headers).find(([key]) => key.toLowerCase() === name)?.[1];

/** Slack Lambda (HTTP API v2): commands, interactivity and events through Bolt's Lambda receiver. */
export const handler = async (
  event: APIGatewayProxyEventV2,
  context: Context,
): Promise<APIGatewayProxyResult> => {
  // Bolt refuses only stale timestamps; a future-dated one is refused here (a missing one is left
  // to Bolt, which answers Slack's unsigned ssl_check and refuses anything else unsigned).
  const timestamp = headerOf(event, 'x-slack-request-timestamp');
  if (timestamp !== undefined && !isFreshSlackTimestamp(timestamp, Date.now()))
    return { statusCode: 401, body: '' };
  return (await receiverHandler())(event, context);
};
