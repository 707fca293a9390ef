import { daysBetween, type Language } from '#rules';
import type { EpisodeHead } from '#episodes';
import { episodeLink, esc, tr } from './blocks.ts';
import { LABELS, LEVEL } from './labels.ts';

export type EpisodeLineFacts = Pick<
  EpisodeHead,
  'id' | 'patientRef' | 'product' | 'infusionDate' | 'summary'
>;

/** Days since CAR-T infusion (day 0 = infusion day, hospital calendar), or null before the date is set. */
export const dayOf = (infusionDate: string | null, today: string): number | null =>
  infusionDate ? daysBetween(infusionDate, today) : null;

const signed = (day: number): string => (day > 0 ? `+${day}` : String(day));

/** `EP-1 · P-0001 · KARMMA · day +2 · CRS 2 · ICANS – · 1 open alert`. */
export const episodeLine = (
  episode: EpisodeLineFacts,
  /** Today in the hospital's calendar (HOSPITAL_TIME_ZONE). */
  today: string,
  language: Language,
  appUrl: string | undefined,
): string => {
  const day = dayOf(episode.infusionDate, today);
  const grade = (g: number | null): string => (g === null ? '–' : String(g));
  const open = episode.summary.openAlerts;
  const worst = open.find((a) => a.level === 'CRITICAL') ?? open.find((a) => a.level === 'URGENT') ?? open[0];
  const dayText = day === null ? '' : language === 'zh-CN' ? `第 ${signed(day)} 天` : `day ${signed(day)}`;
  return [
    episodeLink(episode.id, appUrl),
    esc(episode.patientRef),
    esc(episode.product),
    dayText,
    `CRS ${grade(episode.summary.crsGrade)}`,
    `ICANS ${grade(episode.summary.icansGrade)}`,
    open.length > 0 && worst
      ? `${LEVEL[worst.level].emoji} ${open.length} ${tr(open.length === 1 ? LABELS.openAlert : LABELS.openAlerts, language)}`
      : '',
  ]
    .filter((part) => part !== '')
    .join(' · ');
};
