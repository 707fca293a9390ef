import { withoutMarkup } from '../../slack-bot/views/mrkdwn.ts';

/** The emoji the bot's messages use, as characters. */
export const EMOJI: Readonly<Record<string, string>> = {
  red_circle: '🔴',
  large_orange_circle: '🟠',
  large_yellow_circle: '🟡',
  large_green_circle: '🟢',
  white_circle: '⚪',
  white_check_mark: '✅',
  grey_question: '❔',
  bell: '🔔',
  calendar: '📅',
  chart_with_upwards_trend: '📈',
  warning: '⚠️',
  pill: '💊',
  syringe: '💉',
  abacus: '🧮',
  repeat: '🔁',
  rotating_light: '🚨',
  information_source: 'ℹ️',
};

/**
 * Slack mrkdwn → plain text: mentions, dates and links as they read, the bot's emoji as
 * characters (other emoji names kept whole), markup and escapes removed; `code` keeps its
 * backticks, which show what to type.
 */
export const plain = (mrkdwn: string): string =>
  withoutMarkup(mrkdwn, { keepCode: true })
    .replace(/<!date\^\d+\^[^|]*\|([^>]*)>/g, '$1')
    .replace(/<!subteam\^([A-Z0-9]+)(?:\|[^>]*)?>/g, '@$1')
    .replace(/<@([A-Z0-9]+)>/g, '@$1')
    .replace(/<#([A-Z0-9]+)>/g, '#$1')
    .replace(/<([^|>]+)\|([^>]+)>/g, '$2 ($1)')
    .replace(/:([a-z0-9_+-]+):/g, (match, name: string) => EMOJI[name] ?? match)
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
