import type { EpisodeRepository } from '../episodes/repository.ts';
import type { OverdueVitalsMonitor } from '../episodes/overdue-vitals.ts';
import type { AlertDeliverer, DeliveryOutcome } from '../alerts/delivery.ts';

export type SweepResult = {
  /** Alerts posted that had been left pending (Slack was down, or the team had no channel). */
  readonly delivered: number;
  /** Re-notifications of unacknowledged critical alerts. */
  readonly renotified: number;
  readonly acknowledgementsShown: number;
  /** ESC-VITALS alerts raised (the stream delivers them). */
  readonly overdueVitals: number;
  /** Items that failed this time; they stay queued for the next sweep. */
  readonly failures: number;
};

export type SweepDeps = {
  readonly repository: Pick<EpisodeRepository, 'dueInQueue'>;
  readonly deliverer: Pick<AlertDeliverer, 'sweep'>;
  readonly monitor: Pick<OverdueVitalsMonitor, 'check' | 'cutoff'>;
  readonly log: (
    level: 'info' | 'warn' | 'error',
    message: string,
    details?: Record<string, unknown>,
  ) => void;
};

/**
 * One sweep (scheduled every few minutes): the `ALERT#OPEN` queue (alerts due for delivery or
 * re-notification) and the `WATCH#VITALS` queue (episodes with active CRS whose last vital signs
 * are older than the interval, INF-5 → ESC-VITALS). One item's failure never stops the others;
 * it stays queued for the next sweep.
 */
export const sweep = async (deps: SweepDeps, now: Date, deadline?: number): Promise<SweepResult> => {
  const counts = { delivered: 0, renotified: 0, acknowledgementsShown: 0, overdueVitals: 0, failures: 0 };
  const tally: Partial<Record<DeliveryOutcome, keyof typeof counts>> = {
    posted: 'delivered',
    reminded: 'renotified',
    updated: 'acknowledgementsShown',
  };
  const dueAlerts = await deps.repository.dueInQueue('ALERT#OPEN', now.toISOString());
  for (const item of dueAlerts) {
    if (deadline !== undefined && Date.now() > deadline) break;
    try {
      const outcome = await deps.deliverer.sweep({ PK: item.PK, SK: item.SK }, deadline);
      const counter = tally[outcome];
      if (counter) counts[counter] += 1;
    } catch (error) {
      counts.failures += 1;
      deps.log('warn', 'sweep: alert still not delivered', { alertSk: item.SK, error: String(error) });
    }
  }
  const overdue = await deps.repository.dueInQueue('WATCH#VITALS', deps.monitor.cutoff(now));
  for (const item of overdue) {
    if (deadline !== undefined && Date.now() > deadline) break;
    const episodeId = item.PK.slice('EP#'.length);
    try {
      if (await deps.monitor.check(episodeId, now)) counts.overdueVitals += 1;
    } catch (error) {
      counts.failures += 1;
      deps.log('warn', 'sweep: overdue vital signs not checked', { episodeId, error: String(error) });
    }
  }
  return counts;
};
