import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RulesInputError, addDays, localizationProblems } from '../core/index.ts';
import { carePlan } from './care-plan.ts';
import type { CarePlanItem } from './item.ts';
import type { CarePlanInput } from './schemas.ts';

const COURSE = {
  product: 'KARMMA',
  lymphodepletionStartDate: '2026-02-24',
  infusionDate: '2026-03-01',
  priorCnsDisease: false,
} as const satisfies Partial<CarePlanInput>;

const plan = (input: Partial<CarePlanInput> & { today: string }) => carePlan({ ...COURSE, ...input });
const itemOf = (input: Partial<CarePlanInput> & { today: string }, key: string): CarePlanItem => {
  const item = plan(input).outcome.items.find((i) => i.key === key);
  if (!item) throw new Error(`no item ${key}`);
  return item;
};
const rejected = (input: CarePlanInput) => {
  try {
    carePlan(input);
  } catch (error) {
    if (error instanceof RulesInputError) return error.issues.map((i) => [i.field, i.allowed, i.received]);
    throw error;
  }
  throw new Error('expected RulesInputError');
};

describe('PLAN-1 care plan: items by phase', () => {
  it('PLAN-1: phases in course order; follow-up checks by date', () => {
    const { items } = plan({ today: '2026-03-01', priorCnsDisease: true, followUpThroughMonth: 2 }).outcome;
    expect(items.map((i) => [i.key, i.phase])).toEqual([
      ['INFX-1', 'BEFORE_LYMPHODEPLETION'],
      ['INFX-2', 'FROM_LYMPHODEPLETION_START'],
      ['INF-1', 'INFUSION'],
      ['INFX-3-NEUTROPENIA', 'FROM_INFUSION'],
      ['INFX-3-PNEUMOCYSTIS', 'FROM_INFUSION'],
      ['FU-1-D14', 'FOLLOW_UP'],
      ['FU-1-D28', 'FOLLOW_UP'],
      ['IG-1-M1', 'FOLLOW_UP'],
      ['IG-1-M2', 'FOLLOW_UP'],
      ['FU-1-M2', 'FOLLOW_UP'],
      ['IG-1-M3', 'FOLLOW_UP'],
    ]);
  });

  it('PLAN-1: day of infusion (day 0): screening done, antiviral and INFX-3 courses active, checks upcoming', () => {
    const { outcome, recommendations, drivers } = plan({ today: '2026-03-01', followUpThroughMonth: 1 });
    expect(outcome.dayAfterInfusion).toBe(0);
    expect(drivers[0]).toMatchObject({ ruleId: 'PLAN-1', text: { en: 'day 0 after infusion (2026-03-01)' } });
    expect(outcome.items.map((i) => [i.key, i.status])).toEqual([
      ['INFX-1', 'DONE'],
      ['INFX-2', 'ACTIVE'],
      ['INFX-3-NEUTROPENIA', 'ACTIVE'],
      ['INFX-3-PNEUMOCYSTIS', 'ACTIVE'],
      ['FU-1-D14', 'UPCOMING'],
      ['FU-1-D28', 'UPCOMING'],
      ['IG-1-M1', 'UPCOMING'],
      ['IG-1-M2', 'UPCOMING'],
      ['IG-1-M3', 'UPCOMING'],
    ]);
    expect(recommendations.map((r) => r.ruleId)).toEqual(['INFX-2', 'INFX-3', 'INFX-3']);
    expect(outcome.needs).toEqual(['neutrophilRecoveredAt']);
  });

  it('PLAN-1: the day before infusion counts down', () => {
    const { outcome, drivers } = plan({ today: '2026-02-27' });
    expect(outcome.dayAfterInfusion).toBe(-2);
    expect(drivers[0]?.text.en).toBe('2 days before infusion (2026-03-01)');
    expect(drivers[0]?.text.zh).toBe('输注前2天(输注日 2026-03-01)');
  });

  it('PLAN-1: every text in both languages, whatever is missing', () => {
    for (const input of [
      {
        ...COURSE,
        today: '2026-03-20',
        priorCnsDisease: true,
        neutrophilCounts: [{ date: '2026-03-10', ancE9PerL: 1.2 }],
      },
      { product: 'ANTI_BCMA_CD19', today: '2026-02-01', priorCnsDisease: null },
      { product: 'OTHER', today: '2026-02-01' },
    ] satisfies CarePlanInput[]) {
      const evaluation = carePlan(input);
      expect(localizationProblems(evaluation)).toEqual([]);
    }
  });
});

