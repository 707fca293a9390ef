import { describe, expect, it } from 'vitest';
import type { DeliveryOutcome } from '../alerts/delivery.ts';
import type { Turn } from '../alerts/ordered-lanes.ts';
import { alertKeyOf, type AlertKey, type DeliverableAlert } from '../episodes/alert-delivery-store.ts';
import type { AlertRecord, StoredItem } from '../episodes/records.ts';
import { sweep, SWEEP_READ_BATCH, type SweepDeliverer, type SweepDeps } from './sweep.ts';

const NOW = new Date('2026-03-03T02:00:00.000Z');
const CUTOFF = '2026-03-02T22:00:00.000Z';

const alertKey = (episodeId: string, alertId: string, team = 'hem-a') =>
  ({
    PK: `EP#${episodeId}`,
    SK: `ALERT#2026-03-02T18:00:00.000Z#${alertId}`,
    kind: 'ALERT',
    team,
  }) as StoredItem;
const head = (episodeId: string) => ({ PK: `EP#${episodeId}`, SK: 'META' }) as StoredItem;

type Plan = {
  readonly alerts: readonly (readonly [StoredItem, DeliveryOutcome | Error])[];
  readonly episodes: readonly (readonly [StoredItem, boolean | Error])[];
};

/** The alert as a batch read finds it: enough for the planned deliverer to recognise it. */
const asStored = (item: StoredItem) =>
  ({ ...item, delivery: { status: 'PENDING', attempts: 0 } }) as DeliverableAlert;

/** A deliverer whose sweep answers as planned, recording the keys read and the alerts swept. */
const plannedDeliverer = (
  plan: Plan,
  swept: AlertKey[],
  reads: AlertKey[][],
  sweepLoaded?: (alert: DeliverableAlert, deadline?: number, turn?: Turn) => Promise<DeliveryOutcome>,
): SweepDeliverer & { sweeps: number } => {
  const deliverer = {
    sweeps: 0,
    forSweep: () => {
      deliverer.sweeps += 1;
      return {
        loadAll: (keys: readonly AlertKey[]) => {
          reads.push([...keys]);
          return Promise.resolve(
            new Map(
              plan.alerts
                .filter(([item]) => keys.some((key) => key.SK === item.SK))
                .map(([item]) => [alertKeyOf(item), asStored(item)]),
            ),
          );
        },
        sweepLoaded:
          sweepLoaded ??
          ((alert: DeliverableAlert) => {
            swept.push({ PK: alert.PK, SK: alert.SK });
            const outcome = plan.alerts.find(([item]) => item.SK === alert.SK)?.[1];
            return outcome instanceof Error ? Promise.reject(outcome) : Promise.resolve(outcome ?? 'nothing');
          }),
      };
    },
  };
  return deliverer;
};

/** Queues, deliverer and monitor that answer as planned and record what they were asked. */
const depsFor = (plan: Plan) => {
  const queries: [string, string][] = [];
  const swept: AlertKey[] = [];
  const reads: AlertKey[][] = [];
  const deliverer = plannedDeliverer(plan, swept, reads);
  const checked: [string, string][] = [];
  const logs: [string, string, Record<string, unknown> | undefined][] = [];
  const deps: SweepDeps = {
    repository: {
      dueInQueue: (queue, until) => {
        queries.push([queue, until]);
        return Promise.resolve(
          queue === 'ALERT#OPEN' ? plan.alerts.map(([item]) => item) : plan.episodes.map(([item]) => item),
        );
      },
    },
    deliverer,
    monitor: {
      cutoff: (now) => (now === NOW ? CUTOFF : 'unexpected'),
      check: (episodeId, now) => {
        checked.push([episodeId, now.toISOString()]);
        const raised = plan.episodes.find(([item]) => item.PK === `EP#${episodeId}`)?.[1];
        if (raised instanceof Error) return Promise.reject(raised);
        return Promise.resolve(raised ? ({ escalationId: 'ESC-VITALS' } as AlertRecord) : undefined);
      },
    },
    log: (level, message, details) => logs.push([level, message, details]),
  };
  return { deps, deliverer, queries, swept, reads, checked, logs };
};

