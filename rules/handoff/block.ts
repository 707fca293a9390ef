import { daysBetween, joinText, text, type LocalizedText } from '../core/index.ts';
import { drugName } from '../timeline/messages.ts';
import type { TimelineSettings } from '../timeline/settings.ts';
import { tocilizumabStatusAt, type TocilizumabStatusAt } from '../timeline/tocilizumab-status.ts';
import type { Acuity } from './acuity.ts';
import { dueNextShift, type DueItem } from './due-next-shift.ts';
import {
  gradeCourse,
  type ShiftGradeChange,
  type GradeChangeDomain,
  type GradeCourse,
} from './grade-changes.ts';
import { levelName, messages } from './messages.ts';
import type { HandoffAlert, HandoffEpisode } from './schemas.ts';
import { shortLocal, type ShiftWindow } from './shift-window.ts';
import { ageText, minutesSince, vitalsOverdue } from './vitals-age.ts';

/** EPI-1: the current (or last) CRS episode as the handoff shows it. */
export type HandoffCrsEpisode = {
  readonly number: number;
  readonly onsetAt: string;
  readonly peakGrade: number;
  readonly closedAt: string | null;
  readonly firstLine: { readonly drug: string; readonly at: string } | null;
};

/** TOCI-2…4: tocilizumab in the current CRS episode and the next dose. */
export type HandoffTocilizumab = {
  readonly dosesInEpisode: number;
  readonly doseTimes: readonly string[];
  readonly status: TocilizumabStatusAt['status'];
  /** Null when the total is reached (TOCI-4). */
  readonly nextDoseAllowedAt: string | null;
};

/** HANDOFF-1: one active episode's block. */
export type HandoffBlock = {
  readonly episodeId: string;
  readonly patientRef: string;
  readonly product: string;
  /** Days since infusion on the hospital calendar (0 = infusion day); null without an infusion date. */
  readonly dayAfterInfusion: number | null;
  readonly crsCourse: GradeCourse;
  readonly icansCourse: GradeCourse;
  readonly crsEpisode: HandoffCrsEpisode | null;
  readonly lastVitalsAt: string | null;
  readonly minutesSinceVitals: number | null;
  readonly vitalsOverdue: boolean;
  readonly tocilizumab: HandoffTocilizumab;
  readonly openAlerts: readonly HandoffAlert[];
  readonly due: readonly DueItem[];
  readonly acuity: Acuity;
  /** The block's lines, each in both languages (EPI-7 local times). */
  readonly lines: readonly LocalizedText[];
  readonly text: LocalizedText;
};

const gradeText = (change: ShiftGradeChange): string =>
  change.complete ? String(change.grade) : `≥${change.grade}`;

/** The course from the head's changes; a head without them (older) still shows its current grade. */
const courseOf = (episode: HandoffEpisode, domain: GradeChangeDomain, window: ShiftWindow): GradeCourse => {
  const course = gradeCourse(episode.gradeChanges, domain, window.lastStart, window.at);
  if (course.current !== null) return course;
  const current = domain === 'CRS' ? episode.timeline.crs : episode.timeline.icans;
  if (current === null || Date.parse(current.at) > Date.parse(window.at)) return course;
  const change: ShiftGradeChange = {
    domain,
    grade: current.grade,
    complete: current.complete,
    at: current.at,
  };
  return Date.parse(current.at) <= Date.parse(window.lastStart)
    ? { domain, start: change, changes: [], current: change }
    : { domain, start: null, changes: [change], current: change };
};

const courseText = (course: GradeCourse, timeZone: string): LocalizedText => {
  const name = course.domain;
  if (course.current === null) return messages.notGraded(name);
  if (course.changes.length === 0)
    return course.start === null
      ? messages.unchangedSinceUnknown(name, gradeText(course.current))
      : messages.unchanged(name, gradeText(course.current), shortLocal(course.start.at, timeZone));
  return messages.course(
    name,
    course.start === null ? '–' : gradeText(course.start),
    course.changes.map((c) => ({ grade: gradeText(c), at: shortLocal(c.at, timeZone) })),
  );
};

const crsEpisodeOf = (episode: HandoffEpisode): HandoffCrsEpisode | null => {
  const crs = episode.timeline.crsEpisode;
  if (crs === null) return null;
  return {
    number: crs.number,
    onsetAt: crs.onset.at,
    peakGrade: crs.peak.value,
    closedAt: crs.closedAt,
    firstLine: crs.firstLine === null ? null : { drug: crs.firstLine.drug, at: crs.firstLine.at },
  };
};

const crsEpisodeText = (crs: HandoffCrsEpisode | null, timeZone: string): LocalizedText => {
  if (crs === null) return messages.noCrsEpisode;
  const onset = shortLocal(crs.onsetAt, timeZone);
  if (crs.closedAt !== null)
    return messages.crsEpisodeClosed(
      crs.number,
      onset,
      String(crs.peakGrade),
      shortLocal(crs.closedAt, timeZone),
    );
  const firstLine =
    crs.firstLine === null
      ? messages.firstLineNone
      : messages.firstLineGiven(drugName(crs.firstLine.drug), shortLocal(crs.firstLine.at, timeZone));
  return messages.crsEpisodeOpen(crs.number, onset, String(crs.peakGrade), firstLine);
};