describe('INFX-1 screening before lymphodepletion', () => {
  it('INFX-1: due the day before lymphodepletion starts, done on its first day', () => {
    expect(itemOf({ today: '2026-02-23' }, 'INFX-1')).toMatchObject({
      status: 'DUE',
      dueBefore: '2026-02-24',
      timing: { en: 'before lymphodepletion starts (2026-02-24)' },
      citation: { section: '§7.3' },
    });
    expect(itemOf({ today: '2026-02-24' }, 'INFX-1').status).toBe('DONE');
  });

  it('INFX-1: without the lymphodepletion start it needs it; from the infusion day it is over anyway', () => {
    const unknown = itemOf({ lymphodepletionStartDate: null, today: '2026-02-28' }, 'INFX-1');
    expect(unknown).toMatchObject({
      status: 'UNKNOWN',
      dueBefore: null,
      needs: ['lymphodepletionStartDate'],
    });
    const over = itemOf({ lymphodepletionStartDate: null, today: '2026-03-01' }, 'INFX-1');
    expect(over).toMatchObject({ status: 'DONE', dueBefore: null, needs: ['lymphodepletionStartDate'] });
  });
});

describe('INFX-2 antiviral prophylaxis from the start of lymphodepletion', () => {
  it('INFX-2: upcoming the day before lymphodepletion, active from its first day, stop per immune recovery (no date)', () => {
    expect(itemOf({ today: '2026-02-23' }, 'INFX-2')).toMatchObject({
      status: 'UPCOMING',
      startDate: '2026-02-24',
    });
    const active = itemOf({ today: '2026-02-24' }, 'INFX-2');
    expect(active).toMatchObject({ status: 'ACTIVE', startDate: '2026-02-24', stopDate: null, needs: [] });
    expect(active.text.en).toBe('acyclovir or valacyclovir (antiviral prophylaxis)');
    expect(active.timing.en).toContain(
      'continued according to immune recovery: the consensus gives no stop date',
    );
    expect(active.timing.zh).toContain('用药时间根据免疫功能恢复情况确定');
  });

  it('INFX-2: without the lymphodepletion start: unknown before infusion, active from the infusion day, start never guessed', () => {
    const before = itemOf({ lymphodepletionStartDate: null, today: '2026-02-28' }, 'INFX-2');
    expect(before).toMatchObject({ status: 'UNKNOWN', startDate: null, needs: ['lymphodepletionStartDate'] });
    const after = itemOf({ lymphodepletionStartDate: null, today: '2026-03-01' }, 'INFX-2');
    expect(after).toMatchObject({ status: 'ACTIVE', startDate: null, needs: ['lymphodepletionStartDate'] });
  });
});

