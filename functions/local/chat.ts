import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { signedSlackHeaders } from '../../slack-bot/signing.ts';
import { FAKE_SLACK_PATH, type FakeSlackCall } from './fake-slack-api.ts';
import { LOCAL_SLACK, LOCAL_SLACK_SIGNING_SECRET } from './local-system.ts';
import { plain } from './mrkdwn-text.ts';
import type { Block } from './received-message.ts';
import { buttonPressBody, slashCommandBody, splitSlashCommand } from './slack-requests.ts';

/**
 * `npm run chat -- "/cart vitals EP-1 t=38.9 sbp=84 o2=nc:4"`: the bot without a Slack workspace.
 * Signs the slash command exactly as Slack does, sends it to the local server (`npm start`), prints
 * the reply, then the messages the bot posted to the channel meanwhile (alerts come from the stream
 * consumer a moment later) as the fake Slack API recorded them.
 *
 *   --press <action-id> --value <value>   press a button (printed under each alert)
 *   --sweep                               run the sweeper once (deployed: every 5 minutes)
 *   --channel C0LOCAL --user U0LOCALADMIN --url http://localhost:4000 --wait 2500 --json
 */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    url: { type: 'string', default: process.env.CART_URL ?? `http://localhost:${process.env.PORT ?? 4000}` },
    secret: { type: 'string', default: process.env.SLACK_SIGNING_SECRET ?? LOCAL_SLACK_SIGNING_SECRET },
    channel: { type: 'string', default: LOCAL_SLACK.channelId },
    user: { type: 'string', default: LOCAL_SLACK.adminUserId },
    wait: { type: 'string', default: '2500' },
    press: { type: 'string' },
    value: { type: 'string' },
    sweep: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});

const base = values.url.replace(/\/$/, '');
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

const latestSeq = async (): Promise<number | undefined> => {
  const response = await fetch(`${base}${FAKE_SLACK_PATH}/calls?after=${Number.MAX_SAFE_INTEGER}`).catch(
    () => undefined,
  );
  if (!response?.ok) return undefined;
  return ((await response.json()) as { seq: number }).seq;
};

/** The fake Slack API's calls after `after`, waiting until none arrived for a moment (alerts come from the stream). */
const callsAfter = async (after: number, waitMs: number): Promise<FakeSlackCall[]> => {
  const started = Date.now();
  let calls: FakeSlackCall[] = [];
  let lastChange = Date.now();
  while (Date.now() - started < waitMs) {
    await sleep(200);
    const response = await fetch(`${base}${FAKE_SLACK_PATH}/calls?after=${after}`);
    const next = ((await response.json()) as { calls: FakeSlackCall[] }).calls;
    if (next.length !== calls.length) lastChange = Date.now();
    calls = next;
    if (calls.length > 0 && Date.now() - lastChange > 800) break;
  }
  return calls.filter((call) => call.method !== 'auth.test');
};

const signedPost = async (body: string) => {
  const started = performance.now();
  const response = await fetch(`${base}/slack/events`, {
    method: 'POST',
    headers: signedSlackHeaders(values.secret, body),
    body,
  });
  const text = await response.text();
  return { status: response.status, text, ms: Math.round(performance.now() - started) };
};

const slashCommand = (line: string): string =>
  slashCommandBody({
    ...splitSlashCommand(line),
    channelId: values.channel,
    userId: values.user,
    responseUrl: responseUrl(),
  });

const buttonPress = (actionId: string, value: string | undefined): string =>
  buttonPressBody({
    actionId,
    value,
    channelId: values.channel,
    userId: values.user,
    responseUrl: responseUrl(),
  });

const main = async (): Promise<number> => {
  const waitMs = Number(values.wait);
  const before = await latestSeq();
  if (values.sweep) {
    const response = await fetch(`${base}/_local/sweep`, { method: 'POST' });
    console.log(`sweep: ${await response.text()}`);
  } else {
    const line = positionals.join(' ');
    if (!values.press && line.trim() === '') {
      console.error(
        'usage: npm run chat -- "/cart help"   (or --press <action-id> --value <value>, or --sweep)',
      );
      return 2;
    }
    const body = values.press ? buttonPress(values.press, values.value) : slashCommand(line);
    console.log(
      values.press
        ? `→ press ${values.press} ${values.value ?? ''}`
        : `→ ${line.trim()}   (as ${values.user} in #${values.channel})`,
    );
    const reply = await signedPost(body).catch((error: unknown) => {
      console.error(`Could not reach ${base} (${String(error)}). Is \`npm start\` running?`);
      return undefined;
    });
    if (!reply) return 1;
    if (values.json) console.log(reply.text);
    else if (reply.status !== 200) console.log(`← HTTP ${reply.status} (${reply.ms} ms) ${reply.text}`);
    else if (reply.text === '') console.log(`← acknowledged (${reply.ms} ms)`);
    else {
      const message = JSON.parse(reply.text) as { response_type?: string; blocks?: Block[]; text?: string };
      console.log(
        `← reply ${message.response_type === 'in_channel' ? 'to the channel' : 'to you only'} (${reply.ms} ms)`,
      );
      console.log(render(message.blocks, message.text));
    }
  }
  if (before === undefined) {
    console.log('\n(no fake Slack API on this server: messages went to a real workspace)');
    return 0;
  }
  const calls = await callsAfter(before, waitMs);
  if (calls.length > 0) {
    console.log(`\nSlack Web API calls by the bot (fake Slack API):`);
    for (const call of calls) console.log(`\n${values.json ? JSON.stringify(call) : describeCall(call)}`);
  }
  return 0;
};

process.exitCode = await main();
