import type { Citation, EscalationId, EscalationLevel, Language, LocalizedText } from '#rules';
import type { Author } from '#episodes';
import { ALERT_ACTIONS, alertButtonValue } from '../ids.ts';
import {
  citationLine,
  context,
  episodeLink,
  episodeUrl,
  esc,
  fallback,
  section,
  slackTime,
  tr,
  userGroupMention,
  who,
  type KnownBlock,
  type SlackMessage,
} from './blocks.ts';
import { LABELS, LEVEL } from './labels.ts';

/** What an alert message shows: the stored alert. */
export type AlertFacts = {
  readonly id: string;
  readonly episodeId: string;
  readonly escalationId: EscalationId;
  readonly level: EscalationLevel;
  readonly text: LocalizedText;
  readonly sourceRuleIds: readonly string[];
  readonly citations: readonly Citation[];
  readonly raisedAt: string;
  readonly acknowledgedAt?: string | undefined;
  readonly acknowledgedBy?: Author | undefined;
};

export type AlertMessageInput = {
  readonly alert: AlertFacts;
  readonly language: Language;
  /** The team's on-call user group, mentioned on critical alerts. */
  readonly oncallUserGroupId: string | null;
  readonly appUrl?: string | undefined;
};

/** Critical alerts page the on-call group, until acknowledged (an updated message does not page again). */
const mentionFor = (input: AlertMessageInput): string =>
  input.alert.level === 'CRITICAL' && input.oncallUserGroupId && input.alert.acknowledgedAt === undefined
    ? `${userGroupMention(input.oncallUserGroupId)} `
    : '';

/**
 * An alert in the team's channel: level, escalation and episode, the alert's text, the rules it
 * comes from; the on-call group mentioned when critical; Acknowledge and Open buttons while open,
 * who acknowledged it and when once acknowledged (the same message, updated in place).
 */
export const alertMessageView = (input: AlertMessageInput): SlackMessage => {
  const { alert, language } = input;
  const level = LEVEL[alert.level];
  const mention = mentionFor(input);
  const title = `${level.emoji} *${tr(level.text, language)} · ${alert.escalationId}* · ${episodeLink(alert.episodeId, input.appUrl)}`;
  const body = esc(tr(alert.text, language));
  const value = alertButtonValue(alert.episodeId, alert.id);
  const url = episodeUrl(alert.episodeId, input.appUrl);
  const blocks: KnownBlock[] = [
    section(`${title}\n${mention}${body}`),
    context(citationLine(alert.citations, alert.sourceRuleIds, language), slackTime(alert.raisedAt)),
  ];
  if (alert.acknowledgedAt === undefined) {
    blocks.push({
      type: 'actions',
      block_id: ALERT_ACTIONS.block,
      elements: [
        {
          type: 'button',
          action_id: ALERT_ACTIONS.acknowledge,
          style: 'primary',
          text: { type: 'plain_text', text: tr(LABELS.acknowledge, language) },
          value,
        },
        {
          type: 'button',
          action_id: ALERT_ACTIONS.open,
          text: { type: 'plain_text', text: tr(LABELS.open, language) },
          value,
          ...(url ? { url } : {}),
        },
      ],
    });
  } else {
    blocks.push(
      context(
        `:white_check_mark: ${tr(LABELS.acknowledgedBy, language)} ${alert.acknowledgedBy ? who(alert.acknowledgedBy.userId) : ''} · ${slackTime(alert.acknowledgedAt)}`,
      ),
    );
  }
  const acknowledger = alert.acknowledgedBy ? ` ${who(alert.acknowledgedBy.userId)}` : '';
  const state =
    alert.acknowledgedAt === undefined
      ? ''
      : ` (${tr(LABELS.acknowledgedBy, language).toLowerCase()}${acknowledger})`;
  return {
    text: fallback(
      `${mention}${tr(level.text, language)} ${alert.escalationId} ${alert.episodeId}${state}: ${body}`,
    ),
    blocks,
  };
};

/** The re-notification of an unacknowledged critical alert, posted in the alert's thread and to the channel. */
export const alertReminderView = (
  input: AlertMessageInput & { readonly minutesOpen: number },
): SlackMessage => {
  const { alert, language } = input;
  const mention = mentionFor(input);
  const line = `:rotating_light: ${mention}*${tr(LABELS.stillUnacknowledged, language)}* (${input.minutesOpen} min) · ${alert.escalationId} · ${episodeLink(alert.episodeId, input.appUrl)} — ${esc(tr(alert.text, language))}`;
  return { text: fallback(line), blocks: [section(line)] };
};
