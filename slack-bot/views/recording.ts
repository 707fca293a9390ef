import type { Language, LocalizedText, RulesConfig } from '#rules';
import type { GradingRecord, Recording } from '#episodes';
import { keyForField, NEURO_FIELDS, VITALS_FIELDS } from '../parser/fields.ts';
import {
  context,
  esc,
  fallback,
  header,
  list,
  section,
  slackTime,
  tr,
  type KnownBlock,
  type SlackMessage,
} from './blocks.ts';
import { episodeLine } from './episode-line.ts';
import { evaluationBlocks } from './evaluation.ts';
import { GRADE_LABEL, LABELS, LEVEL } from './labels.ts';
import { tocilizumabStatusLine } from './tocilizumab-status.ts';

export type RecordingViewInput = {
  readonly kind: 'vitals' | 'neuro' | 'dose' | 'death';
  readonly recording: Recording;
  readonly language: Language;
  readonly now: Date;
  /** Today in the hospital's calendar (days since infusion). */
  readonly today: string;
  readonly config: RulesConfig;
  readonly appUrl?: string | undefined;
};

const HLH_STATUS: Readonly<Record<string, LocalizedText>> = {
  SUSPECTED: { zh: '疑似 HLH/MAS(CRS-HLH)', en: 'HLH/MAS suspected (CRS-HLH)' },
  RECHECK: { zh: 'HLH/MAS:需复查(CRS-HLH)', en: 'HLH/MAS: recheck (CRS-HLH)' },
  NOT_SUSPECTED: { zh: '暂不疑似 HLH/MAS(CRS-HLH)', en: 'HLH/MAS not suspected (CRS-HLH)' },
  UNKNOWN: {
    zh: 'HLH/MAS:无法判断,缺少记录(CRS-HLH)',
    en: 'HLH/MAS: cannot be judged, a component is not recorded (CRS-HLH)',
  },
};

/** A recorded tocilizumab dose against TOCI-1..4 at the time it was given. */
const DOSE_CHECK: Readonly<Record<string, LocalizedText>> = {
  ALLOWED: { zh: '给药时符合限制(TOCI-1..4)', en: 'within the limits when given (TOCI-1..4)' },
  TOO_SOON: { zh: '距上次给药不足 8 h(TOCI-2)', en: 'given less than 8 h after the last dose (TOCI-2)' },
  MAX_24H_REACHED: { zh: '超过 24 h 次数上限(TOCI-3)', en: 'beyond the 24-hour limit (TOCI-3)' },
  MAX_TOTAL_REACHED: { zh: '超过总次数上限(TOCI-4)', en: 'beyond the total limit (TOCI-4)' },
};