const tocilizumabOf = (
  episode: HandoffEpisode,
  at: string,
  settings: TimelineSettings,
): HandoffTocilizumab => {
  const status = tocilizumabStatusAt(episode.timeline, at, settings);
  return {
    dosesInEpisode: episode.timeline.tocilizumabEpisode.count,
    doseTimes: episode.timeline.tocilizumabEpisode.doses.map((d) => d.at),
    status: status.status,
    nextDoseAllowedAt: status.earliestNextDoseAt,
  };
};

const tocilizumabText = (toci: HandoffTocilizumab, at: string, timeZone: string): LocalizedText => {
  if (toci.dosesInEpisode === 0 && toci.status === 'ALLOWED') return messages.noTocilizumab;
  const given =
    toci.dosesInEpisode === 0
      ? messages.noTocilizumab
      : messages.tocilizumabGiven(
          toci.dosesInEpisode,
          toci.doseTimes.map((t) => shortLocal(t, timeZone)),
        );
  const next =
    toci.nextDoseAllowedAt === null
      ? messages.noFurtherDose(toci.dosesInEpisode)
      : Date.parse(toci.nextDoseAllowedAt) <= Date.parse(at)
        ? messages.nextDoseNow
        : messages.nextDoseFrom(shortLocal(toci.nextDoseAllowedAt, timeZone));
  return joinText([given, next]);
};

const alertsText = (alerts: readonly HandoffAlert[], timeZone: string): LocalizedText =>
  alerts.length === 0
    ? messages.noOpenAlerts
    : messages.openAlerts(
        alerts.length,
        joinText(
          alerts.map((a) =>
            messages.alertItem(a.escalationId, levelName(a.level), shortLocal(a.raisedAt, timeZone)),
          ),
          text('、', ', '),
        ),
      );

const LEVEL_ORDER: Readonly<Record<string, number>> = { CRITICAL: 0, URGENT: 1, WARNING: 2 };

/** HANDOFF-1: one episode's block at `window.at`. */
export const handoffBlock = (
  episode: HandoffEpisode,
  window: ShiftWindow,
  timeZone: string,
  settings: TimelineSettings,
): HandoffBlock => {
  const at = window.at;
  const dayAfterInfusion =
    episode.infusionDate === null ? null : daysBetween(episode.infusionDate, window.today);
  const crsCourse = courseOf(episode, 'CRS', window);
  const icansCourse = courseOf(episode, 'ICANS', window);
  const crsEpisode = crsEpisodeOf(episode);
  const lastVitalsAt = episode.timeline.recorded.vitalsAt?.at ?? null;
  const crsGrade = episode.timeline.crs?.grade ?? null;
  const overdue = vitalsOverdue(crsGrade, lastVitalsAt, at);
  const tocilizumab = tocilizumabOf(episode, at, settings);
  const openAlerts = episode.alerts
    .filter((a) => !a.acknowledged)
    .sort(
      (a, b) =>
        (LEVEL_ORDER[a.level] ?? 3) - (LEVEL_ORDER[b.level] ?? 3) || a.raisedAt.localeCompare(b.raisedAt),
    );
  const due = dueNextShift(
    {
      product: episode.product,
      infusionDate: episode.infusionDate,
      lymphodepletionStartDate: episode.lymphodepletionStartDate,
      crsGrade,
      lastVitalsAt,
    },
    window,
    timeZone,
  );
  const minutesSinceVitals = lastVitalsAt === null ? null : minutesSince(lastVitalsAt, at);
  const grades: number[] = [crsGrade, episode.timeline.icans?.grade ?? null].flatMap((g) =>
    g === null ? [] : [g],
  );
  const acuity: Acuity = {
    highestGrade: grades.length === 0 ? -1 : Math.max(...grades),
    unacknowledgedCritical: openAlerts.filter((a) => a.level === 'CRITICAL').length,
    unacknowledged: openAlerts.length,
    vitalsOverdue: overdue,
    minutesSinceVitals,
    episodeId: episode.episodeId,
  };
  const header = text(
    `${episode.episodeId} · ${episode.patientRef} · ${episode.product} · ${
      dayAfterInfusion === null ? messages.noInfusionDate.zh : messages.day(dayAfterInfusion).zh
    }`,
    `${episode.episodeId} · ${episode.patientRef} · ${episode.product} · ${
      dayAfterInfusion === null ? messages.noInfusionDate.en : messages.day(dayAfterInfusion).en
    }`,
  );
  const lines: LocalizedText[] = [
    header,
    joinText([courseText(crsCourse, timeZone), courseText(icansCourse, timeZone)], text(' · ', ' · ')),
    crsEpisodeText(crsEpisode, timeZone),
    lastVitalsAt === null
      ? messages.noVitals
      : messages.lastVitals(shortLocal(lastVitalsAt, timeZone), ageText(lastVitalsAt, at)),
    tocilizumabText(tocilizumab, at, timeZone),
    alertsText(openAlerts, timeZone),
    due.items.length === 0 ? messages.nothingDue : messages.due(joinText(due.items.map((i) => i.text))),
    ...due.needs,
  ];
  return {
    episodeId: episode.episodeId,
    patientRef: episode.patientRef,
    product: episode.product,
    dayAfterInfusion,
    crsCourse,
    icansCourse,
    crsEpisode,
    lastVitalsAt,
    minutesSinceVitals,
    vitalsOverdue: overdue,
    tocilizumab,
    openAlerts,
    due: due.items,
    acuity,
    lines,
    text: joinText(lines, text('\n', '\n')),
  };
};
