import {
  daysBetween,
  emptyTimeline,
  followUpSchedule,
  tocilizumabDoseMg,
  tocilizumabStatusText,
  TOCILIZUMAB_CITATION,
  viewTimeline,
  type CrsEpisodeView,
  type TimelineView,
  type TocilizumabStatusAt,
} from '#rules';
import type { GraphQLContext } from '../context.ts';
import { alertRefsOf, latestGrade, type EpisodeHead, type GradingRecord } from '#episodes';
import { builder } from '../builder.ts';
import { newestAlertsFirst } from './alert.ts';
import { FollowUpVisitType } from './calculator-follow-up.ts';
import { TocilizumabStatusEnum } from './calculator-tocilizumab.ts';
import { loadEpisodeState } from './episode-loader.ts';
import {
  CrsHlhStatusEnum,
  TOCILIZUMAB_LIMIT_SCOPES,
  TocilizumabLimitScopeEnum,
} from './episode-state-enums.ts';
import { AlertRef, GradingRef } from './episode-refs.ts';
import { CitationType, LanguageEnum, languageOf } from './rule-output.ts';

/**
 * An episode's current state for the bedside: grades, vital signs, tocilizumab and open alerts.
 * Everything comes from the episode head (its summary, timeline state, kept alerts and the gradings
 * behind the current grades, all rewritten by every write), so a page of episodes is one Query
 * whatever it selects; only an alert's delivery, or a grading a re-fold left unknown, reads records.
 */
export type CurrentState = {
  readonly head: EpisodeHead;
  /** The hospital's calendar date (YYYY-MM-DD) for day counts. */
  readonly today: string;
};

/** The schedule's horizon (the rules accept up to 120 months). */
const LAST_MONTH = 120;

/** The timeline's view of the head at the request time (EPI-1…7). */
const viewOf = (head: EpisodeHead, context: GraphQLContext): TimelineView =>
  viewTimeline(
    head.timeline ?? emptyTimeline(),
    context.now.toISOString(),
    context.episodes.timelineSettings,
  );

/**
 * The grading behind the current grade: kept on the head (so a list reads nothing more), or, when
 * the head does not know it (see CurrentGradings), found in the episode's newest records.
 */
const currentGrading = async (
  head: EpisodeHead,
  domain: 'CRS' | 'ICANS',
  context: GraphQLContext,
): Promise<GradingRecord | null> => {
  const kept = head.currentGradings?.[domain];
  if (kept !== undefined) return kept;
  return latestGrade(await loadEpisodeState(context, head.id), domain) ?? null;
};

/** TOCI-1..4 at the request time, with this episode's weight and the doses that still count. */
type TocilizumabState = TocilizumabStatusAt & { readonly weightKg: number };

const TocilizumabStateType = builder.objectRef<TocilizumabState>('EpisodeTocilizumab').implement({
  description:
    'Tocilizumab for this patient now (TOCI-1..4): dose in mg, whether a dose is allowed, and when the next one is. TOCI-4 counts the doses of the current CRS episode (or the course, as configured); TOCI-3 every dose of the last 24 h.',
  fields: (t) => ({
    doseMg: t.float({
      description: '8 mg/kg of actual body weight, at most 800 mg (TOCI-1).',
      resolve: (s) => tocilizumabDoseMg(s.weightKg),
    }),
    status: t.field({ type: TocilizumabStatusEnum, resolve: (s) => s.status }),
    statusText: t.string({
      args: { language: t.arg({ type: LanguageEnum }) },
      description: 'The status in words, with local times (EPI-7).',
      resolve: (s, args, context) => {
        const text = tocilizumabStatusText(s, context.episodes.timelineSettings);
        return languageOf(args, context) === 'zh-CN' ? text.zh : text.en;
      },
    }),
    earliestNextDoseAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'Now when allowed; null when no further dose is allowed (TOCI-4).',
      resolve: (s) => s.earliestNextDoseAt,
    }),
    dosesGiven: t.int({
      description: 'Doses counted toward TOCI-4 (the current CRS episode, or the course).',
      resolve: (s) => s.dosesCounted,
    }),
    dosesInLast24h: t.int({ description: 'TOCI-3 window.', resolve: (s) => s.dosesIn24h }),
    totalLimitScope: t.field({
      type: TocilizumabLimitScopeEnum,
      description: 'What the TOCI-4 total limit counts over.',
      resolve: (s) => TOCILIZUMAB_LIMIT_SCOPES[s.scope],
    }),
    lastDoseAt: t.field({ type: 'DateTime', nullable: true, resolve: (s) => s.lastDoseAt }),
    citations: t.field({ type: [CitationType], resolve: () => [TOCILIZUMAB_CITATION] }),
  }),
});

