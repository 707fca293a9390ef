/** The emoji the bot's messages use, as characters. */
const EMOJI: Readonly<Record<string, string>> = {
  red_circle: '🔴',
  large_orange_circle: '🟠',
  large_yellow_circle: '🟡',
  white_check_mark: '✅',
  warning: '⚠️',
  pill: '💊',
  syringe: '💉',
  abacus: '🧮',
  repeat: '🔁',
  rotating_light: '🚨',
  information_source: 'ℹ️',
};

/** Slack mrkdwn → plain text: mentions, dates and links as they read, markup and escapes removed. */
export const plain = (mrkdwn: string): string =>
  mrkdwn
    .replace(/<!date\^\d+\^[^|]*\|([^>]*)>/g, '$1')
    .replace(/<!subteam\^([A-Z0-9]+)(?:\|[^>]*)?>/g, '@$1')
    .replace(/<@([A-Z0-9]+)>/g, '@$1')
    .replace(/<#([A-Z0-9]+)>/g, '#$1')
    .replace(/<([^|>]+)\|([^>]+)>/g, '$2 ($1)')
    .replace(/:([a-z_]+):/g, (match, name: string) => EMOJI[name] ?? match)
    .replace(/\*([^*\n]+)\*/g, '$1')
    .replace(/(^|[\s(])_([^_\n]+)_(?=$|[\s).,;])/g, '$1$2')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
