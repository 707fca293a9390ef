import { withOwnStoreDeadline } from './deadline.ts';
import type { EpisodeHead, IdempotencyRecord } from './records.ts';
import { GroupWriteRefusedError, type GroupWrite, type MemberWrite } from './repository.ts';

/**
 * Group commit: the writes queued for one episode in this process are folded in queue order, each
 * prepared (validated, graded) on the head the one before it left, exactly as if it had been
 * written alone after it, and committed together in one TransactWriteItems with one head update
 * (the state after the last). A member refused while preparing gets its own error and is left out;
 * one refused by the store for its own condition (its idempotency key) gets its own answer, and
 * the others are committed without it.
 */

/** A transaction holds at most 100 items and 4 MB; the group stays well inside both. */
export const MAX_GROUP_ITEMS = 100;
export const MAX_GROUP_BYTES = 3_000_000;

/** What preparing a write gave: an answer with nothing to write, or a write and the head after it. */
export type Prepared<R> =
  | { readonly kind: 'answer'; readonly value: R }
  | { readonly kind: 'write'; readonly head: EpisodeHead; readonly write: MemberWrite; readonly value: R };

/**
 * Thrown by a write that must read the committed records of the episode (a late entry or a
 * correction re-folds from stored records) while earlier members of its group are not committed
 * yet: the group ends before it, and it starts the next one.
 */
export class NeedsCommittedStateError extends Error {
  constructor() {
    super('this write reads committed records; it starts a group of its own');
    this.name = 'NeedsCommittedStateError';
  }
}

/** One write as the group commit sees it. */
export type FoldWrite<R> = {
  /** Its idempotency item (user and key), if it has one: two of them never share a transaction. */
  readonly idempotencyItem?: string | undefined;
  /** Validates and grades the write on `head`; `pending`: earlier members of the group are not committed. */
  prepare(head: EpisodeHead | undefined, pending: boolean): Promise<Prepared<R>>;
  /** The answer when its idempotency key turned out to be used already; undefined: try it again. */
  replay(): Promise<R | undefined>;
  /** The answer to a write with the same key as one committed in the same group (that one's record). */
  replayOf(record: IdempotencyRecord): R;
};

/**
 * A queued write's state: QUEUED (may be folded), PREPARING (being folded), SENT (in a transaction
 * on its way: its caller's deadline answers UNKNOWN), DONE (answered).
 */
export type MemberState = 'QUEUED' | 'PREPARING' | 'SENT' | 'DONE';

export type GroupMember = {
  readonly write: FoldWrite<unknown>;
  /** A write that is not a recording and runs alone: a group ends before it. */
  readonly runsAlone: boolean;
  /** The caller's deadline (epoch ms), or undefined. */
  readonly deadline: number | undefined;
  state: MemberState;
  /** Answers the caller (once; later answers are ignored). */
  settle(outcome: { readonly value: unknown } | { readonly error: unknown }): void;
};

export type GroupStore = {
  commitGroup(group: GroupWrite): Promise<void>;
};

/** What a round left: the head to start the next one from (undefined: read it), and whether it conflicted. */
export type RoundOutcome = {
  readonly head: EpisodeHead | undefined;
  readonly conflict: boolean;
};

/** The latest deadline of the members (none if one of them has none): the group's store calls keep to it. */
export const groupDeadline = (members: readonly GroupMember[]): number | undefined => {
  let latest = 0;
  for (const member of members) {
    if (member.deadline === undefined) return undefined;
    latest = Math.max(latest, member.deadline);
  }
  return latest;
};

const itemCount = (write: MemberWrite): number =>
  write.records.length +
  (write.extra?.length ?? 0) +
  (write.idempotency ? 1 : 0) +
  (write.alertRepeats?.length ?? 0);

const byteSize = (value: unknown): number => Buffer.byteLength(JSON.stringify(value));

/** A member's state as it is now (another caller's deadline may have changed it meanwhile). */
const stateOf = (member: GroupMember): MemberState => member.state;

type Folded = { readonly member: GroupMember; readonly prepared: Prepared<unknown> & { kind: 'write' } };

/**
 * Folds the queued members on `start` (in order, up to the transaction's limits) and commits them
 * together. Members left QUEUED go in a later round: those past the limits, one that needs the
 * committed state, and one whose idempotency key another member of this group already carries
 * (answered from that one's record once it is committed).
 */
