import { createHmac, timingSafeEqual } from 'node:crypto';
import { isFreshSlackTimestamp } from './request-freshness.ts';

/**
 * The door of the Slack endpoint: what is checked, in this order, before anything in the body is
 * read. Slack's own payloads are small (a form of a hundred fields or a modal of at most 100
 * blocks); 1 MiB is far above any of them and far below Lambda's 6 MB.
 */
export const MAX_SLACK_BODY_BYTES = 1024 * 1024;

/**
 * 1. size (413), 2. timestamp within five minutes either side (401), 3. HMAC signature over the
 * exact bytes (401); only then 4. the body is decoded and parsed (400 when it is not UTF-8, not
 * the declared content type, or not a request this app handles).
 *
 * The one exception to "verified first" is Slack's unsigned SSL check (`ssl_check=1&token=…`),
 * recognised by an exact pattern on a short body, never parsed, and answered with an empty 200.
 */
export type SlackRequestVerdict =
  | {
      readonly outcome: 'accepted';
      /** The body as text (UTF-8), exactly the bytes that were signed. */
      readonly rawBody: string;
      readonly contentType: SlackContentType;
      readonly kind: SlackRequestKind;
      /** The `X-Slack-Signature` value: unique per signed request, the replay guard's key. */
      readonly signature: string;
      readonly timestampSeconds: number;
    }
  | { readonly outcome: 'ssl-check' }
  | { readonly outcome: 'refused'; readonly status: 400 | 401 | 413; readonly reason: string };

export type SlackContentType = 'application/x-www-form-urlencoded' | 'application/json';
export type SlackRequestKind = 'command' | 'interaction' | 'event' | 'url-verification';

export type SlackRequestInput = {
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: Buffer;
  readonly signingSecret: string;
  readonly nowMs: number;
};

const SSL_CHECK = /^(ssl_check=1&token=[A-Za-z0-9_-]{1,128}|token=[A-Za-z0-9_-]{1,128}&ssl_check=1)$/;
const SIGNATURE = /^v0=[0-9a-f]{64}$/;

/** A header's value whatever its case (API Gateway v2 lower-cases names; tests and Bolt may not). */
export const headerValue = (
  headers: Readonly<Record<string, string | undefined>>,
  name: string,
): string | undefined => {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
};

const refused = (status: 400 | 401 | 413, reason: string): SlackRequestVerdict => ({
  outcome: 'refused',
  status,
  reason,
});

