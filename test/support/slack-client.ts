import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FakeSlackCall, FakeSlackFailure } from '../../functions/local/fake-slack-api.ts';
import { FAKE_SLACK_PATH } from '../../functions/local/fake-slack-api.ts';
import { LOCAL_SLACK } from '../../functions/local/local-system.ts';
import { plain } from '../../functions/local/mrkdwn-text.ts';
import {
  buttonPressBody,
  viewSubmissionBody,
  newTriggerId,
  slashCommandBody,
  splitSlashCommand,
} from '../../functions/local/slack-requests.ts';
import type { SlackMessage } from '../../functions/local/received-message.ts';

export type { SlackMessage };
import { signedSlackHeaders } from '../../slack-bot/signing.ts';

/**
 * Slack as the started local system sees it, for the end-to-end tests: signed slash commands and
 * button presses to /slack/events over real HTTP, and the fake Slack Web API's record of what the
 * bot called (filtered by channel and by sequence, since other test files share the system).
 */

/** Every text a message shows (header, sections, fields, context, button labels) as plain text, one per line. */
export const messageText = (message: SlackMessage | undefined): string => {
  if (!message) return '';
  const lines: string[] = [];
  for (const block of message.blocks ?? []) {
    if (block.text) lines.push(block.text.text);
    if (block.label) lines.push(block.label.text);
    for (const field of block.fields ?? []) lines.push(field.text);
    for (const element of block.elements ?? [])
      if (element.text !== undefined)
        lines.push(typeof element.text === 'string' ? element.text : element.text.text);
  }
  return plain(lines.length > 0 ? lines.join('\n') : (message.text ?? ''));
};

/** The buttons of a message's actions blocks. */
export const buttonsOf = (message: SlackMessage | undefined) =>
  (message?.blocks ?? [])
    .filter((block) => block.type === 'actions')
    .flatMap((block) => block.elements ?? [])
    .filter((element) => element.type === 'button');

/** The first episode id (`EP-12`) a text mentions. */
export const episodeIdIn = (text: string): string => {
  const match = /\bEP-\d+\b/.exec(text);
  if (!match) throw new Error(`no episode id in: ${text.slice(0, 300)}`);
  return match[0];
};

/** What `/cart status` counts as recorded, e.g. "Records: 1 vital signs, 0 neuro, 1 doses". */
export const recordsLine = (text: string): string => /Records: [^\n·]*/.exec(text)?.[0].trim() ?? '';

