import { describe, expect, it } from 'vitest';
import { localizationProblems, renderMessages, type MessageSamples } from '../core/index.ts';
import { emptyTimeline, type CurrentGrade, type TimelineState } from '../timeline/state.ts';
import { definitions } from './definitions.ts';
import {
  GRADE_CHANGES_PER_DOMAIN,
  MAX_GRADE_CHANGES,
  gradeCourse,
  nextGradeChanges,
  type ShiftGradeChange,
} from './grade-changes.ts';
import { messages } from './messages.ts';

const withCrs = (grade: number, at: string, complete = true): TimelineState => ({
  ...emptyTimeline(),
  crs: { grade, at, recordId: `R${at}`, complete, needs: [] } as CurrentGrade,
});
const withIcans = (state: TimelineState, grade: number, at: string): TimelineState => ({
  ...state,
  icans: { grade, at, recordId: `N${at}`, complete: true, needs: [] } as CurrentGrade,
});
const hour = (h: number): string => new Date(Date.UTC(2026, 2, 1) + h * 3_600_000).toISOString();

describe('grade changes on the head (HANDOFF-1)', () => {
  it('HANDOFF-1: a new grade adds an entry at the grading record’s time; the same grade adds none', () => {
    const one = nextGradeChanges([], emptyTimeline(), withCrs(1, hour(1)), hour(1));
    expect(one).toEqual([{ domain: 'CRS', grade: 1, complete: true, at: hour(1) }]);
    expect(nextGradeChanges(one, withCrs(1, hour(1)), withCrs(1, hour(2)), hour(2))).toEqual(one);
  });

  it('HANDOFF-1, EPI-2: the same grade turning into a lower bound is a change', () => {
    const one = nextGradeChanges([], emptyTimeline(), withCrs(1, hour(1)), hour(1));
    const next = nextGradeChanges(one, withCrs(1, hour(1)), withCrs(1, hour(2), false), hour(2));
    expect(next.map((c) => c.complete)).toEqual([true, false]);
  });

  it('HANDOFF-1: bounded: at most 24 per syndrome, the baseline before the 24 h window kept while it fits', () => {
    let changes: ShiftGradeChange[] = [];
    let before = emptyTimeline();
    for (let h = 0; h < 200; h += 1) {
      const after = withIcans(withCrs(h % 2 === 0 ? 1 : 2, hour(h)), h % 2 === 0 ? 0 : 1, hour(h));
      changes = nextGradeChanges(changes, before, after, hour(h));
      before = after;
    }
    expect(changes.length).toBeLessThanOrEqual(MAX_GRADE_CHANGES);
    expect(changes.filter((c) => c.domain === 'CRS')).toHaveLength(GRADE_CHANGES_PER_DOMAIN);
    expect(changes.filter((c) => c.domain === 'ICANS')).toHaveLength(GRADE_CHANGES_PER_DOMAIN);
    expect(changes.filter((c) => c.domain === 'CRS').at(-1)?.at).toBe(hour(199));
  });

  it('HANDOFF-1: a change older than 24 h is dropped once a later one is the baseline', () => {
    let changes = nextGradeChanges([], emptyTimeline(), withCrs(1, hour(0)), hour(0));
    changes = nextGradeChanges(changes, withCrs(1, hour(0)), withCrs(2, hour(1)), hour(1));
    // 30 h later, with no change: hour(1) is the baseline, hour(0) is gone.
    changes = nextGradeChanges(changes, withCrs(2, hour(1)), withCrs(2, hour(31)), hour(31));
    expect(changes.map((c) => c.at)).toEqual([hour(1)]);
  });

  it('HANDOFF-1, EPI-4: a re-fold from a corrected record drops the changes from its time and keeps the re-folded grade', () => {
    let changes = nextGradeChanges([], emptyTimeline(), withCrs(1, hour(0)), hour(0));
    changes = nextGradeChanges(changes, withCrs(1, hour(0)), withCrs(3, hour(2)), hour(2));
    const refolded = nextGradeChanges(changes, withCrs(3, hour(2)), withCrs(2, hour(2)), hour(3), hour(2));
    expect(refolded.map((c) => [c.grade, c.at])).toEqual([
      [1, hour(0)],
      [2, hour(2)],
    ]);
  });

  it('HANDOFF-1: the course of a window folds repeats and starts from the last change at or before its start', () => {
    const changes: ShiftGradeChange[] = [
      { domain: 'CRS', grade: 1, complete: true, at: hour(0) },
      { domain: 'CRS', grade: 1, complete: true, at: hour(5) },
      { domain: 'CRS', grade: 3, complete: true, at: hour(6) },
      { domain: 'CRS', grade: 4, complete: true, at: hour(20) },
    ];
    const course = gradeCourse(changes, 'CRS', hour(4), hour(16));
    expect(course.start?.grade).toBe(1);
    expect(course.changes.map((c) => c.grade)).toEqual([3]);
    expect(course.current?.grade).toBe(3);
  });
});