describe('sweep: the alert queue and the overdue-vitals queue', () => {
  it('counts each outcome, and one alert’s failure neither stops the others nor is counted as done', async () => {
    const { deps, swept, logs } = depsFor({
      alerts: [
        [alertKey('EP-1', 'A1'), 'posted'],
        [alertKey('EP-1', 'A2'), new Error('slack down')],
        [alertKey('EP-2', 'A3'), 'posted'],
        [alertKey('EP-2', 'A4'), 'reminded'],
        [alertKey('EP-3', 'A5'), 'updated'],
        [alertKey('EP-3', 'A6'), 'dequeued'],
        [alertKey('EP-4', 'A7'), 'held'],
        [alertKey('EP-4', 'A8'), 'no-channel'],
        [alertKey('EP-5', 'A9'), 'nothing'],
      ],
      episodes: [],
    });
    const result = await sweep(deps, NOW);
    expect(result).toEqual({
      delivered: 2,
      renotified: 1,
      acknowledgementsShown: 1,
      overdueVitals: 0,
      failures: 1,
    });
    expect(swept.map((k) => k.SK.slice(-2))).toEqual(['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8', 'A9']);
    expect(swept[1]).toEqual({ PK: 'EP#EP-1', SK: 'ALERT#2026-03-02T18:00:00.000Z#A2' });
    expect(logs).toEqual([
      [
        'warn',
        'sweep: alert still not delivered',
        { alertSk: 'ALERT#2026-03-02T18:00:00.000Z#A2', error: 'Error: slack down' },
      ],
    ]);
  });

  it('checks each overdue episode by its id; a failed check is counted and the next one still runs', async () => {
    const { deps, checked, logs } = depsFor({
      alerts: [],
      episodes: [
        [head('EP-11'), true],
        [head('EP-12'), new Error('throttled')],
        [head('EP-13'), false],
        [head('EP-14'), true],
      ],
    });
    const result = await sweep(deps, NOW);
    expect(result).toEqual({
      delivered: 0,
      renotified: 0,
      acknowledgementsShown: 0,
      overdueVitals: 2,
      failures: 1,
    });
    expect(checked).toEqual([
      ['EP-11', NOW.toISOString()],
      ['EP-12', NOW.toISOString()],
      ['EP-13', NOW.toISOString()],
      ['EP-14', NOW.toISOString()],
    ]);
    expect(logs).toEqual([
      ['warn', 'sweep: overdue vital signs not checked', { episodeId: 'EP-12', error: 'Error: throttled' }],
    ]);
  });

  it('asks the alert queue for what is due now and the watch queue for vital signs older than the cut-off', async () => {
    const { deps, queries } = depsFor({ alerts: [], episodes: [] });
    await sweep(deps, NOW);
    expect(queries).toEqual([
      ['ALERT#OPEN', NOW.toISOString()],
      ['WATCH#VITALS', CUTOFF],
    ]);
  });

  it('a failing alert and a failing check together: every item is tried, both failures counted', async () => {
    const { deps, swept, checked } = depsFor({
      alerts: [
        [alertKey('EP-1', 'B1'), new Error('a')],
        [alertKey('EP-1', 'B2'), 'posted'],
      ],
      episodes: [
        [head('EP-21'), new Error('b')],
        [head('EP-22'), true],
      ],
    });
    expect(await sweep(deps, NOW)).toEqual({
      delivered: 1,
      renotified: 0,
      acknowledgementsShown: 0,
      overdueVitals: 1,
      failures: 2,
    });
    expect(swept).toHaveLength(2);
    expect(checked).toHaveLength(2);
  });

  it('starts nothing once the deadline has passed (what is left stays queued)', async () => {
    const { deps, swept, checked } = depsFor({
      alerts: [[alertKey('EP-1', 'C1'), 'posted']],
      episodes: [[head('EP-31'), true]],
    });
    const result = await sweep(deps, NOW, Date.now() - 1);
    expect(result).toEqual({
      delivered: 0,
      renotified: 0,
      acknowledgementsShown: 0,
      overdueVitals: 0,
      failures: 0,
    });
    expect(swept).toEqual([]);
    expect(checked).toEqual([]);
  });

  it('passes the deadline on to each delivery', async () => {
    const deadlines: (number | undefined)[] = [];
    const { deps } = depsFor({ alerts: [[alertKey('EP-1', 'D1'), 'posted']], episodes: [] });
    const deadline = Date.now() + 60_000;
    await sweep(
      {
        ...deps,
        deliverer: plannedDeliverer(
          { alerts: [[alertKey('EP-1', 'D1'), 'posted']], episodes: [] },
          [],
          [],
          (_a, d) => {
            deadlines.push(d);
            return Promise.resolve('posted');
          },
        ),
      },
      NOW,
      deadline,
    );
    expect(deadlines).toEqual([deadline]);
  });
});