describe('INFX-3 prophylaxis from infusion', () => {
  it('INFX-3: norfloxacin, triazole, TMP-SMX upcoming the day before infusion, active on the infusion day until recovery', () => {
    expect(itemOf({ today: '2026-02-28' }, 'INFX-3-NEUTROPENIA')).toMatchObject({
      status: 'UPCOMING',
      startDate: '2026-03-01',
      needs: [],
    });
    const active = itemOf({ today: '2026-03-01' }, 'INFX-3-NEUTROPENIA');
    expect(active).toMatchObject({ status: 'ACTIVE', startDate: '2026-03-01', stopDate: null });
    expect(active.needs).toEqual(['neutrophilRecoveredAt']);
    expect(active.timing.en).toBe(
      'from infusion (2026-03-01) until neutrophil recovery (its date is not known yet)',
    );
    expect(active.text.zh).toBe('诺氟沙星、三唑类抗真菌药及复方磺胺甲噁唑片等预防感染');
  });

  it('INFX-3: stops on the neutrophil recovery day (recovery on the infusion day included)', () => {
    const stopped = itemOf(
      { today: '2026-03-15', neutrophilRecoveredAt: '2026-03-15' },
      'INFX-3-NEUTROPENIA',
    );
    expect(stopped).toMatchObject({ status: 'DONE', stopDate: '2026-03-15', needs: [] });
    expect(stopped.timing.en).toBe('from infusion (2026-03-01) until neutrophil recovery (2026-03-15)');
    const dayZero = itemOf(
      { today: '2026-03-01', neutrophilRecoveredAt: '2026-03-01' },
      'INFX-3-NEUTROPENIA',
    );
    expect(dayZero).toMatchObject({ status: 'DONE', stopDate: '2026-03-01' });
  });

  it('INFX-3: Pneumocystis prophylaxis: earliest stop = infusion + 3 months exactly; done from that day once neutrophils recovered', () => {
    const dayBefore = itemOf(
      { today: '2026-05-31', neutrophilRecoveredAt: '2026-03-20' },
      'INFX-3-PNEUMOCYSTIS',
    );
    expect(dayBefore).toMatchObject({
      status: 'ACTIVE',
      startDate: '2026-03-01',
      earliestStopDate: '2026-06-01',
    });
    expect(dayBefore.timing.en).toBe(
      'from infusion (2026-03-01) for at least 3 months: stop no earlier than 2026-06-01',
    );
    const onTheDay = itemOf(
      { today: '2026-06-01', neutrophilRecoveredAt: '2026-03-20' },
      'INFX-3-PNEUMOCYSTIS',
    );
    expect(onTheDay).toMatchObject({
      status: 'DONE',
      earliestStopDate: '2026-06-01',
      stopDate: null,
      needs: [],
    });
  });

  it('INFX-3: after 3 months without a recovery date TMP-SMX continues and the item needs the recovery', () => {
    const item = itemOf({ today: '2026-06-01' }, 'INFX-3-PNEUMOCYSTIS');
    expect(item).toMatchObject({ status: 'ACTIVE', needs: ['neutrophilRecoveredAt'] });
    expect(item.timing.en).toContain('trimethoprim-sulfamethoxazole continues until neutrophil recovery');
  });

  it.each([
    ['2026-01-31', '2026-04-30'],
    ['2026-11-30', '2027-02-28'],
    ['2027-11-30', '2028-02-29'],
    ['2026-12-31', '2027-03-31'],
  ])('INFX-3: infusion %s (month end) → Pneumocystis earliest stop %s', (infusionDate, earliest) => {
    const item = itemOf(
      {
        infusionDate,
        lymphodepletionStartDate: addDays(infusionDate, -5),
        today: earliest,
        neutrophilRecoveredAt: infusionDate,
      },
      'INFX-3-PNEUMOCYSTIS',
    );
    expect(item).toMatchObject({ earliestStopDate: earliest, status: 'DONE' });
    const dayBefore = itemOf(
      {
        infusionDate,
        lymphodepletionStartDate: addDays(infusionDate, -5),
        today: addDays(earliest, -1),
        neutrophilRecoveredAt: infusionDate,
      },
      'INFX-3-PNEUMOCYSTIS',
    );
    expect(dayBefore.status).toBe('ACTIVE');
  });

  it('INFX-3: without the infusion date both courses need it and carry no date', () => {
    const { items } = plan({ infusionDate: null, today: '2026-03-10' }).outcome;
    for (const key of ['INFX-3-NEUTROPENIA', 'INFX-3-PNEUMOCYSTIS']) {
      expect(items.find((i) => i.key === key)).toMatchObject({
        status: 'UNKNOWN',
        startDate: null,
        stopDate: null,
        earliestStopDate: null,
        needs: ['infusionDate'],
      });
    }
  });
});

describe('INF-1 seizure prophylaxis with prior CNS disease', () => {
  it('INF-1: levetiracetam 750 mg PO every 12 h, due up to the infusion day, active after it', () => {
    const due = itemOf({ priorCnsDisease: true, today: '2026-03-01' }, 'INF-1');
    expect(due).toMatchObject({
      status: 'DUE',
      dose: { drug: 'levetiracetam', mg: 750, route: 'PO', schedule: { en: 'every 12 h' } },
      startDate: null,
      stopDate: null,
      citation: { section: '§5.1' },
    });
    expect(due.timing.en).toContain('the consensus gives no start or stop date for levetiracetam');
    expect(itemOf({ priorCnsDisease: true, today: '2026-03-02' }, 'INF-1').status).toBe('ACTIVE');
    expect(
      plan({ priorCnsDisease: true, today: '2026-03-01' }).recommendations.find((r) => r.ruleId === 'INF-1')
        ?.dose?.mg,
    ).toBe(750);
  });

  it('INF-1: no item without prior CNS disease (a driver says so); unknown history is an item that needs it', () => {
    const none = plan({ priorCnsDisease: false, today: '2026-03-01' });
    expect(none.outcome.items.some((i) => i.ruleId === 'INF-1')).toBe(false);
    expect(none.drivers.map((d) => d.code)).toContain('no-cns-disease');
    for (const priorCnsDisease of [null, undefined]) {
      expect(itemOf({ priorCnsDisease, today: '2026-03-01' }, 'INF-1')).toMatchObject({
        status: 'UNKNOWN',
        needs: ['priorCnsDisease'],
        dose: null,
      });
    }
  });
});

