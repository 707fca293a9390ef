import type { Language, RulesConfig } from '#rules';
import type { EpisodeState } from '#episodes';
import { STATUS_ACTIONS } from '../ids.ts';
import {
  context,
  esc,
  fallback,
  header,
  list,
  section,
  slackTime,
  tr,
  who,
  type KnownBlock,
  type SlackMessage,
} from './blocks.ts';
import { episodeLine } from './episode-line.ts';
import { evaluationBlocks } from './evaluation.ts';
import { gradeTrend } from './grade-trend.ts';
import { LABELS, LEVEL } from './labels.ts';
import { gradingTitle } from './recording.ts';
import { tocilizumabStatusLine } from './tocilizumab-status.ts';
import { lastVitalsLine, latestVitals } from './vitals-line.ts';

/** Recent records a status reads (the latest gradings and alerts): a bounded read on any day of the course. */
export const STATUS_RECENT = 20;
/** Acknowledged alerts shown in the management: the latest ones. */
const ACKNOWLEDGED_SHOWN = 5;
/** Open alerts named in the short status (the count covers them all). */
const OPEN_ALERTS_SHOWN = 3;

export type EpisodeStatusInput = {
  readonly state: EpisodeState;
  readonly language: Language;
  readonly now: Date;
  /** Today in the hospital's calendar (days since infusion). */
  readonly today: string;
  readonly config: RulesConfig;
  readonly appUrl?: string | undefined;
};

const titleOf = ({ head }: EpisodeState, language: Language): string =>
  `${head.id} · ${head.patientRef}${head.status === 'CLOSED' ? (language === 'zh-CN' ? '(已结束)' : ' (closed)') : ''}`;

const latestOf = (state: EpisodeState, domain: 'CRS' | 'ICANS') =>
  [...state.gradings].reverse().find((g) => g.domain === domain);

const openAlertsOf = (state: EpisodeState) =>
  state.alerts.filter((alert) => alert.acknowledgedAt === undefined);

const recordsLine = (state: EpisodeState, language: Language): string => {
  const { head } = state;
  const zh = language === 'zh-CN';
  return `${tr(LABELS.records, language)}: ${head.counts?.vitals ?? state.vitals.length} ${zh ? '次生命体征' : 'vital signs'}, ${head.counts?.neuro ?? state.neuro.length} ${zh ? '次神经评估' : 'neuro'}, ${head.counts?.doses ?? state.doses.length} ${zh ? '次给药' : 'doses'}`;
};

const openAlertsText = (count: number, language: Language): string =>
  `${count} ${tr(count === 1 ? LABELS.openAlert : LABELS.openAlerts, language)}`;

/**
 * `/cart status EP-1`, short: the grade of each syndrome with its trend, the last vital signs and
 * their age, tocilizumab now, the open alerts; the full management (what drove each grade, the
 * steps with doses, citations, acknowledgements) is one button away.
 */
export const episodeStatusView = (input: EpisodeStatusInput): SlackMessage => {
  const { state, language, now } = input;
  const { head } = state;
  const complete = !(state.truncated ?? []).includes('GRADE');
  const gradeLine = (domain: 'CRS' | 'ICANS'): string => {
    const latest = latestOf(state, domain);
    if (!latest) return `*${domain}* ${tr(LABELS.notGradedYet, language)}`;
    const trend = gradeTrend(state.gradings, domain, language, complete);
    return `*${gradingTitle(latest, language)}*${trend ? ` ${trend}` : ''} · ${slackTime(latest.recordedAt)}`;
  };
  const open = openAlertsOf(state);
  const alertsLine =
    open.length === 0
      ? tr(LABELS.noOpenAlerts, language)
      : `${LEVEL[open[0]?.level ?? 'WARNING'].emoji} *${openAlertsText(open.length, language)}*: ${open
          .slice(0, OPEN_ALERTS_SHOWN)
          .map((alert) => `${alert.escalationId} (${tr(LEVEL[alert.level].text, language)})`)
          .join(', ')}${open.length > OPEN_ALERTS_SHOWN ? ', …' : ''}`;
  const lines = [
    episodeLine(head, input.today, language, input.appUrl),
    gradeLine('CRS'),
    gradeLine('ICANS'),
    lastVitalsLine(latestVitals(state.vitals), now, language),
    tocilizumabStatusLine(head, now, input.config, language),
    alertsLine,
  ];
  const blocks: KnownBlock[] = [
    header(titleOf(state, language)),
    section(lines.join('\n')),
    context(recordsLine(state, language)),
    {
      type: 'actions',
      block_id: STATUS_ACTIONS.block,
      elements: [
        {
          type: 'button',
          action_id: STATUS_ACTIONS.management,
          text: { type: 'plain_text', text: tr(LABELS.showManagement, language) },
          value: head.id,
        },
      ],
    },
  ];
  return {
    text: fallback(esc(titleOf(state, language)), ...lines),
    blocks,
  };
};

/**
 * The full management of an episode now (the status's "Show management"): current CRS and ICANS
 * gradings with what drove them and their management, tocilizumab status, open alerts, the latest
 * acknowledged ones (who and when), and what has been recorded.
 */
export const episodeManagementView = (input: EpisodeStatusInput): SlackMessage => {
  const { state, language, now } = input;
  const { head } = state;
  const gradings = [latestOf(state, 'CRS'), latestOf(state, 'ICANS')].filter((g) => g !== undefined);
  const blocks: KnownBlock[] = [
    header(`${titleOf(state, language)} · ${tr(LABELS.management, language)}`),
    section(episodeLine(head, input.today, language, input.appUrl)),
  ];
  for (const grading of gradings) {
    blocks.push(section(`*${gradingTitle(grading, language)}* · ${slackTime(grading.recordedAt)}`));
    blocks.push(...evaluationBlocks(grading, language));
  }
  blocks.push(section(tocilizumabStatusLine(head, now, input.config, language)));
  const open = openAlertsOf(state);
  blocks.push(
    ...list(
      tr(LABELS.openAlerts, language),
      open.map(
        (alert) =>
          `${LEVEL[alert.level].emoji} *${alert.escalationId}* ${esc(tr(alert.text, language))} · ${slackTime(alert.raisedAt)}`,
      ),
    ),
  );
  // Who took each alert on, and when: the latest few acknowledgements, newest first.
  const acknowledged = state.alerts
    .filter((alert) => alert.acknowledgedAt !== undefined)
    .sort((a, b) => (b.acknowledgedAt ?? '').localeCompare(a.acknowledgedAt ?? ''))
    .slice(0, ACKNOWLEDGED_SHOWN);
  blocks.push(
    ...list(
      tr(LABELS.acknowledgedAlerts, language),
      acknowledged.map(
        (alert) =>
          `:white_check_mark: *${alert.escalationId}* ${tr(LABELS.acknowledgedBy, language).toLowerCase()} ${alert.acknowledgedBy ? who(alert.acknowledgedBy.userId) : ''} · ${slackTime(alert.acknowledgedAt ?? '')}`,
      ),
    ),
  );
  const lastVitals = head.summary.lastVitalsAt;
  blocks.push(
    context(
      recordsLine(state, language),
      lastVitals ? `${tr(LABELS.lastVitals, language)}: ${slackTime(lastVitals)}` : '',
    ),
  );
  return {
    text: fallback(
      `${esc(head.id)}: CRS ${head.summary.crsGrade ?? '–'}, ICANS ${head.summary.icansGrade ?? '–'}, ${openAlertsText(open.length, language)}`,
    ),
    blocks: blocks.slice(0, 50),
  };
};
