import type {
  CarePlanItem,
  CarePlanOutcome,
  CarePlanPhase,
  CarePlanStatus,
  Language,
  LocalizedText,
  RuleEvaluation,
} from '#rules';
import type { EpisodeHead } from '#episodes';
import {
  citationLine,
  context,
  esc,
  fallback,
  header,
  list,
  section,
  tr,
  type SlackMessage,
} from './blocks.ts';
import { episodeLine } from './episode-line.ts';
import { doseLine, ruleIdsOf } from './evaluation.ts';

/** Follow-up checks shown ahead (the rest of the schedule is in the frontend and GraphQL). */
const FOLLOW_UP_SHOWN = 6;

const TITLE: LocalizedText = { zh: '护理计划', en: 'care plan' };

const PHASE: Readonly<Record<CarePlanPhase, LocalizedText>> = {
  BEFORE_LYMPHODEPLETION: { zh: '预处理前', en: 'Before lymphodepletion' },
  FROM_LYMPHODEPLETION_START: { zh: '自预处理开始', en: 'From the start of lymphodepletion' },
  INFUSION: { zh: '输注', en: 'Infusion' },
  FROM_INFUSION: { zh: '自输注起', en: 'From infusion' },
  FOLLOW_UP: { zh: 'IgG 监测与随访', en: 'IgG checks and follow-up' },
};

const STATUS: Readonly<Record<CarePlanStatus, { readonly emoji: string; readonly text: LocalizedText }>> = {
  DUE: { emoji: ':bell:', text: { zh: '待办', en: 'due' } },
  ACTIVE: { emoji: ':large_green_circle:', text: { zh: '进行中', en: 'active' } },
  DONE: { emoji: ':white_check_mark:', text: { zh: '已过', en: 'done' } },
  UPCOMING: { emoji: ':calendar:', text: { zh: '未开始', en: 'upcoming' } },
  UNKNOWN: { emoji: ':grey_question:', text: { zh: '需补充', en: 'needs input' } },
};

/** What an item needs, in words (the fields of the episode or of a lab result). */
const NEED: Readonly<Record<string, LocalizedText>> = {
  infusionDate: { zh: '输注日期', en: 'the infusion date' },
  lymphodepletionStartDate: { zh: '预处理开始日期', en: 'the lymphodepletion start date' },
  priorCnsDisease: { zh: '是否有既往中枢神经系统疾病', en: 'whether there is prior CNS disease' },
  neutrophilCounts: {
    zh: '输注后的中性粒细胞计数(ANC 化验)',
    en: 'a neutrophil count after infusion (ANC lab)',
  },
  neutrophilRecoveredAt: { zh: '粒细胞恢复日期', en: 'the neutrophil recovery date' },
};

const needsText = (needs: readonly string[], language: Language): string =>
  needs
    .map((need) => esc(NEED[need] ? tr(NEED[need], language) : need))
    .join(language === 'zh-CN' ? '、' : ', ');

/** `:bell: *due* serum IgG (month 1 after infusion) — on 2026-04-01 _(IG-1)_`, with its dose and needs. */
const itemLine = (item: CarePlanItem, language: Language): string => {
  const status = STATUS[item.status];
  const needs =
    item.needs.length === 0
      ? ''
      : `\n      ${language === 'zh-CN' ? '需要' : 'needs'}: ${needsText(item.needs, language)}`;
  return `${status.emoji} *${tr(status.text, language)}* ${esc(tr(item.text, language))} — ${esc(tr(item.timing, language))} _(${item.ruleId})_${item.dose ? `\n      ${doseLine(item.dose, language)}` : ''}${needs}`;
};

/**
 * The follow-up phase as a reader wants it on a ward: what is not past yet, the next few checks, and
 * how many are past; every other phase in full.
 */
const phaseLines = (phase: CarePlanPhase, items: readonly CarePlanItem[], language: Language): string[] => {
  if (phase !== 'FOLLOW_UP') return items.map((item) => itemLine(item, language));
  const past = items.filter((item) => item.status === 'DONE').length;
  const ahead = items.filter((item) => item.status !== 'DONE');
  const shown = ahead.slice(0, FOLLOW_UP_SHOWN);
  const later = ahead.length - shown.length;
  return [
    ...(past > 0
      ? [language === 'zh-CN' ? `:white_check_mark: 已过 ${past} 项` : `:white_check_mark: ${past} past`]
      : []),
    ...shown.map((item) => itemLine(item, language)),
    ...(later > 0 ? [language === 'zh-CN' ? `…… 之后还有 ${later} 项` : `… ${later} more later`] : []),
  ];
};

/**
 * `/cart plan EP-1`: the episode's care plan (PLAN-1) on today: prophylaxis by phase (INFX-1…3,
 * INF-1) with start and stop dates, IgG checks (IG-1) and the next follow-up visits (FU-1), each with
 * its status, rule id and what it still needs; then the notes and citations. Pure data.
 */
export const episodePlanView = (input: {
  readonly head: EpisodeHead;
  readonly evaluation: RuleEvaluation<CarePlanOutcome>;
  readonly language: Language;
  /** Today in the hospital's calendar. */
  readonly today: string;
  readonly appUrl?: string | undefined;
}): SlackMessage => {
  const { head, evaluation, language } = input;
  const plan = evaluation.outcome;
  const title = `${head.id} · ${head.patientRef} · ${tr(TITLE, language)}`;
  const drivers = evaluation.drivers.map((d) => `${esc(tr(d.text, language))} _(${d.ruleId})_`);
  const phases = (Object.keys(PHASE) as CarePlanPhase[])
    .map((phase) => ({ phase, items: plan.items.filter((item) => item.phase === phase) }))
    .filter(({ items }) => items.length > 0);
  const blocks = [
    header(title),
    section([episodeLine(head, input.today, language, input.appUrl), ...drivers].join('\n')),
    ...phases.flatMap(({ phase, items }) =>
      list(tr(PHASE[phase], language), phaseLines(phase, items, language)),
    ),
    ...(evaluation.notes.length > 0
      ? [context(...evaluation.notes.map((note) => `${esc(tr(note.text, language))} _(${note.ruleId})_`))]
      : []),
    context(
      citationLine(
        evaluation.citations,
        [...ruleIdsOf(evaluation), ...plan.items.map((item) => item.ruleId)],
        language,
      ),
    ),
  ];
  const now = plan.items.filter((item) => item.status === 'DUE' || item.status === 'ACTIVE');
  return {
    text: fallback(
      esc(title),
      ...now.map(
        (item) =>
          `${tr(STATUS[item.status].text, language)}: ${esc(tr(item.text, language))} (${item.ruleId})`,
      ),
    ),
    blocks,
  };
};
