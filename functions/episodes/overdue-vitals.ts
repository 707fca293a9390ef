import { setTimeout as sleep } from 'node:timers/promises';
import { collectEscalations, emptyTimeline, VITALS_MAX_INTERVAL_HOURS } from '#rules';
import { alertRefsOf, nextAlertRefs } from './alert-refs.ts';
import { asGrade } from './assess/grading-draft.ts';
import { alertRecord, nextHead, type WriteContext } from './record-builder.ts';
import type { AlertRecord, Author, EpisodeHead } from './records.ts';
import { WriteRefusedError, type EpisodeRepository } from './repository.ts';

/** The sweeper acts as the system, not as a person. */
export const SWEEPER_AUTHOR: Author = { userId: 'system:sweeper', role: 'clinician', via: 'system' };

export type OverdueVitalsOptions = {
  readonly repository: EpisodeRepository;
  readonly newId: () => string;
  /** Hours without vital signs before ESC-VITALS is raised; never below INF-5's 4 h. */
  readonly overdueHours?: number;
  readonly maxAttempts?: number;
};

/**
 * ESC-VITALS (INF-5: vital signs at least every 4 h during CRS) for the sweeper: an ACTIVE episode
 * whose current CRS grade is ≥ 1 and whose last vital signs are older than the interval gets an
 * urgent alert, written like every other alert (with the head, in one transaction guarded by its
 * version) so the stream delivers it. Not raised again while one is open, nor within one interval
 * of the last one: one reminder per interval without vital signs, not one per sweep.
 */
export class OverdueVitalsMonitor {
  readonly #repository: EpisodeRepository;
  readonly #newId: () => string;
  readonly #overdueHours: number;
  readonly #maxAttempts: number;

  constructor(options: OverdueVitalsOptions) {
    this.#repository = options.repository;
    this.#newId = options.newId;
    this.#overdueHours = Math.max(
      VITALS_MAX_INTERVAL_HOURS,
      options.overdueHours ?? VITALS_MAX_INTERVAL_HOURS,
    );
    this.#maxAttempts = options.maxAttempts ?? 5;
  }

  get overdueHours(): number {
    return this.#overdueHours;
  }

  /** Vital signs recorded before this instant are overdue at `now` (the watch queue's cut-off). */
  cutoff(now: Date): string {
    return new Date(now.getTime() - this.#overdueHours * 3_600_000).toISOString();
  }

  /** Raises ESC-VITALS for the episode when due; the alert written, or undefined. */
  async check(episodeId: string, now: Date): Promise<AlertRecord | undefined> {
    for (let attempt = 1; ; attempt += 1) {
      // The head alone (1 GetItem): it carries the last vital signs and the recent alerts.
      const head = await this.#repository.loadHead(episodeId);
      if (!head) return undefined;
      const timeline = head.timeline ?? emptyTimeline();
      const lastVitals = timeline.recorded.vitalsAt;
      const crsGrade = asGrade(head.summary.crsGrade);
      if (head.status !== 'ACTIVE' || crsGrade === null || crsGrade < 1 || !lastVitals) return undefined;
      const hours = (now.getTime() - Date.parse(lastVitals.at)) / 3_600_000;
      if (hours <= this.#overdueHours) return undefined;
      const refs = alertRefsOf(head);
      const recent = refs.some(
        (alert) =>
          alert.escalationId === 'ESC-VITALS' &&
          (!alert.acknowledged ||
            now.getTime() - Date.parse(alert.raisedAt) < this.#overdueHours * 3_600_000),
      );
      if (recent) return undefined;
      const trigger = collectEscalations({
        vitals: { currentCrsGrade: crsGrade, hoursSinceLastVitals: hours },
      })[0];
      if (!trigger) return undefined;
      const at = now.toISOString();
      const context: WriteContext = { episodeId, now: at, author: SWEEPER_AUTHOR, newId: this.#newId };
      const alert = alertRecord(trigger, lastVitals.recordId, head.team, context);
      // An alert changes no clinical state: the timeline stays as it is.
      const currentCrsEpisode =
        timeline.crsEpisode !== null && timeline.crsEpisode.closedAt === null
          ? timeline.crsEpisode.number
          : null;
      const next: EpisodeHead = nextHead(
        head,
        timeline,
        nextAlertRefs(refs, { raised: [alert], currentCrsEpisode, now: at }),
        at,
      );
      try {
        await this.#repository.commit({ head: next, expectedVersion: head.version, records: [alert] });
        return alert;
      } catch (error) {
        if (!(error instanceof WriteRefusedError) || attempt >= this.#maxAttempts) throw error;
        await sleep(Math.random() * 25 * 2 ** attempt);
      }
    }
  }
}
