import type { Language } from '#rules';
import type { EpisodeHead } from '#episodes';
import { esc, fallback, header, list, section, tr, type SlackMessage } from './blocks.ts';
import { episodeLine } from './episode-line.ts';
import { COUNT_LABEL, LABELS } from './labels.ts';

/** `3 active episodes · 1 with open alerts` (with `+` and how many are shown when there are more). */
export const episodeCountLine = (
  episodes: readonly Pick<EpisodeHead, 'summary'>[],
  more: boolean,
  language: Language,
): string =>
  [
    tr(COUNT_LABEL.activeEpisodes(episodes.length, more), language),
    tr(COUNT_LABEL.withOpenAlerts(episodes.filter((e) => e.summary.openAlerts.length > 0).length), language),
    more ? tr(COUNT_LABEL.mostRecentShown(episodes.length), language) : '',
  ]
    .filter((part) => part !== '')
    .join(' · ');

/**
 * `/cart list`: the team's active episodes, most recently updated first, under how many there are
 * and how many have open alerts, each with its grades and open alerts.
 */
export const episodeListView = (input: {
  readonly team: string;
  readonly episodes: readonly EpisodeHead[];
  readonly language: Language;
  /** Today in the hospital's calendar (days since infusion). */
  readonly today: string;
  readonly appUrl?: string | undefined;
  /** More active episodes than listed (the list shows the most recently updated page). */
  readonly more?: boolean;
}): SlackMessage => {
  const { team, episodes, language } = input;
  const title = language === 'zh-CN' ? `团队 ${team} 进行中的病程` : `Active episodes of team ${team}`;
  const lines = episodes.map((episode) => episodeLine(episode, input.today, language, input.appUrl));
  const counts = episodeCountLine(episodes, input.more ?? false, language);
  return {
    text: fallback(esc(title), lines.length === 0 ? tr(LABELS.noActiveEpisodes, language) : counts, ...lines),
    blocks: [
      header(title),
      ...(lines.length === 0 ? [section(`_${tr(LABELS.noActiveEpisodes, language)}_`)] : list(counts, lines)),
    ],
  };
};
