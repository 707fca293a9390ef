import type { types } from '@slack/bolt';
import { localize, type Citation, type CitationSource, type Language, type LocalizedText } from '#rules';
import { slackUserIdOf } from '#episodes';
import { withoutMarkup } from './mrkdwn.ts';

/**
 * Block Kit building blocks shared by the views: typed literals, Slack's length limits applied,
 * user-visible text escaped for mrkdwn. Views are pure functions of their data; these are too.
 */
export type KnownBlock = types.KnownBlock;
export type SectionBlock = types.SectionBlock;
export type ContextBlock = types.ContextBlock;

/** A message: Block Kit plus the plain-text fallback (notifications, screen readers, old clients). */
export type SlackMessage = { readonly text: string; readonly blocks: KnownBlock[] };

/** Slack's limits for the texts the views produce. */
export const LIMITS = {
  sectionText: 3000,
  headerText: 150,
  contextElements: 10,
  buttonText: 75,
  blocksPerMessage: 50,
  blocksPerView: 100,
  fallbackText: 4000,
} as const;

export const tr = (text: LocalizedText, language: Language): string => localize(text, language);

/** mrkdwn treats &, < and > as control characters: every text from data is escaped. */
export const esc = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export const truncate = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, max - 1)}…`;

export const header = (text: string): KnownBlock => ({
  type: 'header',
  text: { type: 'plain_text', text: truncate(text, LIMITS.headerText), emoji: true },
});

export const section = (mrkdwn: string, blockId?: string): SectionBlock => ({
  type: 'section',
  ...(blockId ? { block_id: blockId } : {}),
  text: { type: 'mrkdwn', text: truncate(mrkdwn, LIMITS.sectionText) },
});

export const context = (...mrkdwn: string[]): ContextBlock => ({
  type: 'context',
  elements: mrkdwn
    .filter((text) => text !== '')
    .slice(0, LIMITS.contextElements)
    .map((text) => ({ type: 'mrkdwn' as const, text: truncate(text, LIMITS.sectionText) })),
});

export const divider = (): KnownBlock => ({ type: 'divider' });

/**
 * A bulleted mrkdwn list under a bold title (nothing when there is nothing to list), split over
 * as many sections as Slack's 3000-character limit needs, never cutting an item.
 */
export const list = (title: string, lines: readonly string[]): SectionBlock[] => {
  if (lines.length === 0) return [];
  const sections: string[] = [];
  let current = `*${title}*`;
  for (const line of lines) {
    const item = `• ${truncate(line, LIMITS.sectionText - 10)}`;
    if (current.length + 1 + item.length > LIMITS.sectionText) {
      sections.push(current);
      current = item;
    } else {
      current = `${current}\n${item}`;
    }
  }
  sections.push(current);
  return sections.map((text) => section(text));
};

const SOURCE_NAMES: Readonly<Record<CitationSource, LocalizedText>> = {
  'cn-mm-cart-2022': { zh: 'CAR-T治疗MM中国专家共识(2022)', en: 'Chinese MM CAR-T consensus 2022' },
  'astct-2019': { zh: 'ASTCT 2019', en: 'ASTCT 2019' },
  'ctcae-v5': { zh: 'CTCAE v5.0', en: 'CTCAE v5.0' },
  'product-design': { zh: '本系统设计', en: 'product design' },
};

/** "Rules CRS-GRADE, CRS-T4-2 · Chinese MM CAR-T consensus 2022 §7.1 T3; ASTCT 2019 CRS consensus grading". */
export const citationLine = (
  citations: readonly Citation[],
  ruleIds: readonly string[],
  language: Language,
): string => {
  const rules = [...new Set(ruleIds)];
  const sources = citations.map((c) =>
    c.source === 'product-design'
      ? `${c.section} (${tr(SOURCE_NAMES[c.source], language)})`
      : `${tr(SOURCE_NAMES[c.source], language)} ${c.section}`,
  );
  const rulesLabel = language === 'zh-CN' ? '规则' : 'Rules';
  return esc(
    [rules.length > 0 ? `${rulesLabel} ${rules.join(', ')}` : '', sources.join('; ')]
      .filter((s) => s !== '')
      .join(' · '),
  );
};

/** The episode's id, linked to the frontend when its URL is configured. */
export const episodeLink = (episodeId: string, appUrl: string | undefined): string =>
  appUrl
    ? `<${appUrl.replace(/\/$/, '')}/episodes/${encodeURIComponent(episodeId)}|${esc(episodeId)}>`
    : `*${esc(episodeId)}*`;

export const episodeUrl = (episodeId: string, appUrl: string | undefined): string | undefined =>
  appUrl ? `${appUrl.replace(/\/$/, '')}/episodes/${encodeURIComponent(episodeId)}` : undefined;

/** A time every reader sees in their own time zone (the ISO instant as the fallback). */
export const slackTime = (iso: string): string => {
  const ms = Date.parse(iso);
  return Number.isNaN(ms)
    ? esc(iso)
    : `<!date^${Math.floor(ms / 1000)}^{date_short_pretty} {time}|${esc(iso)}>`;
};

/** Slack's id shapes: a user group (S…), a channel (C…, G…, D…); users: slackUserIdOf. */
const SLACK_USER_GROUP = /^S[A-Z0-9]{2,20}$/;
const SLACK_CHANNEL = /^[CGD][A-Z0-9]{2,20}$/;

/**
 * A Slack user (`slack:U123` → mention) or another author by id (`cognito:…`, `system:…`),
 * escaped. Only an id of Slack's exact shape becomes a mention, so no stored or token-supplied
 * id can smuggle markup (`slack:U1> <!channel`) into a message.
 */
export const who = (userId: string): string => {
  const slackUser = slackUserIdOf(userId);
  return slackUser ? `<@${slackUser}>` : esc(userId);
};

/** A user group mention (pages its members); anything not shaped like a group id is shown escaped. */
export const userGroupMention = (groupId: string): string =>
  SLACK_USER_GROUP.test(groupId) ? `<!subteam^${groupId}>` : esc(groupId);

/** A channel link; anything not shaped like a channel id is shown escaped. */
export const channelLink = (channelId: string): string =>
  SLACK_CHANNEL.test(channelId) ? `<#${channelId}>` : esc(channelId);

/**
 * The message's plain-text fallback: its mrkdwn without markup (emoji names, escapes and
 * identifiers kept as they are), within Slack's limit.
 */
export const fallback = (...lines: string[]): string =>
  truncate(withoutMarkup(lines.filter((line) => line !== '').join('\n')), LIMITS.fallbackText);
