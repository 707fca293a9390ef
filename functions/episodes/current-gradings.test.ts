import { describe, expect, it } from 'vitest';
import { nextCurrentGradings, NO_CURRENT_GRADINGS } from './current-gradings.ts';
import type { EpisodeRecord, GradingRecord } from './records.ts';

const author = { userId: 'clinician-1', role: 'clinician', via: 'graphql' } as const;

const record = (id: string, kind: 'VITALS' | 'NEURO' | 'LAB' | 'DOSE', corrects?: string): EpisodeRecord =>
  ({
    PK: 'EP#EP-1',
    SK: `REC#${id}`,
    id,
    kind,
    episodeId: 'EP-1',
    recordedAt: '2026-03-03T02:00:00.000Z',
    recordedBy: author,
    values: {},
    ...(corrects ? { correction: { corrects, reason: 'typo' } } : {}),
  }) as unknown as EpisodeRecord;

const grading = (
  id: string,
  domain: 'CRS' | 'ICANS' | 'TOCILIZUMAB',
  basedOn: string,
  grade: number | null,
) =>
  ({
    id,
    kind: 'GRADING',
    domain,
    basedOn,
    grade,
    status: grade === null ? 'UNKNOWN' : 'GRADED',
  }) as GradingRecord;

describe('nextCurrentGradings: the gradings behind the current grades, kept on the head', () => {
  it('a vital-signs record graded in clinical order replaces the kept CRS grading; ICANS is kept', () => {
    const icans = grading('g0', 'ICANS', 'n0', 1);
    const crs = grading('g1', 'CRS', 'v1', 3);
    expect(
      nextCurrentGradings(
        { CRS: null, ICANS: icans },
        { record: record('v1', 'VITALS'), gradings: [crs], refolded: false },
      ),
    ).toEqual({ CRS: crs, ICANS: icans });
  });

  it('EPI-2: a record without a grade (UNKNOWN) keeps the last graded one, as the records would give', () => {
    const kept = grading('g1', 'CRS', 'v1', 2);
    const unknown = grading('g2', 'CRS', 'v2', null);
    expect(
      nextCurrentGradings(
        { CRS: kept, ICANS: null },
        { record: record('v2', 'VITALS'), gradings: [unknown], refolded: false },
      ),
    ).toEqual({ CRS: kept, ICANS: null });
  });

  it('a dose or a lab result changes neither (their gradings are not grades of an assessment)', () => {
    const dose = record('d1', 'DOSE');
    expect(
      nextCurrentGradings(NO_CURRENT_GRADINGS, {
        record: dose,
        gradings: [grading('g3', 'TOCILIZUMAB', 'd1', null)],
        refolded: false,
      }),
    ).toEqual(NO_CURRENT_GRADINGS);
    expect(
      nextCurrentGradings(NO_CURRENT_GRADINGS, {
        record: record('l1', 'LAB'),
        gradings: [],
        refolded: false,
      }),
    ).toEqual(NO_CURRENT_GRADINGS);
  });

  it('a correction or a re-fold (late entry) leaves both unknown, to be read from the records', () => {
    const kept = { CRS: grading('g1', 'CRS', 'v1', 3), ICANS: null };
    expect(
      nextCurrentGradings(kept, {
        record: record('v2', 'VITALS', 'v1'),
        gradings: [grading('g2', 'CRS', 'v2', 1)],
        refolded: false,
      }),
    ).toEqual({});
    expect(
      nextCurrentGradings(kept, {
        record: record('v3', 'VITALS'),
        gradings: [grading('g3', 'CRS', 'v3', 2)],
        refolded: true,
      }),
    ).toEqual({});
  });

  it('after an unknown, the next graded record makes its domain known again; the other stays unknown', () => {
    const crs = grading('g4', 'CRS', 'v4', 1);
    expect(
      nextCurrentGradings({}, { record: record('v4', 'VITALS'), gradings: [crs], refolded: false }),
    ).toEqual({ CRS: crs });
  });
});