/** Polls until `check` returns a value (not undefined), every `intervalMs`, for at most `timeoutMs`. */
export const pollUntil = async <T>(
  what: string,
  check: () => Promise<T | undefined>,
  { timeoutMs = 15_000, intervalMs = 100 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> => {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(intervalMs);
  }
};

export type SlackReply = {
  readonly status: number;
  /** The raw response body (an empty acknowledgement, or JSON). */
  readonly raw: string;
  /** The reply message when the body is JSON. */
  readonly message: SlackMessage | undefined;
  /** messageText of the reply. */
  readonly text: string;
};

export type SendOptions = {
  /** The request timestamp (seconds); now when omitted. */
  readonly timestamp?: number;
  /** Sign with this secret instead of the system's. */
  readonly secret?: string;
  readonly headers?: Record<string, string>;
};

export type CommandOptions = SendOptions & {
  readonly triggerId?: string;
  /** Sent as this user instead of the session's. */
  readonly userId?: string;
};

export type CallFilter = {
  readonly after?: number;
  readonly method?: string;
  readonly channel?: string;
};

/** A call the fake answered as Slack would on success. */
export const succeeded = (call: FakeSlackCall): boolean => call.status === 200 && call.response.ok === true;

export const createSlackClient = (options: { readonly baseUrl: string; readonly signingSecret: string }) => {
  const { baseUrl, signingSecret } = options;
  const fake = `${baseUrl}${FAKE_SLACK_PATH}`;

  const postJson = async (url: string, body: unknown): Promise<unknown> => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return response.json();
  };

  /** A signed POST to /slack/events, exactly as Slack sends one. */
  const send = async (body: string, sendOptions: SendOptions = {}): Promise<SlackReply> => {
    const response = await fetch(`${baseUrl}/slack/events`, {
      method: 'POST',
      headers: {
        ...signedSlackHeaders(sendOptions.secret ?? signingSecret, body, sendOptions.timestamp),
        ...sendOptions.headers,
      },
      body,
    });
    const raw = await response.text();
    let message: SlackMessage | undefined;
    try {
      message = raw === '' ? undefined : (JSON.parse(raw) as SlackMessage);
    } catch {
      message = undefined;
    }
    return { status: response.status, raw, message, text: messageText(message) };
  };

  /** The fake Slack API's recorded calls matching the filter. */
  const calls = async (filter: CallFilter = {}): Promise<FakeSlackCall[]> => {
    const query = new URLSearchParams({ after: String(filter.after ?? 0) });
    if (filter.method) query.set('method', filter.method);
    if (filter.channel) query.set('channel', filter.channel);
    const response = await fetch(`${fake}/calls?${query.toString()}`);
    return ((await response.json()) as { calls: FakeSlackCall[] }).calls;
  };

  /** The fake's latest sequence number: calls after it are this test's doing. */
  const latestSeq = async (): Promise<number> => {
    const response = await fetch(`${fake}/calls?after=${Number.MAX_SAFE_INTEGER}`);
    return ((await response.json()) as { seq: number }).seq;
  };

  /** Polls the fake until `enough` holds for the matching calls; returns them. */
  const waitForCalls = (
    filter: CallFilter,
    enough: (matching: FakeSlackCall[]) => boolean,
    timeoutMs = 15_000,
  ): Promise<FakeSlackCall[]> =>
    pollUntil(
      `Slack calls ${JSON.stringify(filter)}`,
      async () => {
        const matching = await calls(filter);
        return enough(matching) ? matching : undefined;
      },
      { timeoutMs },
    );

  /**
   * Waits until the matching calls stop growing for `quietMs` (a retrying caller gave up), at
   * least one having arrived; returns them.
   */
  const waitUntilQuiet = async (
    filter: CallFilter,
    quietMs: number,
    timeoutMs = 20_000,
  ): Promise<FakeSlackCall[]> => {
    let last: FakeSlackCall[] = [];
    let changedAt = Date.now();
    return pollUntil(
      `Slack calls ${JSON.stringify(filter)} to stop`,
      async () => {
        const now = await calls(filter);
        if (now.length !== last.length) {
          last = now;
          changedAt = Date.now();
        }
        return last.length > 0 && Date.now() - changedAt >= quietMs ? last : undefined;
      },
      { timeoutMs },
    );
  };

  /** Answers the next `count` matching Web API calls with a failure. */
  const injectFailure = async (failure: FakeSlackFailure): Promise<void> => {
    await postJson(`${fake}/control/failures`, failure);
  };

  /** Slack is back for these calls: failures still pending for exactly this method and channel are dropped. */
  const clearFailures = async (target: { method: string; channel: string }): Promise<void> => {
    await postJson(`${fake}/control/failures/clear`, target);
  };

  /** Runs the sweeper Lambda once (deployed: on a schedule). */
  const sweep = async (): Promise<Record<string, number>> =>
    (await postJson(`${baseUrl}/_local/sweep`, {})) as Record<string, number>;

  /**
   * A user in a channel: `command('/cart status EP-1')` signs and sends the slash command and
   * returns the bot's reply; `press` sends a button press from a message in that channel. Each
   * request's response_url is `<channel>.<uuid>` under the fake, so later replies can be found.
   */
  const session = (channelId: string, userId: string = LOCAL_SLACK.adminUserId) => {
    const responseUrl = (): string => `${fake}/response/${channelId}.${randomUUID()}`;
    const command = (line: string, commandOptions: CommandOptions = {}): Promise<SlackReply> =>
      send(
        slashCommandBody({
          ...splitSlashCommand(line),
          channelId,
          userId: commandOptions.userId ?? userId,
          responseUrl: responseUrl(),
          triggerId: commandOptions.triggerId ?? newTriggerId(),
        }),
        commandOptions,
      );
    const press = (
      button: { readonly actionId: string; readonly value?: string | undefined; readonly messageTs?: string },
      sendOptions: SendOptions = {},
    ): Promise<SlackReply> =>
      send(buttonPressBody({ ...button, channelId, userId, responseUrl: responseUrl() }), sendOptions);
    /** response_url posts for requests from this channel, after `after`. */
    const responses = async (after: number): Promise<FakeSlackCall[]> =>
      (await calls({ after, method: 'response_url' })).filter((call) =>
        String(call.args.responseId).startsWith(`${channelId}.`),
      );
    /** Waits for the first response_url post from this channel after `after`. */
    const waitForResponses = (after: number): Promise<FakeSlackCall[]> =>
      pollUntil(`a response_url post from ${channelId}`, async () => {
        const found = await responses(after);
        return found.length > 0 ? found : undefined;
      });
    /** Every call that concerns this channel: Web API calls for it and response_url posts from it. */
    const everything = async (after: number): Promise<FakeSlackCall[]> =>
      [...(await calls({ after, channel: channelId })), ...(await responses(after))].sort(
        (a, b) => a.seq - b.seq,
      );
    /** Submits a form the bot opened, as the user (the bot's answer is the HTTP body). */
    const submitView = (
      view: { readonly callbackId: string; readonly privateMetadata: string },
      values: Record<string, Record<string, unknown>>,
      sendOptions: SendOptions = {},
    ): Promise<SlackReply> => send(viewSubmissionBody({ ...view, values, userId }), sendOptions);
    return { channelId, userId, command, press, submitView, responses, waitForResponses, everything };
  };

  /**
   * A fresh channel mapped to a fresh team by the local administrator (`/cart setup`), so a test
   * file's episodes and alerts never mix with another file's.
   */
  const mappedChannel = async (setup: {
    readonly channelId: string;
    readonly team: string;
    readonly oncall: string;
    readonly lang?: 'en' | 'zh';
    readonly role?: 'clinician' | 'nurse' | 'viewer';
  }) => {
    const channel = session(setup.channelId);
    const reply = await channel.command(
      `/cart setup team=${setup.team} oncall=${setup.oncall} lang=${setup.lang ?? 'en'} role=${setup.role ?? 'clinician'}`,
    );
    if (reply.status !== 200 || !reply.text.includes(setup.team))
      throw new Error(`/cart setup failed: ${reply.status} ${reply.raw}`);
    return { ...channel, team: setup.team };
  };

  return {
    send,
    calls,
    latestSeq,
    waitForCalls,
    waitUntilQuiet,
    injectFailure,
    clearFailures,
    sweep,
    session,
    mappedChannel,
  };
};

