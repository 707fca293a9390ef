import type { Language } from '#rules';
import type { EpisodeHead } from '#episodes';
import { esc, fallback, header, list, section, tr, type SlackMessage } from './blocks.ts';
import { episodeLine } from './episode-line.ts';
import { LABELS } from './labels.ts';

/** `/cart list`: the team's active episodes, most recently updated first, with grades and open alerts. */
export const episodeListView = (input: {
  readonly team: string;
  readonly episodes: readonly EpisodeHead[];
  readonly language: Language;
  /** Today in the hospital's calendar (days since infusion). */
  readonly today: string;
  readonly appUrl?: string | undefined;
}): SlackMessage => {
  const { team, episodes, language } = input;
  const title = language === 'zh-CN' ? `团队 ${team} 进行中的病程` : `Active episodes of team ${team}`;
  const lines = episodes.map((episode) => episodeLine(episode, input.today, language, input.appUrl));
  return {
    text: fallback(esc(title), ...lines),
    blocks: [
      header(title),
      ...(lines.length === 0
        ? [section(`_${tr(LABELS.noActiveEpisodes, language)}_`)]
        : list(`${episodes.length}`, lines)),
    ],
  };
};
