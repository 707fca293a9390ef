import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FAKE_SLACK_PATH } from '../../functions/local/fake-slack-api.ts';
import { eventFromRequest } from '../../functions/local/http-api-event.ts';
import { signedSlackHeaders } from '../../slack-bot/signing.ts';
import { bundleBudgetBytes, unusedModules } from '../../infra/lambda-bundling.ts';
import { invokeInFreshProcess, writeBundle, type WrittenBundle } from '../tools/bundle-size.ts';

/**
 * The Slack handler exactly as deployed: bundled by esbuild with the CDK app's options (which
 * leave Bolt's Socket Mode and raw-body modules out and answer them with an empty module), run in
 * a fresh Node process and called as Lambda calls it. Signature checks and a reply must survive
 * the bundling.
 */
const SLACK_PATH = '/slack/events';
const secret = inject('slackSigningSecret');
const baseUrl = inject('baseUrl');

/**
 * A DynamoDB endpoint that knows no channel: every GetItem finds nothing, so the command comes
 * from an unmapped channel, where `/cart help` still answers (it needs no team); every PutItem
 * (the replay guard's claim) succeeds.
 */
const emptyTable = (): { server: Server; targets: string[] } => {
  const targets: string[] = [];
  const server = createServer((request: IncomingMessage, response) => {
    request.resume();
    request.on('end', () => {
      const target = String(request.headers['x-amz-target'] ?? '');
      targets.push(target);
      const known = target === 'DynamoDB_20120810.GetItem' || target === 'DynamoDB_20120810.PutItem';
      response.writeHead(known ? 200 : 400, { 'content-type': 'application/x-amz-json-1.0' });
      response.end(
        JSON.stringify(
          known
            ? {}
            : { __type: 'com.amazon.coral.validate#ValidationException', message: `${target} not faked` },
        ),
      );
    });
  });
  return { server, targets };
};

const slashCommand = (text: string): string =>
  new URLSearchParams({
    command: '/cart',
    text,
    team_id: 'T0BUNDLE',
    channel_id: 'C0BUNDLE',
    user_id: 'U0BUNDLE',
    response_url: `${baseUrl}${FAKE_SLACK_PATH}/response/bundle`,
    trigger_id: '1.2.bundle',
  }).toString();

/** The API Gateway v2 event the deployed route builds for this request (base64 form body). */
const slackEvent = (body: string, headers: Record<string, string>): APIGatewayProxyEventV2 =>
  eventFromRequest(
    {
      url: SLACK_PATH,
      headers: { host: 'bundle.execute-api.local', ...headers },
      httpVersion: '1.1',
      socket: { remoteAddress: '127.0.0.1' },
    } as unknown as IncomingMessage,
    Buffer.from(body),
    { method: 'POST', path: SLACK_PATH },
    undefined,
  );

describe('the bundled Slack handler', () => {
  let bundle: WrittenBundle;
  const table = emptyTable();

  beforeAll(async () => {
    bundle = await writeBundle('slack');
    await new Promise<void>((listening) => table.server.listen(0, '127.0.0.1', listening));
  });

  afterAll(async () => {
    await new Promise<void>((closed) =>
      table.server.close(() => {
        closed();
      }),
    );
    await bundle.remove();
  });

  it('leaves the Socket Mode, raw-body and OAuth modules (and what they pull in) out of the bundle', () => {
    expect(bundle.owners).toContain('@slack/bolt');
    for (const name of [...unusedModules, 'undici', 'iconv-lite', 'jsonwebtoken'])
      expect(bundle.owners).not.toContain(name);
    expect(bundle.bytes).toBeLessThanOrEqual(bundleBudgetBytes.slack);
  });

  it('answers a correctly signed /cart help with the help and a wrongly signed one with 401', async () => {
    const help = slashCommand('help');
    const forged = slashCommand('help');
    const run = await invokeInFreshProcess(
      bundle,
      [
        slackEvent(help, signedSlackHeaders(secret, help)),
        slackEvent(forged, signedSlackHeaders('not-the-secret', forged)),
      ],
      {
        TABLE_NAME: 'cart-bundle-test',
        DYNAMODB_ENDPOINT: `http://127.0.0.1:${String((table.server.address() as AddressInfo).port)}`,
        AWS_REGION: 'us-east-1',
        AWS_ACCESS_KEY_ID: 'local',
        AWS_SECRET_ACCESS_KEY: 'local',
        SLACK_SIGNING_SECRET: secret,
        SLACK_BOT_TOKEN: 'xoxb-bundle-test',
        SLACK_API_URL: `${baseUrl}${FAKE_SLACK_PATH}/api/`,
        SLACK_BOT_USER_ID: 'U0BUNDLEBOT',
        SLACK_BOT_ID: 'B0BUNDLEBOT',
        POWERTOOLS_LOG_LEVEL: 'ERROR',
      },
    );
    const [accepted, rejected] = run.replies;

    expect(accepted?.statusCode).toBe(200);
    const reply = JSON.parse(accepted?.body ?? '{}') as { text?: string; blocks?: unknown[] };
    expect(reply.text).toContain('/cart');
    expect(reply.blocks?.length).toBeGreaterThan(0);

    expect(rejected?.statusCode).toBe(401);
    // The signature is checked before anything else: only the accepted command claimed its
    // signature (the replay guard) and read its channel.
    expect(table.targets).toEqual(['DynamoDB_20120810.PutItem', 'DynamoDB_20120810.GetItem']);
  });
});
