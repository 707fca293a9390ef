import type { APIGatewayProxyEventV2, APIGatewayProxyResult, Context } from 'aws-lambda';
import { createSlackApp } from '../../slack-bot/app.ts';
import { isFreshSlackTimestamp } from '../../slack-bot/request-freshness.ts';
import { slackBotDepsFromEnv } from './bot-deps.ts';
import { slackCredential } from './secrets.ts';

type ReceiverHandler = ReturnType<ReturnType<typeof createSlackApp>['receiver']['toHandler']>;

/**
 * Slack Lambda (HTTP API v2): commands, interactivity and events through Bolt's Lambda receiver.
 * Built once per container, starting at cold start; a failed start is retried by the next request.
 */
const build = async (): Promise<ReceiverHandler> => {
  const [signingSecret, botToken] = await Promise.all([
    slackCredential('SLACK_SIGNING_SECRET'),
    slackCredential('SLACK_BOT_TOKEN'),
  ]);
  const { receiver } = createSlackApp(
    {
      signingSecret,
      botToken,
      slackApiUrl: process.env.SLACK_API_URL,
      botUserId: process.env.SLACK_BOT_USER_ID,
      botId: process.env.SLACK_BOT_ID,
    },
    slackBotDepsFromEnv(),
  );
  return receiver.toHandler();
};

const start = (): Promise<ReceiverHandler> => {
  const started = build();
  started.catch(() => {
    if (receiverHandler === started) receiverHandler = undefined;
  });
  return started;
};
let receiverHandler: Promise<ReceiverHandler> | undefined = start();

/** A header's value whatever its case (API Gateway v2 lower-cases them; tests may not). */
const headerOf = (event: APIGatewayProxyEventV2, name: string): string | undefined =>
  Object.entries(event.headers).find(([key]) => key.toLowerCase() === name)?.[1];

export const handler = async (
  event: APIGatewayProxyEventV2,
  context: Context,
): Promise<APIGatewayProxyResult> => {
  // Bolt refuses only stale timestamps; a future-dated one is refused here (a missing one is left
  // to Bolt, which answers Slack's unsigned ssl_check and refuses anything else unsigned).
  const timestamp = headerOf(event, 'x-slack-request-timestamp');
  if (timestamp !== undefined && !isFreshSlackTimestamp(timestamp, Date.now()))
    return { statusCode: 401, body: '' };
  receiverHandler ??= start();
  return (await receiverHandler)(event, context);
};
