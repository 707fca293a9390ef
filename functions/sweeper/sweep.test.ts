import { describe, expect, it } from 'vitest';
import type { DeliveryOutcome } from '../alerts/delivery.ts';
import type { AlertKey } from '../episodes/alert-delivery-store.ts';
import type { AlertRecord, StoredItem } from '../episodes/records.ts';
import { sweep, type SweepDeps } from './sweep.ts';

const NOW = new Date('2026-03-03T02:00:00.000Z');
const CUTOFF = '2026-03-02T22:00:00.000Z';

const alertKey = (episodeId: string, alertId: string) =>
  ({ PK: `EP#${episodeId}`, SK: `ALERT#2026-03-02T18:00:00.000Z#${alertId}` }) as StoredItem;
const head = (episodeId: string) => ({ PK: `EP#${episodeId}`, SK: 'META' }) as StoredItem;

type Plan = {
  readonly alerts: readonly [StoredItem, DeliveryOutcome | Error][];
  readonly episodes: readonly [StoredItem, boolean | Error][];
};

/** Queues, deliverer and monitor that answer as planned and record what they were asked. */
const depsFor = (plan: Plan) => {
  const queries: [string, string][] = [];
  const swept: AlertKey[] = [];
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
    deliverer: {
      sweep: (key) => {
        swept.push(key);
        const outcome = plan.alerts.find(([item]) => item.SK === key.SK)?.[1];
        return outcome instanceof Error ? Promise.reject(outcome) : Promise.resolve(outcome ?? 'nothing');
      },
    },
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
  return { deps, queries, swept, checked, logs };
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
        deliverer: {
          sweep: (_key, d) => {
            deadlines.push(d);
            return Promise.resolve('posted');
          },
        },
      },
      NOW,
      deadline,
    );
    expect(deadlines).toEqual([deadline]);
  });
});
