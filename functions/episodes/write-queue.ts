import { storeTimeLeftMs, withOwnStoreDeadline } from './deadline.ts';
import { StoreUnavailableError } from './errors.ts';
import {
  commitRound,
  groupDeadline,
  type FoldWrite,
  type GroupMember,
  type GroupStore,
  type MemberState,
} from './group-commit.ts';
import type { EpisodeHead, IdempotencyRecord } from './records.ts';

export type WriteQueueDeps = GroupStore & {
  loadHead(episodeId: string): Promise<EpisodeHead | undefined>;
  /** Rounds in a row whose head moved on (another process wrote) before the members are told. */
  readonly maxConflicts: number;
  /** The error the members of a group get when the head kept moving on. */
  conflict(episodeId: string): Error;
  backoff(attempt: number): Promise<void>;
};

type Entry = GroupMember & {
  readonly run?: () => Promise<unknown>;
};

type Lane = { entries: Entry[] };

/**
 * The writes to one episode that reach this process, in arrival order. Recordings are committed in
 * groups (group-commit.ts): the first write of an idle episode reads the head (1 GetItem) and
 * commits (1 transaction), and whatever queued meanwhile is folded on the head it left and
 * committed together, without reading again. Other writes (acknowledgements) run alone, in their
 * turn. A write still queued at its caller's deadline is answered StoreUnavailable (NOT_WRITTEN)
 * and never written later; one already sent in a transaction is answered UNKNOWN at the deadline
 * (the caller may send it again with its idempotency key).
 */
export class WriteQueue {
  readonly #deps: WriteQueueDeps;
  readonly #lanes = new Map<string, Lane>();

  constructor(deps: WriteQueueDeps) {
    this.#deps = deps;
  }

  /** A recording, folded with the others queued for the episode. */
  fold<R>(episodeId: string, write: FoldWrite<R>): Promise<R> {
    return this.#enqueue(episodeId, { write }) as Promise<R>;
  }

  /** A write that runs alone in its turn (it reads and commits by itself). */
  alone<R>(episodeId: string, run: () => Promise<R>): Promise<R> {
    return this.#enqueue(episodeId, { run }) as Promise<R>;
  }

  #enqueue(
    episodeId: string,
    what: { readonly write?: FoldWrite<unknown>; readonly run?: () => Promise<unknown> },
  ): Promise<unknown> {
    const left = storeTimeLeftMs();
    const deadline = left === undefined ? undefined : Date.now() + left;
    return new Promise((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      let state: MemberState = 'QUEUED';
      const entry: Entry = {
        write: what.write ?? NOT_A_RECORDING,
        runsAlone: what.run !== undefined,
        ...(what.run ? { run: what.run } : {}),
        deadline,
        get state() {
          return state;
        },
        set state(next: MemberState) {
          if (state !== 'DONE') state = next;
        },
        settle(outcome) {
          if (state === 'DONE') return;
          state = 'DONE';
          if (timer) clearTimeout(timer);
          // The error a write's own preparation or the store threw, passed on as it is.
          // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
          if ('error' in outcome) reject(outcome.error);
          else resolve(outcome.value);
        },
      };
      if (left !== undefined) {
        timer = setTimeout(
          () => {
            if (state === 'QUEUED' || state === 'PREPARING')
              entry.settle({ error: new StoreUnavailableError(undefined, { outcome: 'NOT_WRITTEN' }) });
            else if (state === 'SENT' && !entry.run)
              entry.settle({ error: new StoreUnavailableError(undefined, { outcome: 'UNKNOWN' }) });
          },
          Math.max(0, left),
        );
        timer.unref();
      }
      const lane = this.#lanes.get(episodeId);
      if (lane) {
        lane.entries.push(entry);
        return;
      }
      const fresh: Lane = { entries: [entry] };
      this.#lanes.set(episodeId, fresh);
      // The lane's work is done on behalf of every caller in it: no one caller's deadline governs it.
      void withOwnStoreDeadline(undefined, () => this.#drain(episodeId, fresh)).catch((error: unknown) => {
        if (this.#lanes.get(episodeId) === fresh) this.#lanes.delete(episodeId);
        for (const entry of fresh.entries) entry.settle({ error });
      });
    });
  }

  async #drain(episodeId: string, lane: Lane): Promise<void> {
    let head: EpisodeHead | undefined;
    let known = false;
    let conflicts = 0;
    // Idempotency records this lane committed: a repeat of one is answered without a transaction.
    const committed = new Map<string, IdempotencyRecord>();
    for (;;) {
      lane.entries = lane.entries.filter((entry) => entry.state !== 'DONE');
      const first = lane.entries[0];
      if (!first) {
        // Synchronously with the check: a write arriving from now on starts a lane of its own.
        this.#lanes.delete(episodeId);
        return;
      }
      if (first.run) {
        first.state = 'SENT';
        try {
          first.settle({ value: await withOwnStoreDeadline(first.deadline, first.run) });
        } catch (error) {
          first.settle({ error });
        }
        known = false;
        continue;
      }
      // The lane itself: writes queued while the head is read or the group is prepared join it (up
      // to the next write that runs alone).
      const members = lane.entries;
      const alone = members.findIndex((entry) => entry.runsAlone);
      if (!known) {
        try {
          const recordings = members.slice(0, alone === -1 ? undefined : alone);
          head = await withOwnStoreDeadline(groupDeadline(recordings), () => this.#deps.loadHead(episodeId));
          known = true;
        } catch (error) {
          for (const member of members) {
            if (member.runsAlone) break;
            member.settle({ error });
          }
          continue;
        }
      }
      const outcome = await commitRound(this.#deps, head, members, committed);
      head = outcome.head;
      known = outcome.head !== undefined;
      if (!outcome.conflict) {
        conflicts = 0;
        continue;
      }
      conflicts += 1;
      if (conflicts >= this.#deps.maxConflicts) {
        for (const member of members) {
          if (member.runsAlone) break;
          if (member.state === 'QUEUED') member.settle({ error: this.#deps.conflict(episodeId) });
        }
        conflicts = 0;
        continue;
      }
      await this.#deps.backoff(conflicts);
    }
  }
}

/** Entries that run alone carry no recording. */
const NOT_A_RECORDING: FoldWrite<unknown> = {
  prepare: () => Promise.reject(new Error('not a recording')),
  replay: () => Promise.resolve(undefined),
  replayOf: () => {
    throw new Error('not a recording');
  },
};
