/**
 * Fixed patient courses for chart tests and the chart benchmark, built in memory with the
 * episode service's own record builders and timeline step (test/bench/seed-course.ts courseItems):
 * the records a chart reads, without a table. Deterministic: fixed onset, monotonic ids.
 */
import { monotonicFactory } from 'ulid';
import { addDays, calendarDateIn, emptyTimeline, RULESET } from '#rules';
import { episodePk, HEAD_SK, teamIndexKeys } from '../../functions/episodes/keys.ts';
import type {
  AlertRecord,
  EpisodeHead,
  EpisodeRecord,
  GradingRecord,
} from '../../functions/episodes/records.ts';
import { EpisodeRepository } from '../../functions/episodes/repository.ts';
import { EpisodeService } from '../../functions/episodes/service.ts';
import { EMPTY_SUMMARY } from '../../functions/episodes/state.ts';
import type { EpisodeWindow } from '../../functions/charts/window-reader.ts';
import { COURSE_PATIENT, courseEntries } from '../bench/course.ts';
import { courseItems } from '../bench/seed-course.ts';

export const CHART_TIME_ZONE = 'Asia/Shanghai';
/** CRS onset of every fixed course: 2026-03-02 02:00 in Shanghai (day 1 after a 1 March infusion). */
export const CHART_ONSET = new Date('2026-03-01T18:00:00.000Z');

const noStore = Object.create(EpisodeRepository.prototype) as EpisodeRepository;

const headFor = (id: string, infusionDate: string | null, createdAt: string): EpisodeHead => ({
  PK: episodePk(id),
  SK: HEAD_SK,
  kind: 'EPISODE',
  id,
  patientRef: 'P-CHART-1',
  team: 'demo',
  status: 'ACTIVE',
  ...COURSE_PATIENT,
  apheresisDate: null,
  lymphodepletionStartDate: infusionDate === null ? null : addDays(infusionDate, -4),
  lymphodepletionEndDate: infusionDate === null ? null : addDays(infusionDate, -2),
  infusionDate,
  createdAt,
  createdBy: { userId: 'cognito:chart-test', role: 'clinician', via: 'graphql' },
  updatedAt: createdAt,
  closed: null,
  version: 0,
  ruleset: RULESET.ref,
  summary: EMPTY_SUMMARY,
  timeline: emptyTimeline(),
  ...teamIndexKeys('demo', 'ACTIVE', createdAt, id),
});

export type ChartCourse = {
  readonly head: EpisodeHead;
  readonly records: readonly EpisodeRecord[];
  /** The instant of the last vital signs (a natural "now" for the chart). */
  readonly lastAt: Date;
};

/**
 * The benchmark course (test/bench/course.ts): `vitalsCount` vital signs every 15 minutes from
 * CRS onset with its doses, gradings and alerts. `acknowledge` acknowledges every alert 20 minutes
 * after it was raised.
 */
export const chartCourse = (
  vitalsCount: number,
  options: { readonly episodeId?: string; readonly acknowledge?: boolean; readonly infusion?: boolean } = {},
): ChartCourse => {
  const service = new EpisodeService({
    repository: noStore,
    newId: monotonicFactory(),
    timeZone: CHART_TIME_ZONE,
  });
  const infusionDate =
    options.infusion === false
      ? null
      : calendarDateIn(new Date(CHART_ONSET.getTime() - 86_400_000), CHART_TIME_ZONE);
  const head = headFor(
    options.episodeId ?? 'EP-7',
    infusionDate,
    new Date(CHART_ONSET.getTime() - 3_600_000).toISOString(),
  );
  const entries = courseEntries(vitalsCount, CHART_ONSET);
  // Fixed ids: the same course gives the same records on every run.
  let seq = 0;
  const newId = () => `01JCHART${String((seq += 1)).padStart(18, '0')}`;
  const built = courseItems(head, entries, service, newId);
  const records = built.records.map((record) =>
    options.acknowledge && record.kind === 'ALERT'
      ? ({
          ...record,
          acknowledgedAt: new Date(Date.parse(record.raisedAt) + 20 * 60_000).toISOString(),
          acknowledgedBy: { userId: 'slack:U0CHARTDOC', role: 'clinician', via: 'slack' },
        } satisfies AlertRecord)
      : record,
  );
  const last = entries.filter((e) => e.kind === 'VITALS').at(-1);
  return { head: built.head, records, lastAt: last?.at ?? CHART_ONSET };
};

/** A window reader over an in-memory course: what the table would answer for the window's range reads. */
export const memoryReader = (course: ChartCourse) => ({
  read: (episodeId: string, from: string, to: string): Promise<EpisodeWindow | undefined> => {
    if (episodeId !== course.head.id) return Promise.resolve(undefined);
    const low = Date.parse(from);
    const high = Date.parse(to);
    const keyTime = (record: EpisodeRecord) => Date.parse(record.SK.split('#')[1] ?? '');
    const records = course.records.filter((record) => {
      const t = keyTime(record);
      return record.kind === 'GRADING' || record.kind === 'ALERT'
        ? t >= low - 5 * 60_000
        : t >= low && t <= high + 59_999;
    });
    // The newest grading of each domain written before the window, as the reader's extra Query gives.
    const gradedBefore = [...course.records]
      .filter(
        (record): record is GradingRecord =>
          record.kind === 'GRADING' &&
          (record.domain === 'CRS' || record.domain === 'ICANS') &&
          keyTime(record) < low - 5 * 60_000,
      )
      .sort((a, b) => (a.SK < b.SK ? 1 : -1))
      .filter((grading, i, all) => all.findIndex((g) => g.domain === grading.domain) === i);
    return Promise.resolve({ head: course.head, records, superseded: new Set<string>(), gradedBefore });
  },
});
