import type { types } from '@slack/bolt';
import type { Language } from '#rules';
import type { EpisodeHead } from '#episodes';
import { HOME_ACTIONS } from '../ids.ts';
import { context, divider, esc, header, section, tr, LIMITS, type KnownBlock } from './blocks.ts';
import { episodeLine } from './episode-line.ts';
import { LABELS, LEVEL } from './labels.ts';

export type HomeTeam = { readonly team: string; readonly episodes: readonly EpisodeHead[] };

/**
 * App Home: per team of the user's channels, its active episodes with current CRS/ICANS grades,
 * days since infusion and open alerts (the worst first).
 */
export const appHomeView = (input: {
  readonly teams: readonly HomeTeam[];
  readonly language: Language;
  /** Today in the hospital's calendar (days since infusion). */
  readonly today: string;
  readonly command: string;
  readonly appUrl?: string | undefined;
}): types.HomeView => {
  const { language } = input;
  const zh = language === 'zh-CN';
  const blocks: KnownBlock[] = [
    header(zh ? 'CAR-T 值班:进行中的病程' : 'CAR-T on-call: active episodes'),
    {
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: HOME_ACTIONS.refresh,
          text: { type: 'plain_text', text: tr(LABELS.refresh, language) },
        },
      ],
    },
  ];
  if (input.teams.length === 0) {
    blocks.push(
      section(
        zh
          ? `您所在的频道都还没有关联团队。管理员可在团队频道执行 \`${input.command} setup team=…\`。`
          : `None of your channels is mapped to a team yet. An administrator runs \`${input.command} setup team=…\` in the team's channel.`,
      ),
    );
  }
  for (const { team, episodes } of input.teams) {
    blocks.push(divider(), section(`*${zh ? '团队' : 'Team'} ${esc(team)}* · ${episodes.length}`));
    if (episodes.length === 0) blocks.push(context(`_${tr(LABELS.noActiveEpisodes, language)}_`));
    for (const episode of episodes) {
      const alerts = episode.summary.openAlerts.map(
        (alert) => `${LEVEL[alert.level].emoji} ${alert.escalationId}`,
      );
      blocks.push(
        section(
          `${episodeLine(episode, input.today, language, input.appUrl)}${alerts.length > 0 ? `\n${alerts.join('  ')}` : ''}`,
        ),
      );
    }
  }
  const limited =
    blocks.length <= LIMITS.blocksPerView
      ? blocks
      : [
          ...blocks.slice(0, LIMITS.blocksPerView - 1),
          context(zh ? '……更多病程请用 list 命令' : '… more: use the list command'),
        ];
  return { type: 'home', blocks: limited };
};