describe('sweep: many due alerts at once', () => {
  const many = (count: number, teamOf: (i: number) => string = () => 'hem-a') =>
    Array.from(
      { length: count },
      (_, i) =>
        [alertKey(`EP-${String(i + 1)}`, `M${String(i).padStart(3, '0')}`, teamOf(i)), 'posted'] as const,
    );

  it(`reads the due alerts in batches of ${String(SWEEP_READ_BATCH)}, in queue order, with one deliverer for the whole sweep`, async () => {
    const alerts = many(2 * SWEEP_READ_BATCH + 3);
    const { deps, deliverer, reads, swept } = depsFor({ alerts, episodes: [] });
    expect(await sweep(deps, NOW)).toMatchObject({ delivered: alerts.length, failures: 0 });
    expect(reads.map((keys) => keys.length)).toEqual([SWEEP_READ_BATCH, SWEEP_READ_BATCH, 3]);
    expect(reads.flat().map((k) => k.SK)).toEqual(alerts.map(([item]) => item.SK));
    expect(reads[0]?.[0]).toEqual({ PK: 'EP#EP-1', SK: 'ALERT#2026-03-02T18:00:00.000Z#M000' });
    expect(swept.map((k) => k.SK)).toEqual(alerts.map(([item]) => item.SK));
    expect(deliverer.sweeps).toBe(1);
  });

  it('handles at most `concurrency` alerts at a time, and reaches that many', async () => {
    const alerts = many(40, (i) => `team-${String(i)}`);
    let inFlight = 0;
    let most = 0;
    const { deps } = depsFor({ alerts, episodes: [] });
    const deliverer = plannedDeliverer({ alerts, episodes: [] }, [], [], async () => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 2));
      inFlight -= 1;
      return 'posted';
    });
    expect(await sweep({ ...deps, deliverer, concurrency: 6 }, NOW)).toMatchObject({ delivered: 40 });
    expect(most).toBe(6);
  });

  it('a team’s Slack calls go one at a time in queue order; another team’s do not wait for them', async () => {
    // A1 (hem-a) is slow to reach Slack; A2 (hem-a) and B1 (hem-b) are quick.
    const alerts = [
      [alertKey('EP-1', 'A1', 'hem-a'), 'posted'],
      [alertKey('EP-2', 'A2', 'hem-a'), 'posted'],
      [alertKey('EP-3', 'B1', 'hem-b'), 'posted'],
    ] as const;
    const slackCalls: string[] = [];
    const { deps } = depsFor({ alerts: [...alerts], episodes: [] });
    const deliverer = plannedDeliverer(
      { alerts: [...alerts], episodes: [] },
      [],
      [],
      async (alert, _d, turn) => {
        const id = alert.SK.slice(-2);
        if (id === 'A1') await new Promise((resolve) => setTimeout(resolve, 20));
        await turn?.wait();
        slackCalls.push(id);
        turn?.done();
        return 'posted';
      },
    );
    expect(await sweep({ ...deps, deliverer }, NOW)).toMatchObject({ delivered: 3 });
    expect(slackCalls).toEqual(['B1', 'A1', 'A2']);
  });

  it('an alert that fails before its Slack call still lets the next one of its team go', async () => {
    const alerts = [
      [alertKey('EP-1', 'F1', 'hem-a'), new Error('lease throttled')],
      [alertKey('EP-2', 'F2', 'hem-a'), 'posted'],
    ] as const;
    const { deps } = depsFor({ alerts: [...alerts], episodes: [] });
    const deliverer = plannedDeliverer(
      { alerts: [...alerts], episodes: [] },
      [],
      [],
      async (alert, _d, turn) => {
        if (alert.SK.endsWith('F1')) throw new Error('lease throttled');
        await turn?.wait();
        turn?.done();
        return 'posted';
      },
    );
    expect(await sweep({ ...deps, deliverer }, NOW)).toMatchObject({ delivered: 1, failures: 1 });
  });

  it('a batch that cannot be read counts each of its alerts as failed; the next batch is still delivered', async () => {
    const alerts = many(SWEEP_READ_BATCH + 2);
    const { deps, logs } = depsFor({ alerts, episodes: [] });
    const planned = plannedDeliverer({ alerts, episodes: [] }, [], []);
    let batch = 0;
    const deliverer: SweepDeliverer = {
      forSweep: () => {
        const run = planned.forSweep();
        return {
          sweepLoaded: run.sweepLoaded,
          loadAll: (keys) => {
            batch += 1;
            return batch === 1
              ? Promise.reject(new Error('ProvisionedThroughputExceeded'))
              : run.loadAll(keys);
          },
        };
      },
    };
    expect(await sweep({ ...deps, deliverer }, NOW)).toMatchObject({
      delivered: 2,
      failures: SWEEP_READ_BATCH,
    });
    expect(logs).toHaveLength(SWEEP_READ_BATCH);
    expect(logs[0]).toEqual([
      'warn',
      'sweep: alert still not delivered',
      { alertSk: 'ALERT#2026-03-02T18:00:00.000Z#M000', error: 'Error: ProvisionedThroughputExceeded' },
    ]);
  });

  it('an alert the batch read does not find (gone meanwhile) is left alone', async () => {
    const gone = alertKey('EP-9', 'G1');
    const { deps, swept } = depsFor({ alerts: [[alertKey('EP-1', 'H1'), 'posted']], episodes: [] });
    const queue = deps.repository;
    const result = await sweep(
      {
        ...deps,
        repository: {
          dueInQueue: async (q, until) =>
            q === 'ALERT#OPEN' ? [gone, ...(await queue.dueInQueue(q, until))] : [],
        },
      },
      NOW,
    );
    expect(result).toMatchObject({ delivered: 1, failures: 0 });
    expect(swept.map((k) => k.SK.slice(-2))).toEqual(['H1']);
  });

  it('checks overdue episodes up to `concurrency` at a time', async () => {
    const { deps } = depsFor({ alerts: [], episodes: [] });
    let inFlight = 0;
    let most = 0;
    const episodes = Array.from({ length: 10 }, (_, i) => head(`EP-${String(i + 1)}`));
    const result = await sweep(
      {
        ...deps,
        concurrency: 3,
        repository: { dueInQueue: (q) => Promise.resolve(q === 'WATCH#VITALS' ? episodes : []) },
        monitor: {
          cutoff: () => CUTOFF,
          check: async () => {
            inFlight += 1;
            most = Math.max(most, inFlight);
            await new Promise((resolve) => setTimeout(resolve, 2));
            inFlight -= 1;
            return { escalationId: 'ESC-VITALS' } as AlertRecord;
          },
        },
      },
      NOW,
    );
    expect(result.overdueVitals).toBe(10);
    expect(most).toBe(3);
  });
});
