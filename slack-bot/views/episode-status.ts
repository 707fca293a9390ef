import type { Language, RulesConfig } from '#rules';
import type { EpisodeState } from '#episodes';
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
import { LABELS, LEVEL } from './labels.ts';
import { gradingTitle } from './recording.ts';
import { tocilizumabStatusLine } from './tocilizumab-status.ts';

/** Acknowledged alerts shown in the status: the latest ones. */
const ACKNOWLEDGED_SHOWN = 5;

/**
 * `/cart status EP-1`: the episode now: current CRS and ICANS gradings with what drove them and
 * their management, tocilizumab status, open alerts, the latest acknowledged ones (who and when),
 * and what has been recorded.
 */
export const episodeStatusView = (input: {
  readonly state: EpisodeState;
  readonly language: Language;
  readonly now: Date;
  /** Today in the hospital's calendar (days since infusion). */
  readonly today: string;
  readonly config: RulesConfig;
  readonly appUrl?: string | undefined;
}): SlackMessage => {
  const { state, language, now } = input;
  const { head } = state;
  const zh = language === 'zh-CN';
  const latest = (domain: 'CRS' | 'ICANS') => [...state.gradings].reverse().find((g) => g.domain === domain);
  const gradings = [latest('CRS'), latest('ICANS')].filter((g) => g !== undefined);
  const blocks: KnownBlock[] = [
    header(
      `${head.id} · ${head.patientRef}${head.status === 'CLOSED' ? (zh ? '(已结束)' : ' (closed)') : ''}`,
    ),
    section(episodeLine(head, input.today, language, input.appUrl)),
  ];
  for (const grading of gradings) {
    blocks.push(section(`*${gradingTitle(grading, language)}* · ${slackTime(grading.recordedAt)}`));
    blocks.push(...evaluationBlocks(grading, language));
  }
  blocks.push(section(tocilizumabStatusLine(head, now, input.config, language)));
  const open = state.alerts.filter((alert) => alert.acknowledgedAt === undefined);
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
      `${tr(LABELS.records, language)}: ${head.counts?.vitals ?? state.vitals.length} ${zh ? '次生命体征' : 'vital signs'}, ${head.counts?.neuro ?? state.neuro.length} ${zh ? '次神经评估' : 'neuro'}, ${head.counts?.doses ?? state.doses.length} ${zh ? '次给药' : 'doses'}`,
      lastVitals ? `${tr(LABELS.lastVitals, language)}: ${slackTime(lastVitals)}` : '',
    ),
  );
  return {
    text: fallback(
      `${esc(head.id)}: CRS ${head.summary.crsGrade ?? '–'}, ICANS ${head.summary.icansGrade ?? '–'}, ${open.length} ${tr(open.length === 1 ? LABELS.openAlert : LABELS.openAlerts, language)}`,
    ),
    blocks: blocks.slice(0, 50),
  };
};
