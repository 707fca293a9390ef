import { describe, expect, it } from 'vitest';
import { RulesInputError, RULESET, calendarDateIn } from '#rules';
import { episodeCarePlan, neutrophilCountsOf, type HospitalCalendar } from './care-plan.ts';
import type { EpisodeHead, LabRecord } from './records.ts';
import { foldState } from './state.ts';

const author = { userId: 'u-1', role: 'nurse' as const, via: 'graphql' as const };

const head = (overrides: Partial<EpisodeHead> = {}): EpisodeHead => ({
  PK: 'EP#EP-3',
  SK: 'META',
  kind: 'EPISODE',
  id: 'EP-3',
  patientRef: 'P-2026-0003',
  team: 'hem-a',
  status: 'ACTIVE',
  product: 'CARTITUDE_1',
  weightKg: 70,
  heightCm: 170,
  apheresisDate: null,
  lymphodepletionStartDate: '2026-02-24',
  lymphodepletionEndDate: '2026-02-26',
  infusionDate: '2026-03-01',
  createdAt: '2026-02-20T00:00:00.000Z',
  createdBy: author,
  updatedAt: '2026-02-20T00:00:00.000Z',
  closed: null,
  version: 1,
  ruleset: RULESET.ref,
  summary: {
    crsGrade: null,
    crsGradedAt: null,
    icansGrade: null,
    icansGradedAt: null,
    lastVitalsAt: null,
    tocilizumabDoseTimes: [],
    openAlerts: [],
  },
  GSI1PK: 'TEAM#hem-a',
  GSI1SK: 'ACTIVE#2026-02-20T00:00:00.000Z#EP-3',
  ...overrides,
});

let n = 0;
const lab = (collectedAt: string, values: Partial<LabRecord['values']>, corrects?: string): LabRecord => {
  n += 1;
  const id = `01JQ00000000000000000000${String(n).padStart(2, '0')}`;
  return {
    PK: 'EP#EP-3',
    SK: `OBS#${collectedAt}#${id}`,
    id,
    kind: 'LAB',
    episodeId: 'EP-3',
    recordedAt: collectedAt,
    recordedBy: author,
    values: { collectedAt, ...values },
    ...(corrects ? { correction: { corrects, reason: 'typo' } } : {}),
  };
};

/** Asia/Shanghai: 2026-03-12T17:00Z is already 13 March on the ward. */
const calendar = (today: string): HospitalCalendar => ({
  today,
  dateOf: (at) => calendarDateIn(at, 'Asia/Shanghai'),
});

describe('episode care plan (PLAN-1, PLAN-2)', () => {
  it('PLAN-2: the ANC labs on their hospital day; other labs, counts after today and corrected counts are not read', () => {
    const wrong = lab('2026-03-10T02:00:00Z', { ancE9PerL: 9 });
    const state = foldState(head(), [
      lab('2026-03-05T02:00:00Z', { ancE9PerL: 0.3 }),
      lab('2026-03-06T02:00:00Z', { iggGPerL: 5 }),
      wrong,
      lab('2026-03-10T03:00:00Z', { ancE9PerL: 0.8 }, wrong.id),
      lab('2026-03-12T17:00:00Z', { ancE9PerL: 1.1 }),
      lab('2026-03-13T17:00:00Z', { ancE9PerL: 1.3 }),
    ]);
    expect(neutrophilCountsOf(state, calendar('2026-03-13'))).toEqual([
      { date: '2026-03-05', ancE9PerL: 0.3 },
      { date: '2026-03-10', ancE9PerL: 0.8 },
      { date: '2026-03-13', ancE9PerL: 1.1 },
    ]);
    const { outcome } = episodeCarePlan(state, calendar('2026-03-13'));
    expect(outcome).toMatchObject({ neutrophilRecovery: 'RECOVERED', neutrophilRecoveredAt: '2026-03-13' });
    expect(outcome.items.find((i) => i.key === 'INFX-3-NEUTROPENIA')).toMatchObject({
      status: 'DONE',
      stopDate: '2026-03-13',
    });
  });

  it('PLAN-1: from the head: dates and product; prior CNS disease is not recorded, so INF-1 needs it', () => {
    const { outcome } = episodeCarePlan(foldState(head(), []), calendar('2026-03-02'));
    expect(outcome).toMatchObject({
      product: 'CARTITUDE_1',
      infusionDate: '2026-03-01',
      dayAfterInfusion: 1,
    });
    expect(outcome.items.find((i) => i.ruleId === 'INF-1')).toMatchObject({
      status: 'UNKNOWN',
      needs: ['priorCnsDisease'],
    });
    expect(outcome.items.find((i) => i.key === 'INFX-3-NEUTROPENIA')).toMatchObject({
      status: 'ACTIVE',
      needs: ['neutrophilCounts'],
    });
  });

  it('PLAN-1: an episode without dates has a plan that names what it needs', () => {
    const { outcome } = episodeCarePlan(
      foldState(
        head({ infusionDate: null, lymphodepletionStartDate: null, lymphodepletionEndDate: null }),
        [],
      ),
      calendar('2026-03-02'),
    );
    expect(outcome.needs).toEqual(['lymphodepletionStartDate', 'priorCnsDisease', 'infusionDate']);
  });

  it('PLAN-1: a head whose lymphodepletion starts after the infusion is refused naming the field', () => {
    const state = foldState(
      head({ lymphodepletionStartDate: '2026-03-02', lymphodepletionEndDate: null }),
      [],
    );
    expect(() => episodeCarePlan(state, calendar('2026-03-03'))).toThrow(RulesInputError);
  });
});