/** Whether `signature` is the v0 HMAC of `v0:<timestamp>:<body bytes>`, compared in constant time. */
const signatureMatches = (secret: string, timestamp: string, body: Buffer, signature: string): boolean => {
  const expected = createHmac('sha256', secret).update(`v0:${timestamp}:`).update(body).digest();
  const given = Buffer.from(signature.slice(3), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
};

const utf8 = new TextDecoder('utf-8', { fatal: true });

type Json = Readonly<Record<string, unknown>>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string';
const hasId = (value: unknown): boolean => isObject(value) && isText(value.id) && value.id !== '';

/** A form body with every key once (a repeated key is a crafted body: Slack never sends one). */
const formFields = (text: string): Map<string, string> | undefined => {
  const fields = new Map<string, string>();
  for (const [key, value] of new URLSearchParams(text)) {
    if (fields.has(key)) return undefined;
    fields.set(key, value);
  }
  return fields;
};

const parseJson = (text: string): Json | undefined => {
  try {
    const value: unknown = JSON.parse(text);
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
};

const COMMAND_FIELDS = ['command', 'text', 'user_id', 'channel_id'] as const;

/** The interactive payloads this app listens to, each with the fields Bolt routes it by. */
const isInteraction = (payload: Json): boolean => {
  if (!hasId(payload.user)) return false;
  switch (payload.type) {
    case 'block_actions':
      return (
        Array.isArray(payload.actions) &&
        payload.actions.length > 0 &&
        payload.actions.every(
          (action: unknown) => isObject(action) && isText(action.action_id) && isText(action.type),
        ) &&
        (payload.channel === undefined || hasId(payload.channel)) &&
        (payload.view === undefined || (isObject(payload.view) && isText(payload.view.id)))
      );
    case 'view_submission':
    case 'view_closed':
      return (
        isObject(payload.view) &&
        isText(payload.view.id) &&
        isText(payload.view.callback_id) &&
        (payload.type === 'view_closed' ||
          (isObject(payload.view.state) && isObject(payload.view.state.values)))
      );
    default:
      return false;
  }
};

/** An Events API callback: the event object with its type, and the places Bolt looks for a channel. */
const isEventCallback = (body: Json): boolean => {
  const event = body.event;
  if (!isObject(event) || !isText(event.type)) return false;
  if (event.channel !== undefined && !isText(event.channel) && !hasId(event.channel)) return false;
  if (event.channel_id !== undefined && !isText(event.channel_id)) return false;
  if (event.item !== undefined && !isObject(event.item)) return false;
  return isText(body.team_id) || isText(body.enterprise_id);
};

/** What the verified body is, or why it is not a request this app handles. */
const kindOf = (
  contentType: SlackContentType,
  text: string,
): { readonly kind: SlackRequestKind } | { readonly reason: string } => {
  if (contentType === 'application/json') {
    const body = parseJson(text);
    if (!body) return { reason: 'the body is not a JSON object' };
    if (body.type === 'url_verification')
      return isText(body.challenge) ? { kind: 'url-verification' } : { reason: 'no challenge' };
    if (body.type === 'event_callback')
      return isEventCallback(body) ? { kind: 'event' } : { reason: 'not an event this app reads' };
    return { reason: 'not an Events API request' };
  }
  const fields = formFields(text);
  if (!fields) return { reason: 'a form field is repeated' };
  const payload = fields.get('payload');
  if (payload !== undefined) {
    if (fields.size !== 1) return { reason: 'an interactive payload comes alone' };
    const parsed = parseJson(payload);
    if (!parsed) return { reason: 'the payload is not a JSON object' };
    return isInteraction(parsed) ? { kind: 'interaction' } : { reason: 'not an interaction this app reads' };
  }
  if (COMMAND_FIELDS.every((field) => fields.has(field)) && fields.get('command')?.startsWith('/'))
    return { kind: 'command' };
  return { reason: 'neither a slash command nor an interactive payload' };
};

const contentTypeOf = (header: string | undefined): SlackContentType | undefined => {
  const type = header?.split(';')[0]?.trim().toLowerCase();
  return type === 'application/x-www-form-urlencoded' || type === 'application/json' ? type : undefined;
};

/** Checks one request to the Slack endpoint: see SlackRequestVerdict for the order. */
export const checkSlackRequest = (input: SlackRequestInput): SlackRequestVerdict => {
  const { headers, body, signingSecret, nowMs } = input;
  if (body.length > MAX_SLACK_BODY_BYTES)
    return refused(413, `body larger than ${MAX_SLACK_BODY_BYTES} bytes`);
  const timestamp = headerValue(headers, 'x-slack-request-timestamp');
  const signature = headerValue(headers, 'x-slack-signature');
  if (timestamp === undefined && signature === undefined) {
    return body.length <= 200 && SSL_CHECK.test(body.toString('latin1'))
      ? { outcome: 'ssl-check' }
      : refused(401, 'not signed');
  }
  if (timestamp === undefined || !isFreshSlackTimestamp(timestamp, nowMs))
    return refused(401, 'timestamp missing or more than 5 minutes from now');
  if (signature === undefined || !SIGNATURE.test(signature))
    return refused(401, 'signature missing or malformed');
  if (!signatureMatches(signingSecret, timestamp, body, signature)) return refused(401, 'signature mismatch');

  const contentType = contentTypeOf(headerValue(headers, 'content-type'));
  if (!contentType) return refused(400, 'content type is neither a form nor JSON');
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    return refused(400, 'the body is not UTF-8');
  }
  const found = kindOf(contentType, text);
  if ('reason' in found) return refused(400, found.reason);
  return {
    outcome: 'accepted',
    rawBody: text,
    contentType,
    kind: found.kind,
    signature,
    timestampSeconds: Number(timestamp),
  };
};