const samples: MessageSamples<typeof messages> = {
  title: [
    ['haem-a', '2026-03-03 08:00', 'Asia/Shanghai', 1],
    ['haem-a', '2026-03-03 08:00', 'Asia/Shanghai', 3],
  ],
  shiftWindow: [['03-02 20:00', '03-03 08:00', '03-03 20:00']],
  noActiveEpisodes: null,
  day: [[2], [-1]],
  noInfusionDate: null,
  notGraded: [['CRS']],
  unchanged: [['CRS', '2', '03-02 14:00']],
  unchangedSinceUnknown: [['ICANS', '1']],
  course: [['CRS', '1', [{ grade: '3', at: '03-03 02:10' }]]],
  noCrsEpisode: null,
  crsEpisodeOpen: [[1, '03-02 20:30', '3', messages.firstLineNone]],
  crsEpisodeClosed: [[1, '03-02 20:30', '3', '03-04 10:00']],
  firstLineGiven: [[{ zh: '托珠单抗', en: 'tocilizumab' }, '03-03 02:40']],
  firstLineNone: null,
  noVitals: null,
  lastVitals: [['03-03 05:40', messages.hoursAgo(2)]],
  minutesAgo: [[5]],
  hoursAgo: [[9]],
  daysAgo: [[3]],
  noTocilizumab: null,
  tocilizumabGiven: [[2, ['03-03 02:40', '03-03 10:40']]],
  nextDoseFrom: [['03-03 18:40']],
  nextDoseNow: null,
  noFurtherDose: [[4]],
  noOpenAlerts: null,
  openAlerts: [
    [1, { zh: 'ESC-CRS3(危急)', en: 'ESC-CRS3 (critical)' }],
    [2, { zh: 'ESC-CRS3(危急)', en: 'ESC-CRS3 (critical)' }],
  ],
  alertItem: [['ESC-CRS3', messages.levelCritical, '03-03 02:10']],
  levelCritical: null,
  levelUrgent: null,
  levelWarning: null,
  nothingDue: null,
  due: [[messages.vitalsDueBy('03-03 09:40')]],
  vitalsOverdue: [['03-03 01:00', messages.hoursAgo(7)]],
  vitalsDueBy: [['03-03 09:40']],
  planItem: [[{ zh: 'IgG检测', en: 'IgG check' }, { zh: '2026-03-01', en: 'on 2026-03-01' }, 'IG-1']],
  planNeeds: [[['infusionDate']]],
  planUnavailable: [['lymphodepletionStartDate must be before infusionDate']],
};

describe('handoff messages and definitions', () => {
  it('HANDOFF-1, HANDOFF-2: every message has Chinese zh and non-empty en', () => {
    expect(localizationProblems(renderMessages(messages, samples))).toEqual([]);
  });
  it('HANDOFF-1, HANDOFF-2 are defined as product design, in both languages', () => {
    expect(definitions.map((d) => d.id)).toEqual(['HANDOFF-1', 'HANDOFF-2']);
    expect(definitions.every((d) => d.citation.source === 'product-design')).toBe(true);
    expect(localizationProblems(definitions)).toEqual([]);
  });
});
