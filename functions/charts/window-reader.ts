import type { EpisodeHead, EpisodeRecord, GradingRecord, Tombstone } from '../episodes/records.ts';
import { isEpisodeRecord, type EpisodeRepository } from '../episodes/repository.ts';

/** An episode's items of a window of hours, as the chart needs them. */
export type EpisodeWindow = {
  readonly head: EpisodeHead;
  readonly records: readonly EpisodeRecord[];
  readonly superseded: ReadonlySet<string>;
  /**
   * The latest CRS and ICANS gradings written before the window (at most one per domain): the
   * grade in force when the window opens, or, graded unknown, none.
   */
  readonly gradedBefore: readonly GradingRecord[];
};

/** Gradings read back from before the window: both domains are graded with most records. */
const GRADINGS_BEFORE = 20;

const GRADING_PROJECTION = {
  ProjectionExpression: 'PK, SK, id, kind, #domain, basedOn, grade, #status, recordedAt',
  ExpressionAttributeNames: { '#domain': 'domain', '#status': 'status' },
};

/**
 * Slack for gradings and alerts, whose sort keys carry the time they were written: a record
 * measured at the window's start may be stored (and graded) a moment before a device clock says
 * it was measured (the service accepts clinical times up to 5 minutes ahead).
 */
const WRITE_SKEW_MS = 5 * 60_000;

/**
 * Reads what one chart shows, bounded by its window, never the whole course. Sort keys carry
 * time (keys.ts), so each family is one range Query:
 *  - the head (1 GetItem): infusion date, team;
 *  - OBS#<from>…OBS#<to>: vital signs, neuro, labs and deaths measured in the window, with the
 *    tombstones (`…#SUPERSEDED`) that sort right after a superseded record;
 *  - DOSE#<from>…DOSE#<to>: doses given in the window, with their tombstones;
 *  - GRADE#<from − 5 min>…: gradings written since the window began (a grading's key is its write
 *    time, never before the record it grades), projected to what a step line needs;
 *  - ALERT#<from − 5 min>…: alerts raised in the window, projected likewise;
 *  - the newest GRADINGS_BEFORE gradings written before that (one page, newest first): the grade
 *    of each domain in force when the window opens, so a grade set before it is not lost.
 * A 72 h window of 15-minute vital signs reads ~290 observations and their gradings; a 14-day
 * window ~1 350, whatever the length of the course before it. Pages of each Query are followed.
 */
export class WindowReader {
  readonly #repository: Pick<EpisodeRepository, 'loadHead' | 'loadRange' | 'loadNewest'>;

  constructor(repository: Pick<EpisodeRepository, 'loadHead' | 'loadRange' | 'loadNewest'>) {
    this.#repository = repository;
  }

  async read(episodeId: string, fromIso: string, toIso: string): Promise<EpisodeWindow | undefined> {
    const from = new Date(fromIso).toISOString();
    const to = new Date(toIso).toISOString();
    const writtenFrom = new Date(Date.parse(fromIso) - WRITE_SKEW_MS).toISOString();
    const range = this.#repository.loadRange.bind(this.#repository, episodeId);
    const [head, observations, doses, gradings, alerts, before] = await Promise.all([
      this.#repository.loadHead(episodeId),
      range(`OBS#${from}`, `OBS#${to}~`),
      range(`DOSE#${from}`, `DOSE#${to}~`),
      range(`GRADE#${writtenFrom}`, 'GRADE#~', GRADING_PROJECTION),
      range(`ALERT#${writtenFrom}`, 'ALERT#~', {
        ProjectionExpression: 'PK, SK, id, kind, escalationId, #level, raisedAt, acknowledgedAt',
        ExpressionAttributeNames: { '#level': 'level' },
      }),
      this.#repository.loadNewest(
        episodeId,
        'GRADE#',
        `GRADE#${writtenFrom}`,
        GRADINGS_BEFORE,
        GRADING_PROJECTION,
      ),
    ]);
    if (!head) return undefined;
    const items = [...observations, ...doses, ...gradings, ...alerts];
    return {
      head,
      records: items.filter(isEpisodeRecord),
      superseded: new Set(
        items.filter((item): item is Tombstone => item.kind === 'SUPERSEDED').map((t) => t.corrects),
      ),
      gradedBefore: latestPerDomain(before),
    };
  }
}

/** The domains the chart draws as grade steps. */
const CHARTED_DOMAINS: ReadonlySet<string> = new Set(['CRS', 'ICANS']);

/** The newest CRS and ICANS grading among `items` (newest first, as read). */
const latestPerDomain = (items: readonly { readonly kind: string }[]): GradingRecord[] => {
  const latest = new Map<string, GradingRecord>();
  for (const item of items) {
    if (item.kind !== 'GRADING') continue;
    const grading = item as GradingRecord;
    if (CHARTED_DOMAINS.has(grading.domain) && !latest.has(grading.domain))
      latest.set(grading.domain, grading);
  }
  return [...latest.values()];
};
