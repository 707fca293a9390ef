import type { Language } from '#rules';
import type { EpisodeHead } from '#episodes';
import { context, esc, fallback, header, section, tr, type SlackMessage } from './blocks.ts';
import { episodeLine } from './episode-line.ts';
import { LEVEL } from './labels.ts';

/** `/cart new …`: the new episode's id (what every later command names) and its plan. */
export const episodeCreatedView = (input: {
  readonly episode: EpisodeHead;
  readonly language: Language;
  /** Today in the hospital's calendar (days since infusion). */
  readonly today: string;
  readonly command: string;
  readonly appUrl?: string | undefined;
}): SlackMessage => {
  const { episode, language, command } = input;
  const zh = language === 'zh-CN';
  const title = zh ? `已新建病程 ${episode.id}` : `Episode ${episode.id} created`;
  const dates = [
    episode.apheresisDate ? `${zh ? '单采' : 'apheresis'} ${episode.apheresisDate}` : '',
    episode.lymphodepletionStartDate
      ? `${zh ? '预处理' : 'lymphodepletion'} ${episode.lymphodepletionStartDate}…${episode.lymphodepletionEndDate ?? '?'}`
      : '',
    episode.infusionDate ? `${zh ? '回输(0 d)' : 'infusion (day 0)'} ${episode.infusionDate}` : '',
  ].filter((d) => d !== '');
  const open = episode.summary.openAlerts.map(
    (alert) => `${LEVEL[alert.level].emoji} *${alert.escalationId}* ${tr(LEVEL[alert.level].text, language)}`,
  );
  return {
    text: fallback(`${title}: ${esc(episode.patientRef)} ${esc(episode.product)}`),
    blocks: [
      header(title),
      section(episodeLine(episode, input.today, language, input.appUrl)),
      section(
        [
          `${zh ? '体重' : 'Weight'} ${episode.weightKg} kg · ${zh ? '身高' : 'height'} ${episode.heightCm} cm`,
          ...dates.map((d) => esc(d)),
          ...open,
        ].join('\n'),
      ),
      context(
        zh
          ? `下一步:\`${command} vitals ${episode.id} t=38.9 sbp=84 o2=nc:4\` 或 \`${command} status ${episode.id}\``
          : `Next: \`${command} vitals ${episode.id} t=38.9 sbp=84 o2=nc:4\` or \`${command} status ${episode.id}\``,
      ),
    ],
  };
};
