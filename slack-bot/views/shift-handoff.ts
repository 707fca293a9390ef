import type { Handoff, HandoffBlock, Language } from '#rules';
import {
  context,
  episodeLink,
  esc,
  fallback,
  header,
  LIMITS,
  section,
  tr,
  type KnownBlock,
  type SlackMessage,
} from './blocks.ts';

/** The mark of a block's acuity (HANDOFF-2): its highest current grade. */
const mark = (block: HandoffBlock): string => {
  const grade = block.acuity.highestGrade;
  if (grade >= 3) return ':red_circle:';
  if (grade === 2) return ':large_orange_circle:';
  if (grade === 1) return ':large_yellow_circle:';
  return ':white_circle:';
};

/** One block: the linked id on the first line, then the block's lines, every text from data escaped. */
const blockText = (block: HandoffBlock, language: Language, appUrl: string | undefined): string => {
  const [first, ...rest] = block.lines.map((line) => esc(tr(line, language)));
  const id = esc(block.episodeId);
  const head = (first ?? id).replace(id, episodeLink(block.episodeId, appUrl));
  return [
    `${mark(block)} ${head.startsWith('*') || head.startsWith('<') ? head : `*${head}*`}`,
    ...rest,
  ].join('\n');
};

/** Room for the header, the window line and the "more" line. */
const MAX_EPISODE_SECTIONS = LIMITS.blocksPerMessage - 3;

/**
 * `/cart handoff` and the scheduled digest (HANDOFF-1, HANDOFF-2): one compact section per active
 * episode, most acute first, in the channel's language; beyond Slack's block limit the rest are
 * counted and the plain-text fallback still lists every episode's first line.
 */
export const shiftHandoffView = (handoff: Handoff, language: Language, appUrl?: string): SlackMessage => {
  const shown = handoff.blocks.slice(0, MAX_EPISODE_SECTIONS);
  const hidden = handoff.blocks.length - shown.length;
  const blocks: KnownBlock[] = [
    header(tr(handoff.title, language)),
    context(esc(tr(handoff.text, language).split('\n\n')[1] ?? '')),
    ...(shown.length === 0
      ? [section(`_${esc(tr(handoff.text, language).split('\n\n')[2] ?? '')}_`)]
      : shown.map((block) => section(blockText(block, language, appUrl), `handoff-${block.episodeId}`))),
    ...(hidden > 0
      ? [
          context(
            language === 'zh-CN'
              ? `另有 ${hidden} 例未显示(Slack 消息块上限)`
              : `${hidden} more not shown (Slack block limit)`,
          ),
        ]
      : []),
  ];
  return {
    text: fallback(
      esc(tr(handoff.title, language)),
      ...handoff.blocks.map((block) =>
        esc(tr(block.lines[0] ?? { zh: block.episodeId, en: block.episodeId }, language)),
      ),
    ),
    blocks,
  };
};