const needsText = (grading: GradingRecord, language: Language): string => {
  const keys = grading.needs.map((need) => keyForField([...VITALS_FIELDS, ...NEURO_FIELDS], need) ?? need);
  return `${tr(LABELS.needs, language)} ${keys.map((key) => `\`${esc(key)}\``).join(', ')}`;
};

/** The title of one grading: the grade, or what it needs, or the rule's own status. */
export const gradingTitle = (grading: GradingRecord, language: Language): string => {
  switch (grading.domain) {
    case 'CRS':
      if (grading.status === 'LOWER_BOUND' && grading.grade !== null)
        return `${tr(GRADE_LABEL.crsAtLeast(grading.grade), language)} — ${tr(LABELS.lowerBoundNeeds, language)} ${grading.needs
          .map(
            (need) =>
              `\`${esc(keyForField([...VITALS_FIELDS, ...NEURO_FIELDS], NEED_FIELD[need] ?? need) ?? need)}\``,
          )
          .join(', ')}`;
      return grading.grade === null
        ? `CRS — ${needsText(grading, language)}`
        : tr(GRADE_LABEL.crs(grading.grade), language);
    case 'ICANS':
      return grading.grade === null
        ? `ICANS — ${needsText(grading, language)}`
        : tr(GRADE_LABEL.icans(grading.grade), language);
    case 'CRS_SUSPICION':
      return tr({ zh: '疑似 CRS(CRS-S1)', en: 'CRS suspected (CRS-S1)' }, language);
    case 'CRS_HLH':
      return tr(HLH_STATUS[grading.status] ?? { zh: grading.status, en: grading.status }, language);
    case 'TOCILIZUMAB':
      return `${tr(LABELS.tocilizumab, language)}: ${tr(DOSE_CHECK[grading.status] ?? { zh: grading.status, en: grading.status }, language)}`;
    default:
      return `${esc(grading.domain)}: ${esc(grading.status)}`;
  }
};

/** The timeline's component names as the command's fields (EPI-2 needs). */
const NEED_FIELD: Readonly<Record<string, string>> = {
  temperature: 'temperatureCelsius',
  oxygen: 'oxygen',
  vasopressors: 'vasopressors',
  spo2: 'spo2Percent',
};

/** EPI-2, EPI-7: the earlier records a grading used, each with its time in the reader's zone. */
const sourcesBlocks = (grading: GradingRecord, language: Language): KnownBlock[] =>
  list(
    tr(LABELS.usedEarlier, language),
    (grading.sources ?? []).map((s) => `${esc(tr(s.text, language))} · ${slackTime(s.at)}`),
  );

const ORDER = ['CRS', 'ICANS', 'TOCILIZUMAB', 'CRS_HLH', 'CRS_SUSPICION'];
const rank = (g: GradingRecord): number => {
  const at = ORDER.indexOf(g.domain);
  return at < 0 ? ORDER.length : at;
};

/**
 * The reply to a recording (vital signs, neuro assessment or dose): per grading the grade and what
 * drove it, the management steps with doses in mg for this patient and the citations; the
 * tocilizumab status now; the alerts raised (delivered to the channel by the alert pipeline); and
 * the episode. A retried request says that nothing was written twice.
 */
export const recordingView = (input: RecordingViewInput): SlackMessage => {
  const { recording, language, now, config, appUrl } = input;
  const { episode } = recording;
  const gradings = [...recording.gradings].sort((a, b) => rank(a) - rank(b));
  const main = gradings[0];
  const recordedText: LocalizedText =
    input.kind === 'death'
      ? { zh: '已记录死亡,病程已结束(EPI-5)', en: 'Death recorded; the episode is closed (EPI-5)' }
      : input.kind === 'dose'
        ? { zh: '已记录给药', en: 'Dose recorded' }
        : input.kind === 'neuro'
          ? { zh: '已记录神经系统评估', en: 'Neuro assessment recorded' }
          : { zh: '已记录生命体征', en: 'Vital signs recorded' };
  const record = recording.record;
  const title =
    record.kind === 'DOSE'
      ? `${episode.id} · ${record.values.drug === 'TOCILIZUMAB' ? tr(LABELS.tocilizumab, language) : record.values.drug} ${record.values.mg} mg ${record.values.route} · ${tr(recordedText, language)}`
      : `${episode.id} · ${main ? gradingTitle(main, language).replace(/`/g, '') : tr(recordedText, language)}`;

  const blocks: KnownBlock[] = [header(title), section(episodeLine(episode, input.today, language, appUrl))];
  for (const grading of gradings) {
    if (grading !== main || record.kind === 'DOSE')
      blocks.push(section(`*${gradingTitle(grading, language)}*`));
    blocks.push(...evaluationBlocks(grading, language));
    blocks.push(...sourcesBlocks(grading, language));
  }
  const crs = episode.summary.crsGrade ?? 0;
  const icans = episode.summary.icansGrade ?? 0;
  if (input.kind === 'dose' || crs >= 1 || icans >= 1)
    blocks.push(section(tocilizumabStatusLine(episode, now, config, language)));
  blocks.push(
    ...list(
      tr(LABELS.alertsRaised, language),
      recording.alerts.map(
        (alert) =>
          `${LEVEL[alert.level].emoji} *${alert.escalationId}* ${tr(LEVEL[alert.level].text, language)} — ${esc(tr(alert.text, language))}`,
      ),
    ),
  );
  blocks.push(
    ...list(
      tr(LABELS.alertsRepeated, language),
      (recording.repeatedAlerts ?? []).map(
        (alert) =>
          `${LEVEL[alert.level].emoji} *${alert.escalationId}* ×${alert.occurrences ?? 2} — ${esc(tr(alert.text, language))}`,
      ),
    ),
  );
  if (recording.replayed) blocks.push(context(`:repeat: ${tr(LABELS.replayed, language)}`));
  blocks.push(context(`${tr(recordedText, language)} · ${esc(record.id)}`));

  const driverText = main?.drivers.map((d) => esc(tr(d.text, language))).join('; ') ?? '';
  return {
    text: fallback(
      `${esc(title)}${driverText ? ` — ${driverText}` : ''}`,
      recording.alerts.map((a) => `${a.escalationId} ${tr(LEVEL[a.level].text, language)}`).join(', '),
    ),
    blocks,
  };
};