export const commitRound = async (
  store: GroupStore,
  start: EpisodeHead | undefined,
  members: readonly GroupMember[],
  committed: Map<string, IdempotencyRecord> = new Map(),
): Promise<RoundOutcome> => {
  for (;;) {
    const folded: Folded[] = [];
    const keys = new Map<string, Folded>();
    let current = start;
    let items = 1;
    let bytes = start === undefined ? 0 : byteSize(start);
    for (const member of members) {
      if (member.runsAlone) break;
      if (member.state !== 'QUEUED') continue;
      const key = member.write.idempotencyItem;
      if (key !== undefined && keys.has(key)) continue;
      // The same key as a write this queue committed: its first result, with nothing to write.
      const stored = key === undefined ? undefined : committed.get(key);
      if (stored) {
        answerFrom(member, stored);
        continue;
      }
      member.state = 'PREPARING';
      let prepared: Prepared<unknown>;
      try {
        const head = current;
        prepared = await withOwnStoreDeadline(member.deadline, () =>
          member.write.prepare(head, folded.length > 0),
        );
      } catch (error) {
        if (error instanceof NeedsCommittedStateError && folded.length > 0) {
          if (stateOf(member) === 'PREPARING') member.state = 'QUEUED';
          break;
        }
        member.settle({ error });
        continue;
      }
      // Its caller's deadline passed while it was prepared: it was answered NOT_WRITTEN.
      if (stateOf(member) !== 'PREPARING') continue;
      if (prepared.kind === 'answer') {
        member.settle({ value: prepared.value });
        continue;
      }
      const count = itemCount(prepared.write);
      const size = byteSize(prepared.write);
      if (folded.length > 0 && (items + count > MAX_GROUP_ITEMS || bytes + size > MAX_GROUP_BYTES)) {
        member.state = 'QUEUED';
        break;
      }
      const entry = { member, prepared };
      folded.push(entry);
      if (key !== undefined) keys.set(key, entry);
      current = prepared.head;
      items += count;
      bytes += size;
    }
    if (folded.length === 0 || start === undefined) return { head: start, conflict: false };
    // A member answered NOT_WRITTEN while later ones were prepared: fold again without it.
    if (folded.some(({ member }) => member.state !== 'PREPARING')) {
      for (const { member } of folded) if (stateOf(member) === 'PREPARING') member.state = 'QUEUED';
      continue;
    }
    for (const { member } of folded) member.state = 'SENT';
    const final = current ?? start;
    try {
      await withOwnStoreDeadline(groupDeadline(folded.map(({ member }) => member)), () =>
        store.commitGroup({
          head: final,
          expectedVersion: start.version,
          members: folded.map(({ prepared }) => prepared.write),
        }),
      );
    } catch (error) {
      if (!(error instanceof GroupWriteRefusedError)) {
        for (const { member } of folded) member.settle({ error });
        return { head: undefined, conflict: false };
      }
      for (const { member } of folded) if (member.state === 'SENT') member.state = 'QUEUED';
      for (const index of error.members) {
        const refused = folded[index]?.member;
        if (refused) await answerRefused(refused);
      }
      return error.headMoved ? { head: undefined, conflict: true } : { head: start, conflict: false };
    }
    for (const { member, prepared } of folded) {
      member.settle({ value: prepared.value });
      const record = prepared.write.idempotency;
      if (record && member.write.idempotencyItem !== undefined)
        committed.set(member.write.idempotencyItem, record);
    }
    for (const member of members) {
      if (member.runsAlone) break;
      const key = member.write.idempotencyItem;
      const stored = key === undefined ? undefined : committed.get(key);
      if (member.state === 'QUEUED' && stored) answerFrom(member, stored);
    }
    return { head: final, conflict: false };
  }
};

/** A write with the key of one committed by this queue: that one's result (or a conflict). */
const answerFrom = (member: GroupMember, record: IdempotencyRecord): void => {
  try {
    member.settle({ value: member.write.replayOf(record) });
  } catch (error) {
    member.settle({ error });
  }
};

/** A member whose idempotency key was used: the first result (or its conflict), or queued again. */
const answerRefused = async (member: GroupMember): Promise<void> => {
  member.state = 'PREPARING';
  try {
    const replay = await withOwnStoreDeadline(member.deadline, () => member.write.replay());
    if (replay === undefined) {
      if (stateOf(member) === 'PREPARING') member.state = 'QUEUED';
    } else member.settle({ value: replay });
  } catch (error) {
    member.settle({ error });
  }
};
