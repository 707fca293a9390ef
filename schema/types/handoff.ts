import {
  localize,
  type DueItem,
  type Handoff,
  type HandoffAlert,
  type HandoffBlock,
  type HandoffCrsEpisode,
  type HandoffTocilizumab,
  type Language,
  type LocalizedText,
  type ShiftGradeChange,
  type GradeCourse,
  type Acuity,
} from '#rules';
import { EpisodeForbiddenError, EpisodeValidationError } from '#episodes';
import { builder } from '../builder.ts';
import { AlertLevelEnum } from './alert.ts';
import { languageArg, requestLanguage } from './calculator-evaluation.ts';
import { callService } from './errors.ts';
import { CarTProductEnum } from './reference-data.ts';
import { actorFor } from './errors.ts';

/** A value with the language its `text` fields are given in. */
type In<T> = { readonly value: T; readonly language: Language };
const inLanguage = <T>(value: T, language: Language): In<T> => ({ value, language });

/** `text` (the request's language), `zh` and `en` of a bilingual text. */
const bilingual = <T>(get: (value: T) => LocalizedText) => ({
  text: (parent: In<T>) => localize(get(parent.value), parent.language),
  zh: (parent: In<T>) => get(parent.value).zh,
  en: (parent: In<T>) => get(parent.value).en,
});

const GradeChangeType = builder.objectRef<ShiftGradeChange>('HandoffGradeChange').implement({
  description: 'A CRS or ICANS grade from a time on (the clinical time of the record graded).',
  fields: (t) => ({
    grade: t.exposeInt('grade'),
    complete: t.exposeBoolean('complete', {
      description: 'False when the record was incomplete: the grade is a lower bound (EPI-2).',
    }),
    at: t.field({ type: 'DateTime', resolve: (c) => c.at }),
  }),
});

const GradeCourseType = builder.objectRef<GradeCourse>('HandoffGradeCourse').implement({
  description: "A syndrome's course over the last shift (HANDOFF-1).",
  fields: (t) => ({
    domain: t.exposeString('domain', { description: 'CRS or ICANS.' }),
    start: t.field({
      type: GradeChangeType,
      nullable: true,
      description: 'The grade at the shift start; null when none was kept (not graded before the shift).',
      resolve: (c) => c.start,
    }),
    changes: t.field({
      type: [GradeChangeType],
      description: 'Changes during the shift, oldest first.',
      resolve: (c) => [...c.changes],
    }),
    current: t.field({
      type: GradeChangeType,
      nullable: true,
      description: 'The grade at the handoff; null when never graded.',
      resolve: (c) => c.current,
    }),
  }),
});

const CrsEpisodeType = builder.objectRef<HandoffCrsEpisode>('HandoffCrsEpisode').implement({
  description: 'The current (or last) CRS episode (EPI-1).',
  fields: (t) => ({
    number: t.exposeInt('number'),
    onsetAt: t.field({ type: 'DateTime', resolve: (e) => e.onsetAt }),
    peakGrade: t.exposeInt('peakGrade'),
    closedAt: t.field({ type: 'DateTime', nullable: true, resolve: (e) => e.closedAt }),
    firstLineDrug: t.string({ nullable: true, resolve: (e) => e.firstLine?.drug ?? null }),
    firstLineAt: t.field({ type: 'DateTime', nullable: true, resolve: (e) => e.firstLine?.at ?? null }),
  }),
});

const TocilizumabType = builder.objectRef<HandoffTocilizumab>('HandoffTocilizumab').implement({
  description: 'Tocilizumab in the current CRS episode and the next dose (TOCI-2…4).',
  fields: (t) => ({
    dosesInEpisode: t.exposeInt('dosesInEpisode'),
    doseTimes: t.field({ type: ['DateTime'], resolve: (x) => [...x.doseTimes] }),
    status: t.exposeString('status', {
      description: 'ALLOWED, TOO_SOON, MAX_24H_REACHED or MAX_TOTAL_REACHED.',
    }),
    nextDoseAllowedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'The earliest time a further dose is allowed; null when the total is reached (TOCI-4).',
      resolve: (x) => x.nextDoseAllowedAt,
    }),
  }),
});

const HandoffAlertType = builder.objectRef<In<HandoffAlert>>('HandoffAlert').implement({
  description: 'An unacknowledged alert of the episode.',
  fields: (t) => ({
    id: t.id({ resolve: (a) => a.value.id }),
    escalationId: t.string({ resolve: (a) => a.value.escalationId }),
    level: t.field({ type: AlertLevelEnum, resolve: (a) => a.value.level }),
    raisedAt: t.field({ type: 'DateTime', resolve: (a) => a.value.raisedAt }),
    text: t.string({ resolve: bilingual<HandoffAlert>((a) => a.text).text }),
  }),
});

const DueItemType = builder.objectRef<In<DueItem>>('HandoffDueItem').implement({
  description: 'Something due in the next shift (INF-5 vitals, PLAN-1 care plan items).',
  fields: (t) => {
    const texts = bilingual<DueItem>((d) => d.text);
    return {
      key: t.string({ resolve: (d) => d.value.key }),
      ruleId: t.string({ resolve: (d) => d.value.ruleId }),
      dueAt: t.string({
        nullable: true,
        description: 'An instant (vital signs) or a hospital calendar date (care plan items).',
        resolve: (d) => d.value.dueAt,
      }),
      overdue: t.boolean({ resolve: (d) => d.value.overdue }),
      text: t.string({ resolve: texts.text }),
      zh: t.string({ resolve: texts.zh }),
      en: t.string({ resolve: texts.en }),
    };
  },
});

