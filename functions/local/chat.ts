import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ALERT_ACTIONS } from '../../slack-bot/ids.ts';
import { signedSlackHeaders } from '../../slack-bot/signing.ts';
import { blocksAsText } from './block-text.ts';
import { acknowledgementVerdict, type AcknowledgementVerdict } from './acknowledgement.ts';
import { parseChatOptions, CHAT_CLI, type ChatOptions } from './chat-options.ts';
import { settle } from './cli.ts';
import { FAKE_SLACK_PATH, type FakeSlackCall } from './fake-slack-api.ts';
import { LOCAL_SLACK, LOCAL_SLACK_SIGNING_SECRET } from './local-slack.ts';
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
/** This request's response_url id: what the bot answers there is this request's answer. */
const responseId = randomUUID();
const responseUrl = (): string => `${base}${FAKE_SLACK_PATH}/response/${responseId}`;
/** How often the fake Slack API is asked for the bot's messages while waiting for them. */
const POLL_MS = 150;

// ------------------------------------------------------------------ rendering Block Kit as text

const render = (blocks: readonly Block[] | undefined, fallbackText: unknown): string =>
  blocksAsText(blocks, fallbackText, options.again);

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
  if (call.method === 'files.completeUploadExternal') {
    const upload = call.args as { channel_id?: string; thread_ts?: string; initial_comment?: string };
    return `file uploaded #${upload.channel_id ?? '?'}${upload.thread_ts ? ` (thread ${upload.thread_ts})` : ''}\n${render(undefined, upload.initial_comment)}`;
  }
  if (call.method === 'upload' || call.method === 'files.getUploadURLExternal') return head;
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

/**
 * After Acknowledge: polls the bot's messages until they show whether the alert was acknowledged
 * (its message updated, or a reply to the press), at most `waitMs`; returns as soon as they do.
 */
const waitForAcknowledgement = async (
  value: string,
  after: number,
  waitMs: number,
): Promise<AcknowledgementVerdict> => {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const verdict = acknowledgementVerdict(await callsAfter(0), { value, responseId, after });
    if (verdict.kind !== 'waiting' || Date.now() >= deadline) return verdict;
    await sleep(Math.min(POLL_MS, Math.max(deadline - Date.now(), 0)));
  }
};

const printVerdict = (verdict: AcknowledgementVerdict, waitMs: number): void => {
  const firstLines = (text: string) => text.split('\n').slice(0, 3).join(' / ');
  if (verdict.kind === 'acknowledged')
    console.log(
      `\n✓ acknowledged (${verdict.by === 'update' ? 'the alert message now shows it' : 'it already was'}): ${firstLines(verdict.text)}`,
    );
  else if (verdict.kind === 'refused') console.log(`\n✗ not acknowledged: ${firstLines(verdict.text)}`);
  else
    console.log(
      `\n? not confirmed: the bot showed no acknowledgement within ${waitMs} ms (--wait gives it longer)`,
    );
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
      `← received: HTTP 200 with an empty body (${reply.ms} ms), as for any request; whatever the bot did follows as its Slack Web API calls`,
    );
  else {
    const message = JSON.parse(reply.text) as { response_type?: string; blocks?: Block[]; text?: string };
    console.log(
      `← reply ${message.response_type === 'in_channel' ? 'to the channel' : 'to you only'} (${reply.ms} ms)`,
    );
    console.log(render(message.blocks, message.text));
  }
};

// ------------------------------------------------------------------ uploaded pictures

/** Where uploaded files are saved: CART_CHAT_OUTPUT, or a folder in the system's temp directory. */
const OUTPUT_DIR = process.env.CART_CHAT_OUTPUT ?? join(tmpdir(), 'cart-chat');

/** `/cart chart …` (any of its names), or an alert that gets a chart in its thread (ESC-CRS3, ESC-ICANS3). */
const expectsChart = (action: ChatOptions['action'], calls: readonly FakeSlackCall[]): boolean =>
  (action.kind === 'command' && /^\S+\s+(chart|graph|plot|图表|病程图)(\s|$)/i.test(action.line.trim())) ||
  calls.some(
    (call) =>
      call.method === 'chat.postMessage' &&
      /ESC-(CRS|ICANS)3\b/.test(JSON.stringify(call.args.blocks ?? call.args.text ?? '')),
  );

/** Waits (at most `waitMs`) until the bot has shared a file after call `after`: a chart renders in the background. */
const awaitUpload = async (after: number, waitMs: number): Promise<void> => {
  const until = Date.now() + waitMs;
  while (Date.now() < until) {
    const response = await fetch(
      `${base}${FAKE_SLACK_PATH}/calls?after=${after}&method=files.completeUploadExternal`,
    );
    const { calls } = (await response.json()) as { calls: FakeSlackCall[] };
    if (calls.length > 0) return;
    await sleep(200);
  }
};

/** Saves each file the bot shared (as the fake Slack API received it) and prints where. */
const saveUploads = async (calls: readonly FakeSlackCall[]): Promise<void> => {
  for (const call of calls) {
    if (call.method !== 'files.completeUploadExternal' || call.response.ok !== true) continue;
    for (const file of (call.response.files ?? []) as { id: string; name?: string }[]) {
      const response = await fetch(`${base}${FAKE_SLACK_PATH}/files/${encodeURIComponent(file.id)}`);
      if (!response.ok) continue;
      await mkdir(OUTPUT_DIR, { recursive: true });
      // The save time first: file ids start again with each server, so a later picture never overwrites one.
      const savedAt = new Date()
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d+Z$/, 'Z');
      const path = join(
        OUTPUT_DIR,
        `${savedAt}-${file.id}-${(file.name ?? 'file').replace(/[^\w.-]/g, '_')}`,
      );
      await writeFile(path, Buffer.from(await response.arrayBuffer()));
      console.log(`  picture saved: ${path}`);
    }
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
  const acknowledging =
    action.kind === 'press' && action.actionId === ALERT_ACTIONS.acknowledge
      ? (action.value ?? '')
      : undefined;
  const verdict =
    acknowledging === undefined
      ? undefined
      : await waitForAcknowledgement(acknowledging, before, options.waitMs);
  const settled = verdict?.kind === 'acknowledged' || (await pipelineSettled(options.waitMs));
  let calls = await callsAfter(before);
  if (expectsChart(action, calls)) {
    await awaitUpload(before, options.waitMs);
    calls = await callsAfter(before);
  }
  if (calls.length === 0) console.log('\nThe bot made no Slack Web API call.');
  else {
    console.log(`\nSlack Web API calls by the bot (fake Slack API):`);
    for (const call of calls) console.log(`\n${options.json ? JSON.stringify(call) : describeCall(call)}`);
    await saveUploads(calls);
  }
  if (!settled)
    console.log(
      `\n(the alert pipeline was still busy after ${options.waitMs} ms: later messages are not shown; --wait gives it longer)`,
    );
  if (verdict) printVerdict(verdict, options.waitMs);
  return 0;
};

process.exitCode = await main().catch((error: unknown) => {
  console.error(`npm run chat: ${error instanceof Error ? error.message : String(error)}`);
  return 1;
});