type DoseMark = { readonly drug: string; readonly at: string; readonly recordId: string };
const TherapyType = builder.objectRef<DoseMark>('CrsEpisodeTherapy').implement({
  description: 'A dose given in the CRS episode.',
  fields: (t) => ({
    drug: t.string({ resolve: (d) => d.drug }),
    at: t.field({ type: 'DateTime', resolve: (d) => d.at }),
    recordId: t.id({ resolve: (d) => d.recordId }),
  }),
});

const CrsEpisodeStatusEnum = builder.enumType('CrsEpisodeStatus', {
  values: {
    OPEN: { value: 'OPEN', description: 'CRS findings continue.' },
    STALE: {
      value: 'STALE',
      description: 'Open, but no vital signs for more than 24 h (EPI-3: not concurrent).',
    },
    CLOSED: {
      value: 'CLOSED',
      description: '24 h without CRS findings, with a complete clean record (EPI-1).',
    },
  } as const,
});

const CrsEpisodeType = builder.objectRef<CrsEpisodeView>('CrsEpisode').implement({
  description:
    'The current (or last) CRS episode (EPI-1): onset, peak, first-line therapy, tocilizumab doses in it, HLH/MAS check.',
  fields: (t) => ({
    number: t.int({ description: '1, 2, … (a later one is late CRS, §7.1).', resolve: (e) => e.number }),
    status: t.field({ type: CrsEpisodeStatusEnum, resolve: (e) => e.status }),
    onsetAt: t.field({ type: 'DateTime', resolve: (e) => e.onset.at }),
    peakGrade: t.int({ resolve: (e) => e.peak.value }),
    peakAt: t.field({ type: 'DateTime', resolve: (e) => e.peak.at }),
    latestGrade: t.int({ resolve: (e) => e.latest.value }),
    latestAt: t.field({ type: 'DateTime', resolve: (e) => e.latest.at }),
    lastFindingAt: t.field({ type: 'DateTime', resolve: (e) => e.lastFindingAt }),
    closedAt: t.field({ type: 'DateTime', nullable: true, resolve: (e) => e.closedAt }),
    closesAt: t.field({
      type: 'DateTime',
      nullable: true,
      description:
        'When it closes if nothing new is recorded; null while it cannot (no clean complete record yet).',
      resolve: (e) => e.closesAt,
    }),
    firstLineTherapy: t.field({
      type: TherapyType,
      nullable: true,
      description: 'The first tocilizumab or corticosteroid dose of the episode (CRS-HLH).',
      resolve: (e) => e.firstLine,
    }),
    feverMaskedBy: t.field({
      type: TherapyType,
      nullable: true,
      description:
        'The dose after which fever is no longer required to grade (CRS-G2: only inside this episode).',
      resolve: (e) => e.masking,
    }),
    tocilizumabDoses: t.field({
      type: ['DateTime'],
      description: 'Tocilizumab doses counted in it (TOCI-4).',
      resolve: (e) => e.tocilizumabDoses.map((d) => d.at),
    }),
    tocilizumabCount: t.int({ resolve: (e) => e.tocilizumabCount }),
    hlhStatus: t.field({
      type: CrsHlhStatusEnum,
      nullable: true,
      description: 'CRS-HLH at the last vitals record.',
      resolve: (e) => e.hlh?.value ?? null,
    }),
    hlhCheckedAt: t.field({ type: 'DateTime', nullable: true, resolve: (e) => e.hlh?.at ?? null }),
  }),
});