describe('IG-1 monthly IgG for the first 3 months', () => {
  it('IG-1: infusion on 31 January → checks on the month ends 28 Feb, 31 Mar, 30 Apr', () => {
    const input = {
      infusionDate: '2026-01-31',
      lymphodepletionStartDate: '2026-01-26',
      followUpThroughMonth: 1,
    };
    const checks = plan({ ...input, today: '2026-02-28' }).outcome.items.filter((i) => i.ruleId === 'IG-1');
    expect(checks.map((i) => [i.key, i.dueDate, i.status])).toEqual([
      ['IG-1-M1', '2026-02-28', 'DUE'],
      ['IG-1-M2', '2026-03-31', 'UPCOMING'],
      ['IG-1-M3', '2026-04-30', 'UPCOMING'],
    ]);
    expect(checks[0]?.text.en).toBe('serum IgG (month 1 after infusion)');
    const next = plan({ ...input, today: '2026-03-01' }).outcome.items.filter((i) => i.ruleId === 'IG-1');
    expect(next.map((i) => i.status)).toEqual(['DONE', 'UPCOMING', 'UPCOMING']);
  });

  it('IG-1: without the infusion date one item needs it', () => {
    const checks = plan({ infusionDate: null, today: '2026-03-10' }).outcome.items.filter(
      (i) => i.ruleId === 'IG-1',
    );
    expect(checks).toEqual([
      expect.objectContaining({ key: 'IG-1', status: 'UNKNOWN', dueDate: null, needs: ['infusionDate'] }),
    ]);
  });

  it('IG-1: a dual BCMA/CD19 product adds the note on long-lasting low IgG', () => {
    expect(plan({ product: 'ANTI_BCMA_CD19', today: '2026-03-10' }).notes.map((n) => n.ruleId)).toContain(
      'IG-1',
    );
    expect(plan({ today: '2026-03-10' }).notes.map((n) => n.ruleId)).not.toContain('IG-1');
  });
});

describe('FU-1 follow-up visits', () => {
  it('FU-1: the FU-1 schedule (36 months by default), each visit due on its date', () => {
    const { items } = plan({ today: '2026-03-15' }).outcome;
    const visits = items.filter((i) => i.ruleId === 'FU-1');
    expect(visits).toHaveLength(18);
    expect(visits[0]).toMatchObject({ key: 'FU-1-D14', dueDate: '2026-03-15', status: 'DUE' });
    expect(visits[1]).toMatchObject({ key: 'FU-1-D28', dueDate: '2026-03-29', status: 'UPCOMING' });
    expect(visits.at(-1)).toMatchObject({ key: 'FU-1-M36', dueDate: '2029-03-01' });
    expect(plan({ today: '2026-03-16' }).outcome.items.find((i) => i.key === 'FU-1-D14')?.status).toBe(
      'DONE',
    );
  });

  it('FU-1: without the infusion date one item needs it', () => {
    const visits = plan({ infusionDate: null, today: '2026-03-10' }).outcome.items.filter(
      (i) => i.ruleId === 'FU-1',
    );
    expect(visits).toEqual([
      expect.objectContaining({ key: 'FU-1', status: 'UNKNOWN', needs: ['infusionDate'] }),
    ]);
  });
});

describe('PLAN-2 neutrophil recovery read from counts', () => {
  const counts = [
    { date: '2026-02-20', ancE9PerL: 3.1 },
    { date: '2026-03-05', ancE9PerL: 0.2 },
    { date: '2026-03-10', ancE9PerL: 0.99 },
    { date: '2026-03-12', ancE9PerL: 1.0 },
    { date: '2026-03-13', ancE9PerL: 1.6 },
  ];

  it('PLAN-2: ANC 1.0 × 10⁹/L counts as recovered (0.99 does not): INFX-3 stops on the first day of the run', () => {
    const evaluation = plan({ neutrophilCounts: counts, today: '2026-03-13' });
    expect(evaluation.outcome).toMatchObject({
      neutrophilRecovery: 'RECOVERED',
      neutrophilRecoveredAt: '2026-03-12',
    });
    expect(evaluation.outcome.items.find((i) => i.key === 'INFX-3-NEUTROPENIA')).toMatchObject({
      status: 'DONE',
      stopDate: '2026-03-12',
    });
    expect(evaluation.drivers.find((d) => d.ruleId === 'PLAN-2')?.text.en).toBe(
      'neutrophils recovered: ANC ≥ 1.0 × 10⁹/L since 2026-03-12 (latest 1.6 × 10⁹/L on 2026-03-13)',
    );
    expect(evaluation.notes.map((n) => n.ruleId)).toContain('PLAN-2');
  });

  it('PLAN-2: a later fall below 1.0 undoes it; the course needs the counts again', () => {
    const evaluation = plan({
      neutrophilCounts: [...counts, { date: '2026-03-14', ancE9PerL: 0.8 }],
      today: '2026-03-14',
    });
    expect(evaluation.outcome).toMatchObject({
      neutrophilRecovery: 'NOT_RECOVERED',
      neutrophilRecoveredAt: null,
    });
    expect(evaluation.outcome.items.find((i) => i.key === 'INFX-3-NEUTROPENIA')).toMatchObject({
      status: 'ACTIVE',
      needs: ['neutrophilCounts'],
    });
  });

  it('PLAN-2: a count before infusion says nothing about recovery', () => {
    const evaluation = plan({
      neutrophilCounts: [{ date: '2026-02-28', ancE9PerL: 4 }],
      today: '2026-03-02',
    });
    expect(evaluation.outcome.neutrophilRecovery).toBe('UNKNOWN');
    expect(evaluation.drivers.find((d) => d.ruleId === 'PLAN-2')?.code).toBe('neutrophils-unknown');
  });
});

