import type { APIGatewayProxyEventV2, APIGatewayProxyResult, Context } from 'aws-lambda';
import { createSlackApp } from '../../slack-bot/app.ts';
import { slackCredential } from './secrets.ts';

/** Slack Lambda (HTTP API v2): commands, interactivity and events through Bolt's Lambda receiver. */
const receiverHandler = (async () => {
  const [signingSecret, botToken] = await Promise.all([
    slackCredential('SLACK_SIGNING_SECRET'),
    slackCredential('SLACK_BOT_TOKEN'),
  ]);
  const { receiver } = createSlackApp({
    signingSecret,
    botToken,
    command: process.env.SLACK_COMMAND ?? '/cart',
    slackApiUrl: process.env.SLACK_API_URL,
    botUserId: process.env.SLACK_BOT_USER_ID,
    botId: process.env.SLACK_BOT_ID,
  });
  return receiver.toHandler();
})();

export const handler = async (
  event: APIGatewayProxyEventV2,
  context: Context,
): Promise<APIGatewayProxyResult> => (await receiverHandler)(event, context);
