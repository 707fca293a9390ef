import type { Language, RuleEvaluation, TocilizumabDoseCheck } from '#rules';
import type { EpisodeHead } from '#episodes';
import { esc, fallback, header, section, slackTime, tr, type SlackMessage } from './blocks.ts';
import { episodeLine } from './episode-line.ts';
import { evaluationBlocks } from './evaluation.ts';
import { LABELS } from './labels.ts';

const STATUS = {
  ALLOWED: { zh: '现在可以给药', en: 'allowed now' },
  TOO_SOON: { zh: '现在不可给药:距上次给药不足 8 h', en: 'not now: less than 8 h since the last dose' },
  MAX_24H_REACHED: { zh: '现在不可给药:已达 24 h 上限', en: 'not now: the 24-hour limit is reached' },
  MAX_TOTAL_REACHED: { zh: '不可再给药:已达总次数上限', en: 'no further dose: the total limit is reached' },
} as const;

/**
 * `/cart toci EP-1`: the tocilizumab dose for this patient (TOCI-1: 8 mg/kg, at most 800 mg) and
 * whether a dose is allowed now (TOCI-2..4), with the earliest next time when it is not.
 */
export const tocilizumabCheckView = (input: {
  readonly episode: EpisodeHead;
  readonly evaluation: RuleEvaluation<TocilizumabDoseCheck>;
  readonly language: Language;
  readonly now: Date;
  /** Today in the hospital's calendar (days since infusion). */
  readonly today: string;
  readonly command: string;
  readonly appUrl?: string | undefined;
}): SlackMessage => {
  const { episode, evaluation, language } = input;
  const check = evaluation.outcome;
  const status = tr(STATUS[check.status], language);
  const title = `${episode.id} · ${tr(LABELS.tocilizumab, language)} ${check.doseMg} mg · ${status}`;
  const next =
    check.earliestNextDoseAt === null
      ? ''
      : check.status === 'ALLOWED'
        ? language === 'zh-CN'
          ? `记录给药:\`${input.command} toci ${episode.id} give\``
          : `Record the dose: \`${input.command} toci ${episode.id} give\``
        : `${language === 'zh-CN' ? '最早下次给药' : 'Earliest next dose'}: ${slackTime(check.earliestNextDoseAt)}`;
  return {
    text: fallback(esc(title)),
    blocks: [
      header(title),
      section(episodeLine(episode, input.today, language, input.appUrl)),
      ...(next ? [section(next)] : []),
      ...evaluationBlocks(evaluation, language),
    ],
  };
};