export const CurrentStateType = builder.objectRef<CurrentState>('EpisodeCurrentState').implement({
  description: 'Where the episode stands now.',
  fields: (t) => ({
    crsGrade: t.int({
      nullable: true,
      description:
        'Current CRS grade 0–4 (5: death due to CRS); when `crsComplete` is false it is "at least" this (EPI-2); null before any.',
      resolve: ({ head }) => head.summary.crsGrade,
    }),
    crsComplete: t.boolean({
      description:
        'False when the latest vitals entry lacked a component (see `crsNeeds`): the grade shown is a lower bound that kept the last complete grade (EPI-2).',
      resolve: ({ head }) => head.summary.crsComplete ?? true,
    }),
    crsNeeds: t.stringList({
      description: 'What a complete grade needs (temperature, oxygen, vasopressors, spo2).',
      resolve: ({ head }) => [...(head.summary.crsNeeds ?? [])],
    }),
    crsEpisode: t.field({
      type: CrsEpisodeType,
      nullable: true,
      description: 'The current or last CRS episode (EPI-1); null before any.',
      resolve: ({ head }, _args, context) => viewOf(head, context).crsEpisode,
    }),
    crsGradedAt: t.field({
      type: 'DateTime',
      nullable: true,
      resolve: ({ head }) => head.summary.crsGradedAt,
    }),
    crsGrading: t.field({
      type: GradingRef,
      nullable: true,
      description: 'The grading behind the current CRS grade: its drivers and management.',
      resolve: ({ head }, _args, context) => currentGrading(head, 'CRS', context),
    }),
    icansGrade: t.int({
      nullable: true,
      description: 'Current ICANS grade 0–4; null before any neurological assessment.',
      resolve: ({ head }) => head.summary.icansGrade,
    }),
    icansGradedAt: t.field({
      type: 'DateTime',
      nullable: true,
      resolve: ({ head }) => head.summary.icansGradedAt,
    }),
    icansGrading: t.field({
      type: GradingRef,
      nullable: true,
      description: 'The grading behind the current ICANS grade: its drivers and management.',
      resolve: ({ head }, _args, context) => currentGrading(head, 'ICANS', context),
    }),
    lastVitalsAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'Clinical time of the latest vital signs that count.',
      resolve: ({ head }) => head.summary.lastVitalsAt,
    }),
    tocilizumab: t.field({
      type: TocilizumabStateType,
      resolve: ({ head }, _args, context) => ({
        ...viewOf(head, context).tocilizumab,
        weightKg: head.weightKg,
      }),
    }),
    openAlertCount: t.int({
      description: 'Alerts not yet acknowledged.',
      resolve: ({ head }) => head.summary.openAlerts.length,
    }),
    openAlerts: t.field({
      type: [AlertRef],
      description: 'Alerts not yet acknowledged, newest first.',
      resolve: ({ head }) =>
        newestAlertsFirst(
          alertRefsOf(head)
            .filter((ref) => !ref.acknowledged)
            .map((ref) => ({ ...ref, episodeId: head.id })),
        ),
    }),
    daysSinceInfusion: t.int({
      nullable: true,
      description: 'Whole days from the infusion date to today (day 0 = infusion day); null without one.',
      resolve: ({ head, today }) => (head.infusionDate ? daysBetween(head.infusionDate, today) : null),
    }),
    nextFollowUpVisit: t.field({
      type: FollowUpVisitType,
      nullable: true,
      args: { language: t.arg({ type: LanguageEnum }) },
      description:
        'The next visit of the follow-up schedule from the infusion date (FU-1), today included; null without an infusion date or after month 120.',
      resolve: ({ head, today }, args, context) => {
        if (!head.infusionDate) return null;
        const { visits } = followUpSchedule({
          infusionDate: head.infusionDate,
          throughMonth: LAST_MONTH,
        }).outcome;
        const visit = visits.find((v) => v.date >= today);
        return visit ? { visit, language: languageOf(args, context) } : null;
      },
    }),
  }),
});