const AcuityType = builder.objectRef<Acuity>('HandoffAcuity').implement({
  description:
    'What the order is decided by (HANDOFF-2): highest grade, then unacknowledged critical alerts, then all unacknowledged alerts, then overdue vitals, then time since vitals, then episode number.',
  fields: (t) => ({
    highestGrade: t.exposeInt('highestGrade', {
      description: 'Highest current CRS or ICANS grade; −1 when never graded.',
    }),
    unacknowledgedCritical: t.exposeInt('unacknowledgedCritical'),
    unacknowledged: t.exposeInt('unacknowledged'),
    vitalsOverdue: t.exposeBoolean('vitalsOverdue'),
    minutesSinceVitals: t.exposeInt('minutesSinceVitals', { nullable: true }),
  }),
});

const HandoffBlockType = builder.objectRef<In<HandoffBlock>>('HandoffBlock').implement({
  description: "One active episode's handoff block (HANDOFF-1).",
  fields: (t) => {
    const texts = bilingual<HandoffBlock>((b) => b.text);
    return {
      episodeId: t.id({ resolve: (b) => b.value.episodeId }),
      patientRef: t.string({ resolve: (b) => b.value.patientRef }),
      product: t.field({ type: CarTProductEnum, resolve: (b) => b.value.product as never }),
      dayAfterInfusion: t.int({
        nullable: true,
        description:
          'Days since infusion (0 = infusion day, hospital calendar); null without an infusion date.',
        resolve: (b) => b.value.dayAfterInfusion,
      }),
      crsCourse: t.field({ type: GradeCourseType, resolve: (b) => b.value.crsCourse }),
      icansCourse: t.field({ type: GradeCourseType, resolve: (b) => b.value.icansCourse }),
      crsEpisode: t.field({ type: CrsEpisodeType, nullable: true, resolve: (b) => b.value.crsEpisode }),
      lastVitalsAt: t.field({ type: 'DateTime', nullable: true, resolve: (b) => b.value.lastVitalsAt }),
      minutesSinceVitals: t.int({ nullable: true, resolve: (b) => b.value.minutesSinceVitals }),
      vitalsOverdue: t.boolean({ resolve: (b) => b.value.vitalsOverdue }),
      tocilizumab: t.field({ type: TocilizumabType, resolve: (b) => b.value.tocilizumab }),
      openAlerts: t.field({
        type: [HandoffAlertType],
        resolve: (b) => b.value.openAlerts.map((a) => inLanguage(a, b.language)),
      }),
      due: t.field({
        type: [DueItemType],
        resolve: (b) => b.value.due.map((d) => inLanguage(d, b.language)),
      }),
      acuity: t.field({ type: AcuityType, resolve: (b) => b.value.acuity }),
      text: t.string({ description: 'The block as text in the request language.', resolve: texts.text }),
      zh: t.string({ resolve: texts.zh }),
      en: t.string({ resolve: texts.en }),
    };
  },
});

const ShiftHandoffType = builder.objectRef<In<Handoff>>('ShiftHandoff').implement({
  description:
    "A team's shift handoff (HANDOFF-1), most acute first (HANDOFF-2); times in the hospital time zone (EPI-7).",
  fields: (t) => {
    const texts = bilingual<Handoff>((h) => h.text);
    return {
      team: t.id({ resolve: (h) => h.value.team }),
      at: t.field({ type: 'DateTime', resolve: (h) => h.value.at }),
      timeZone: t.string({ resolve: (h) => h.value.timeZone }),
      shiftHours: t.int({ resolve: (h) => h.value.shiftHours }),
      lastShiftStart: t.field({ type: 'DateTime', resolve: (h) => h.value.window.lastStart }),
      nextShiftEnd: t.field({ type: 'DateTime', resolve: (h) => h.value.window.nextEnd }),
      blocks: t.field({
        type: [HandoffBlockType],
        resolve: (h) => h.value.blocks.map((b) => inLanguage(b, h.language)),
      }),
      text: t.string({
        description: 'The whole handoff as text in the request language.',
        resolve: texts.text,
      }),
      zh: t.string({ resolve: texts.zh }),
      en: t.string({ resolve: texts.en }),
    };
  },
});

builder.queryField('handoff', (t) =>
  t.field({
    type: ShiftHandoffType,
    description:
      "A team's shift handoff at `at` (default now): one block per active episode, most acute first. One Query on the team index whatever the team's size. Teams you are not in hand off nothing, as `episodes(team)` lists nothing.",
    args: {
      team: t.arg.id({ required: true }),
      at: t.arg({ type: 'DateTime', required: false }),
      shiftHours: t.arg.int({ required: false, description: 'Shift length, 1–24 h (default 12).' }),
      language: languageArg(t),
    },
    errors: {
      types: [EpisodeValidationError, EpisodeForbiddenError],
      directResult: true,
      union: { name: 'HandoffResult' },
    },
    resolve: async (_root, args, context) => {
      const actor = actorFor(context, 'read the handoff');
      const handoff = await callService(() =>
        context.episodes.handoff(actor, {
          team: args.team,
          at: args.at ?? null,
          shiftHours: args.shiftHours ?? null,
        }),
      );
      return inLanguage(handoff, requestLanguage(args, context));
    },
  }),
);
