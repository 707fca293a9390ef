import { ALERT_ACTIONS } from '../../slack-bot/ids.ts';
import { LABELS } from '../../slack-bot/views/labels.ts';
import type { FakeSlackCall } from './fake-slack-api.ts';
import { plain } from './mrkdwn-text.ts';
import type { SlackMessage } from './received-message.ts';

/**
 * Whether pressing Acknowledge on an alert really acknowledged it, judged from what the bot did
 * (as the fake Slack API recorded it), never from the HTTP 200 Slack gets for any button press:
 * - acknowledged: the alert's own message was updated to show who acknowledged it, or the bot
 *   answered the press with the alert already acknowledged (a second press);
 * - refused: the bot answered the press with anything else (a bad value, no permission, …);
 * - waiting: neither yet (the update comes from the alert pipeline a moment later).
 */
export type AcknowledgementVerdict =
  | { readonly kind: 'acknowledged'; readonly text: string; readonly by: 'update' | 'reply' }
  | { readonly kind: 'refused'; readonly text: string }
  | { readonly kind: 'waiting' };

export type AcknowledgePress = {
  /** The button's value, `EP-<n>:<alert id>`. */
  readonly value: string;
  /** The id of the press's response_url (the part after /response/). */
  readonly responseId: string;
  /** The fake's last call number before the press. */
  readonly after: number;
};

const ACKNOWLEDGED_WORDS = [LABELS.acknowledgedBy.en, LABELS.acknowledgedBy.zh];

/** The text of a message as a reader sees it: its blocks' texts (else its fallback), plain. */
export const messageTextOf = (message: SlackMessage): string => {
  const lines: string[] = [];
  for (const block of message.blocks ?? []) {
    if (block.text) lines.push(block.text.text);
    for (const field of block.fields ?? []) lines.push(field.text);
    for (const element of block.elements ?? [])
      if (element.type !== 'button' && element.text !== undefined)
        lines.push(typeof element.text === 'string' ? element.text : element.text.text);
  }
  return plain(lines.length > 0 ? lines.join('\n') : (message.text ?? ''));
};

const ok = (call: FakeSlackCall): boolean => call.status === 200 && call.response.ok === true;
const hasButton = (call: FakeSlackCall, value: string): boolean =>
  ((call.args as SlackMessage).blocks ?? []).some((block) =>
    (block.elements ?? []).some(
      (element) => element.action_id === ALERT_ACTIONS.acknowledge && element.value === value,
    ),
  );
const saysAcknowledged = (text: string): boolean => ACKNOWLEDGED_WORDS.some((word) => text.includes(word));

/** The verdict on one press, from every call the fake recorded (the alert's post may be older than the press). */
export const acknowledgementVerdict = (
  calls: readonly FakeSlackCall[],
  press: AcknowledgePress,
): AcknowledgementVerdict => {
  const reply = calls.find(
    (call) =>
      call.seq > press.after && call.method === 'response_url' && call.args.responseId === press.responseId,
  );
  if (reply) {
    const text = messageTextOf(reply.args);
    return saysAcknowledged(text) ? { kind: 'acknowledged', text, by: 'reply' } : { kind: 'refused', text };
  }
  const posts = calls.filter(
    (call) => call.method === 'chat.postMessage' && ok(call) && hasButton(call, press.value),
  );
  const update = calls.find(
    (call) =>
      call.seq > press.after &&
      call.method === 'chat.update' &&
      ok(call) &&
      posts.some((post) => post.response.channel === call.args.channel && post.response.ts === call.args.ts),
  );
  if (update) {
    const text = messageTextOf(update.args);
    if (saysAcknowledged(text)) return { kind: 'acknowledged', text, by: 'update' };
  }
  return { kind: 'waiting' };
};