export type SlackClient = ReturnType<typeof createSlackClient>;
export type SlackSession = ReturnType<SlackClient['session']>;
export type MappedChannel = Awaited<ReturnType<SlackClient['mappedChannel']>>;

/** A channel or team id unique to this run (Slack ids are upper-case alphanumerics). */
export const uniqueId = (prefix: string): string =>
  `${prefix}${randomUUID().replace(/-/g, '').slice(0, 8).toUpperCase()}`;

/**
 * A new episode for a pseudonymous patient (KarMMa, 70 kg, 170 cm, infused 2 days ago unless
 * `infusion` says otherwise; null: no infusion date yet); its id.
 */
export const newEpisode = async (
  channel: SlackSession,
  options: { readonly patientRef?: string; readonly infusion?: string | null } = {},
): Promise<string> => {
  const infusion =
    options.infusion === undefined
      ? ' infusion=-2d'
      : options.infusion === null
        ? ''
        : ` infusion=${options.infusion}`;
  const reply = await channel.command(
    `/cart new ${options.patientRef ?? uniqueId('P-')} product=KARMMA weight=70 height=170${infusion}`,
  );
  if (reply.status !== 200) throw new Error(`/cart new failed: ${reply.status} ${reply.raw}`);
  return episodeIdIn(reply.text);
};

/** Vital signs that grade CRS 3 (fever, one vasopressor, low-flow oxygen): a CRITICAL ESC-CRS3 alert. */
export const CRS_GRADE_3_VITALS = 't=38.9 sbp=84 o2=nc:4 vaso=ne';
