import { randomUUID } from 'node:crypto';
import { signedSlackHeaders } from '../../slack-bot/signing.ts';
import { parseChatOptions, CHAT_CLI, type ChatOptions } from './chat-options.ts';
import { settle } from './cli.ts';
import { FAKE_SLACK_PATH, type FakeSlackCall } from './fake-slack-api.ts';
import { LOCAL_SLACK, LOCAL_SLACK_SIGNING_SECRET } from './local-slack.ts';
import { plain } from './mrkdwn-text.ts';
import type { Block } from './received-message.ts';
import { SETTLED_PATH } from './settled-route.ts';
import { buttonPressBody, slashCommandBody, splitSlashCommand } from './slack-requests.ts';

/**
 * `npm run chat -- "/cart vitals EP-1 t=38.9 sbp=84 o2=nc:4"`: the bot without a Slack workspace.
 * Signs the slash command (or button press) exactly as Slack does, sends it to the local server
 * (`npm start`), prints the reply, then waits until the alert pipeline has handled what the
 * request changed (at most `--wait`) and prints the messages the bot posted meanwhile, as the
 * fake Slack API recorded them. `npm run chat -- --help` lists the options.
 */
const options: ChatOptions = settle(
  parseChatOptions(process.argv.slice(2), process.env, {
    secret: LOCAL_SLACK_SIGNING_SECRET,
    channel: LOCAL_SLACK.channelId,
    user: LOCAL_SLACK.adminUserId,
  }),
  CHAT_CLI,
);

const base = options.baseUrl;
const responseUrl = (): string => `${base}${FAKE_SLACK_PATH}/response/${randomUUID()}`;

// ------------------------------------------------------------------ rendering Block Kit as text

const render = (blocks: readonly Block[] | undefined, fallbackText: unknown, indent = '  '): string => {
  if (!blocks || blocks.length === 0)
    return `${indent}${plain(typeof fallbackText === 'string' ? fallbackText : '')}`;
  const lines: string[] = [];
  for (const block of blocks) {
    switch (block.type) {
      case 'header':
        lines.push(`== ${block.text?.text ?? ''} ==`);
        break;
      case 'section':
        lines.push(plain(block.text?.text ?? ''), ...(block.fields ?? []).map((f) => plain(f.text)));
        break;
      case 'context':
        lines.push(
          ...(block.elements ?? []).map(
            (e) => `  · ${plain(typeof e.text === 'string' ? e.text : (e.text?.text ?? ''))}`,
          ),
        );
        break;
      case 'divider':
        lines.push('────────');
        break;
      case 'actions':
        for (const e of block.elements ?? []) {
          const label = typeof e.text === 'object' ? e.text.text : '';
          lines.push(
            `[${label}]${e.url ? ` ${e.url}` : ''}  → npm run chat -- --press ${e.action_id ?? ''}${e.value ? ` --value ${e.value}` : ''}`,
          );
        }
        break;
      case 'input':
        lines.push(`[ ${block.label?.text ?? ''} ]`);
        break;
      default:
        lines.push(`(${block.type})`);
    }
  }
  return lines
    .join('\n')
    .split('\n')
    .map((line) => `${indent}${line}`)
    .join('\n');
};

const describeCall = (call: FakeSlackCall): string => {
  const args = call.args as {
    channel?: string;
    ts?: string;
    thread_ts?: string;
    blocks?: Block[];
    text?: unknown;
    view?: { blocks?: Block[]; title?: { text: string } };
    user_id?: string;
  };
  const failed = call.status !== 200 || call.response.ok === false;
  const head = `${call.method}${args.channel ? ` #${args.channel}` : ''}${args.ts ? ` ts=${args.ts}` : ''}${args.thread_ts ? ` (thread ${args.thread_ts})` : ''}${failed ? `  ✗ ${call.status} ${typeof call.response.error === 'string' ? call.response.error : ''}` : ''}`;
  if (failed) return head;
  if (call.method.startsWith('views.'))
    return `${head}${args.user_id ? ` for ${args.user_id}` : ''}: ${args.view?.title?.text ?? 'App Home'}\n${render(args.view?.blocks, '')}`;
  if (call.method === 'response_url') return `reply via response_url\n${render(args.blocks, args.text)}`;
  return `${head}\n${render(args.blocks, args.text)}`;
};

// ------------------------------------------------------------------ talking to the local server

/** The fake Slack API's latest call number, or undefined when the server has none (a real workspace). */
const latestSeq = async (): Promise<number | undefined> => {
  const response = await fetch(`${base}${FAKE_SLACK_PATH}/calls?after=${Number.MAX_SAFE_INTEGER}`);
  if (!response.ok) return undefined;
  return ((await response.json()) as { seq: number }).seq;
};