describe('PLAN-1 input checks', () => {
  it('PLAN-1: lymphodepletion must start before the infusion day', () => {
    expect(rejected({ ...COURSE, lymphodepletionStartDate: '2026-03-01', today: '2026-03-02' })).toEqual([
      ['lymphodepletionStartDate', 'a date before infusionDate (2026-03-01)', '2026-03-01'],
    ]);
  });

  it('PLAN-1: a recovery before infusion or after today, or given twice, is refused', () => {
    expect(rejected({ ...COURSE, neutrophilRecoveredAt: '2026-02-28', today: '2026-03-02' })).toEqual([
      ['neutrophilRecoveredAt', 'a date on or after infusionDate (2026-03-01)', '2026-02-28'],
    ]);
    expect(rejected({ ...COURSE, neutrophilRecoveredAt: '2026-03-03', today: '2026-03-02' })).toEqual([
      ['neutrophilRecoveredAt', 'a date on or before today (2026-03-02)', '2026-03-03'],
    ]);
    expect(
      rejected({ ...COURSE, neutrophilRecoveredAt: '2026-03-02', neutrophilCounts: [], today: '2026-03-02' }),
    ).toEqual([['neutrophilCounts', 'not given together with neutrophilRecoveredAt', []]]);
  });

  it('PLAN-1: a count dated after today, an ANC out of range, a bad date', () => {
    expect(
      rejected({
        ...COURSE,
        neutrophilCounts: [{ date: '2026-03-02', ancE9PerL: 101 }],
        today: '2026-03-02',
      }),
    ).toEqual([['neutrophilCounts[0].ancE9PerL', 'between 0 and 100 × 10⁹/L', 101]]);
    expect(
      rejected({ ...COURSE, neutrophilCounts: [{ date: '2026-03-03', ancE9PerL: 1 }], today: '2026-03-02' }),
    ).toEqual([['neutrophilCounts[0].date', 'a date on or before today (2026-03-02)', '2026-03-03']]);
    expect(rejected({ ...COURSE, today: '2026-02-30' })).toEqual([
      ['today', 'a calendar date YYYY-MM-DD', '2026-02-30'],
    ]);
  });
});

describe('PLAN-1 never guesses a date', () => {
  const date = fc.integer({ min: 0, max: 3000 }).map((n) => addDays('2024-01-01', n));

  it('PLAN-1: without the infusion date the only date in the plan is the lymphodepletion start', () => {
    fc.assert(
      fc.property(date, fc.option(date, { nil: null }), (today, start) => {
        const input: CarePlanInput = {
          product: 'CT103A',
          today,
          lymphodepletionStartDate: start,
          priorCnsDisease: true,
        };
        for (const item of carePlan(input).outcome.items) {
          for (const value of [
            item.dueDate,
            item.dueBefore,
            item.startDate,
            item.stopDate,
            item.earliestStopDate,
          ])
            expect(value === null || value === start).toBe(true);
          if (item.status === 'UNKNOWN') expect(item.needs.length).toBeGreaterThan(0);
        }
      }),
    );
  });

  it('PLAN-1: a dated check is upcoming before, due on and done after its date', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -30, max: 1200 }), (infusionDate, offset) => {
        const today = addDays(infusionDate, offset);
        const plan = carePlan({ product: 'KARMMA', infusionDate, today }).outcome;
        for (const item of plan.items.filter((i) => i.dueDate !== null)) {
          const due = item.dueDate ?? '';
          expect(item.status).toBe(today < due ? 'UPCOMING' : today === due ? 'DUE' : 'DONE');
        }
      }),
    );
  });
});
