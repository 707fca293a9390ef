import type { APIGatewayProxyEventV2, APIGatewayProxyResult, Context } from 'aws-lambda';
import { createSlackApp } from '../../slack-bot/app.ts';
import { checkSlackRequest } from '../../slack-bot/request-check.ts';
import { STORE_DEADLINES, withStoreDeadline } from '../episodes/deadline.ts';
import { createDocumentClient } from '../episodes/dynamodb-client.ts';
import { episodesTable } from '../episodes/table-definition.ts';
import { slackBotDepsFromEnv } from './bot-deps.ts';
import { followCredentials } from '../shared/follow-credentials.ts';
import { logger } from '../shared/logger.ts';
import { once } from '../shared/once.ts';
import { createReplayGuard } from './replay-guard.ts';
import { slackCredential } from './secrets.ts';
import { rawBodyOf, verifiedEvent } from './verified-event.ts';

type ReceiverHandler = ReturnType<ReturnType<typeof createSlackApp>['receiver']['toHandler']>;

const deps = once(() => slackBotDepsFromEnv());
const replayGuard = once(() =>
  createReplayGuard(
    createDocumentClient(process.env.DYNAMODB_ENDPOINT),
    process.env.TABLE_NAME ?? episodesTable.defaultName,
  ),
);

/**
 * The Bolt app for the credentials as stored now: built once per container, and again only when
 * the signing secret or bot token changed (Secrets Manager values are re-read every 5 minutes), so
 * storing them after the first deploy, or rotating them, needs no redeploy.
 */
const credentials = followCredentials<
  readonly [string, string],
  { readonly signingSecret: string; readonly receiver: ReceiverHandler }
>(
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
    return { signingSecret, receiver: receiver.toHandler() };
  },
);

const answer = (statusCode: number): APIGatewayProxyResult => ({ statusCode, body: '' });

/** Before the channel's language is known (the store is unreachable), in both languages. */
const storeBusyReply = (): APIGatewayProxyResult => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({
    response_type: 'ephemeral',
    text: ':warning: 存储繁忙,未记录任何内容,请稍后重试 · The episode store is busy: nothing was recorded, try again in a few seconds',
  }),
});

/**
 * Slack Lambda (HTTP API v2): commands, interactivity and events through Bolt's Lambda receiver,
 * behind a door that reads nothing of a request before its size, timestamp and signature are
 * checked (slack-bot/request-check.ts), answers every refusal with a 4xx (never a 5xx that would
 * page operations), and executes each signed request at most once (replay-guard.ts).
 */
export const handler = (event: APIGatewayProxyEventV2, context: Context): Promise<APIGatewayProxyResult> =>
  // Every store call made for this request stops in time for Slack's 3 seconds (deadline.ts).
  withStoreDeadline(Date.now() + STORE_DEADLINES.slack, () => handle(event, context));

const handle = async (event: APIGatewayProxyEventV2, context: Context): Promise<APIGatewayProxyResult> => {
  const { signingSecret, receiver } = await credentials();
  const verdict = checkSlackRequest({
    headers: event.headers,
    body: rawBodyOf(event),
    signingSecret,
    nowMs: Date.now(),
  });
  if (verdict.outcome === 'ssl-check') return answer(200);
  if (verdict.outcome === 'refused') {
    logger.info('slack request refused', { status: verdict.status, reason: verdict.reason });
    return answer(verdict.status);
  }
  const first = await replayGuard()
    .claim(verdict.signature, verdict.timestampSeconds)
    .catch((error: unknown) => {
      logger.error('slack replay guard unavailable', { error: String(error) });
      return undefined;
    });
  // The store is down: nothing could be recorded anyway, and executing unguarded could run it twice.
  // A slash command gets a plain answer in time (Slack shows it to the user); anything else a 503.
  if (first === undefined) return verdict.kind === 'command' ? storeBusyReply() : answer(503);
  if (!first) {
    logger.warn('slack request replayed', { kind: verdict.kind });
    return answer(401);
  }
  return receiver(verifiedEvent(event, verdict), context);
};