/**
 * Waits until the alert pipeline has handled every change the request made (alerts reach the
 * channel through the table's stream), at most `waitMs`; true when it has.
 */
const pipelineSettled = async (waitMs: number): Promise<boolean> => {
  const response = await fetch(`${base}${SETTLED_PATH}?timeoutMs=${waitMs}`, {
    signal: AbortSignal.timeout(waitMs + 5000),
  });
  return response.ok && ((await response.json()) as { settled?: unknown }).settled === true;
};

/** The bot's Web API calls after call number `after` (auth.test is Bolt's bookkeeping). */
const callsAfter = async (after: number): Promise<FakeSlackCall[]> => {
  const response = await fetch(`${base}${FAKE_SLACK_PATH}/calls?after=${after}`);
  const { calls } = (await response.json()) as { calls: FakeSlackCall[] };
  return calls.filter((call) => call.method !== 'auth.test');
};

const signedPost = async (body: string) => {
  const started = performance.now();
  const response = await fetch(`${base}/slack/events`, {
    method: 'POST',
    headers: signedSlackHeaders(options.secret, body),
    body,
  });
  const text = await response.text();
  return { status: response.status, text, ms: Math.round(performance.now() - started) };
};

const requestBody = (
  action: Exclude<ChatOptions['action'], { kind: 'sweep' } | { kind: 'handoff' }>,
): string =>
  action.kind === 'press'
    ? buttonPressBody({
        actionId: action.actionId,
        value: action.value,
        channelId: options.channel,
        userId: options.user,
        responseUrl: responseUrl(),
      })
    : slashCommandBody({
        ...splitSlashCommand(action.line),
        channelId: options.channel,
        userId: options.user,
        responseUrl: responseUrl(),
      });

/** Prints what the bot answered on the request itself. */
const printReply = (reply: { status: number; text: string; ms: number }): void => {
  if (options.json) console.log(reply.text);
  else if (reply.status !== 200) console.log(`← HTTP ${reply.status} (${reply.ms} ms) ${reply.text}`);
  else if (reply.text === '')
    console.log(
      `← accepted: HTTP 200 with an empty body (${reply.ms} ms); whatever the bot did follows as its Slack Web API calls`,
    );
  else {
    const message = JSON.parse(reply.text) as { response_type?: string; blocks?: Block[]; text?: string };
    console.log(
      `← reply ${message.response_type === 'in_channel' ? 'to the channel' : 'to you only'} (${reply.ms} ms)`,
    );
    console.log(render(message.blocks, message.text));
  }
};

const main = async (): Promise<number> => {
  const before = await latestSeq().catch(() => null);
  if (before === null) {
    console.error(
      `Could not reach ${base}: is \`npm start\` running there? (--url, CART_URL or PORT choose the server)`,
    );
    return 1;
  }
  const { action } = options;
  if (action.kind === 'sweep') {
    const response = await fetch(`${base}/_local/sweep`, { method: 'POST' });
    console.log(`← sweeper ran: ${await response.text()}`);
  } else if (action.kind === 'handoff') {
    const response = await fetch(`${base}/_local/handoff`, { method: 'POST' });
    console.log(`← handoff digest: ${await response.text()}`);
  } else {
    console.log(
      action.kind === 'press'
        ? `→ press ${action.actionId}${action.value ? ` (value ${action.value})` : ''}   (as ${options.user} in #${options.channel})`
        : `→ ${action.line}   (as ${options.user} in #${options.channel})`,
    );
    printReply(await signedPost(requestBody(action)));
  }
  if (before === undefined) {
    console.log('\n(no fake Slack API on this server: the bot posted to a real workspace)');
    return 0;
  }
  const settled = await pipelineSettled(options.waitMs);
  const calls = await callsAfter(before);
  if (calls.length === 0) console.log('\nThe bot made no Slack Web API call.');
  else {
    console.log(`\nSlack Web API calls by the bot (fake Slack API):`);
    for (const call of calls) console.log(`\n${options.json ? JSON.stringify(call) : describeCall(call)}`);
  }
  if (!settled)
    console.log(
      `\n(the alert pipeline was still busy after ${options.waitMs} ms: later messages are not shown; --wait gives it longer)`,
    );
  return 0;
};

process.exitCode = await main().catch((error: unknown) => {
  console.error(`npm run chat: ${error instanceof Error ? error.message : String(error)}`);
  return 1;
});
