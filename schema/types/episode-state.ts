import {
  checkTocilizumabDose,
  daysBetween,
  followUpSchedule,
  TOCILIZUMAB_CITATION,
  type TocilizumabDoseCheck,
} from '#rules';
import { latestGrade, type EpisodeHead } from '#episodes';
import { builder } from '../builder.ts';
import { newestAlertsFirst } from './alert.ts';
import { FollowUpVisitType } from './calculator-follow-up.ts';
import { TocilizumabStatusEnum } from './calculator-tocilizumab.ts';
import { loadEpisodeState } from './episode-loader.ts';
import { AlertRef, GradingRef } from './episode-refs.ts';
import { CitationType, LanguageEnum, languageOf } from './rule-output.ts';

/**
 * An episode's current state for the bedside: grades, vital signs, tocilizumab and open alerts.
 * Grades, times and the tocilizumab check come from the episode head's summary (recomputed on every
 * write), so lists show them without reading each episode; the full gradings and alert texts read
 * the episode's records (the same single Query as the rest of the episode).
 */
export type CurrentState = {
  readonly head: EpisodeHead;
  /** The hospital's calendar date (YYYY-MM-DD) for day counts. */
  readonly today: string;
};

/** The schedule's horizon (the rules accept up to 120 months). */
const LAST_MONTH = 120;

const latest = (instants: readonly string[]): string | null =>
  instants.reduce<string | null>(
    (best, instant) => (best === null || Date.parse(instant) > Date.parse(best) ? instant : best),
    null,
  );

/** TOCI-1..4 at the request time, with this episode's weight and the doses it was given. */
type TocilizumabState = TocilizumabDoseCheck & { readonly lastDoseAt: string | null };

const TocilizumabStateType = builder.objectRef<TocilizumabState>('EpisodeTocilizumab').implement({
  description:
    'Tocilizumab for this patient now (TOCI-1..4): dose in mg, whether a dose is allowed, and when the next one is.',
  fields: (t) => ({
    doseMg: t.float({
      description: '8 mg/kg of actual body weight, at most 800 mg (TOCI-1).',
      resolve: (s) => s.doseMg,
    }),
    status: t.field({ type: TocilizumabStatusEnum, resolve: (s) => s.status }),
    earliestNextDoseAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'Now when allowed; null when no further dose is allowed (TOCI-4).',
      resolve: (s) => s.earliestNextDoseAt,
    }),
    dosesGiven: t.int({ resolve: (s) => s.dosesGiven }),
    lastDoseAt: t.field({ type: 'DateTime', nullable: true, resolve: (s) => s.lastDoseAt }),
    citations: t.field({ type: [CitationType], resolve: () => [TOCILIZUMAB_CITATION] }),
  }),
});

export const CurrentStateType = builder.objectRef<CurrentState>('EpisodeCurrentState').implement({
  description: 'Where the episode stands now.',
  fields: (t) => ({
    crsGrade: t.int({
      nullable: true,
      description: 'Current CRS grade 0–4 (from the latest assessment by clinical time); null before any.',
      resolve: ({ head }) => head.summary.crsGrade,
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
      resolve: async ({ head }, _args, context) =>
        latestGrade(await loadEpisodeState(context, head.id), 'CRS') ?? null,
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
      resolve: async ({ head }, _args, context) =>
        latestGrade(await loadEpisodeState(context, head.id), 'ICANS') ?? null,
    }),
    lastVitalsAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'Clinical time of the latest vital signs that count.',
      resolve: ({ head }) => head.summary.lastVitalsAt,
    }),
    tocilizumab: t.field({
      type: TocilizumabStateType,
      resolve: ({ head }, _args, context) => {
        const doses = head.summary.tocilizumabDoseTimes;
        const { check } = checkTocilizumabDose(
          { weightKg: head.weightKg, at: context.now.toISOString(), previousDoses: doses },
          context.rulesConfig,
        );
        return { ...check, lastDoseAt: latest(doses) };
      },
    }),
    openAlertCount: t.int({
      description: 'Alerts not yet acknowledged.',
      resolve: ({ head }) => head.summary.openAlerts.length,
    }),
    openAlerts: t.field({
      type: [AlertRef],
      description: 'Alerts not yet acknowledged, newest first.',
      resolve: async ({ head }, _args, context) =>
        newestAlertsFirst(
          (await loadEpisodeState(context, head.id)).alerts.filter((a) => a.acknowledgedAt === undefined),
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
