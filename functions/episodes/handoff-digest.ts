import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DocumentClient } from './dynamodb-client.ts';
import { dueHandoffSlot, type Handoff, type Language } from '#rules';
import type { Actor } from './actor.ts';
import { DEFAULT_RETRY_POLICY, withRetries, type RetryPolicy } from './retry.ts';
import type { TeamSettings } from './team-settings.ts';

/**
 * HANDOFF-1: the scheduled shift handoff digest. At each of a team's handoff times the digest is
 * posted to the team's channel exactly once: the run that claims the slot's marker item
 * (`DIGEST#<team>` / `<slot instant>`, a conditional put) posts it; any other run, retry or
 * concurrent, finds the marker and posts nothing. A claim whose run died before posting (no
 * POSTED after CLAIM_STALE_MS) may be claimed again, conditionally on that same claim.
 */
export const DIGEST_GRACE_MINUTES = 30;
export const CLAIM_STALE_MS = 2 * 60_000;
const MARKER_TTL_SECONDS = 7 * 86_400;

export const digestMarkerKey = (team: string, slot: string) => ({ PK: `DIGEST#${team}`, SK: slot });

export type DigestPoster = (
  settings: TeamSettings,
  handoff: Handoff,
  language: Language,
) => Promise<{ readonly ts: string }>;

export type DigestDeps = {
  readonly client: DocumentClient;
  readonly tableName: string;
  readonly teams: () => Promise<readonly TeamSettings[]>;
  readonly handoff: (actor: Actor, query: { team: string; at: string }) => Promise<Handoff>;
  readonly post: DigestPoster;
  readonly timeZone: string;
  readonly retry?: RetryPolicy;
  /** Identifies the run in its claim (for the audit of who posted). */
  readonly runId: string;
};

export type DigestOutcome = {
  readonly team: string;
  readonly slot: string;
  readonly outcome: 'posted' | 'already-claimed' | 'failed';
  readonly error?: string;
};

/** The system reads a team's handoff as a member of that team. */
export const digestActor = (team: string): Actor => ({
  userId: 'system:handoff-digest',
  role: 'viewer',
  teams: [team],
  via: 'system',
});

const isConditionFailure = (error: unknown): boolean =>
  (error as { name?: string }).name === 'ConditionalCheckFailedException';

/** Claims the slot: true when this run may post it. */
const claim = async (deps: DigestDeps, team: string, slot: string, now: Date): Promise<boolean> => {
  const retry = deps.retry ?? DEFAULT_RETRY_POLICY;
  const item = {
    ...digestMarkerKey(team, slot),
    kind: 'HANDOFF_DIGEST',
    status: 'CLAIMED',
    claimedAt: now.toISOString(),
    claimedBy: deps.runId,
    expiresAt: Math.floor(now.getTime() / 1000) + MARKER_TTL_SECONDS,
  };
  try {
    await withRetries(
      (options) =>
        deps.client.send(
          new PutCommand({
            TableName: deps.tableName,
            Item: item,
            // New, or a stale claim that never posted (its run died): claimed again.
            ConditionExpression: 'attribute_not_exists(PK) OR (#status = :claimed AND claimedAt < :stale)',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':claimed': 'CLAIMED',
              ':stale': new Date(now.getTime() - CLAIM_STALE_MS).toISOString(),
            },
          }),
          options,
        ),
      retry,
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
};

const markPosted = (deps: DigestDeps, team: string, slot: string, ts: string, now: Date) =>
  withRetries(
    (options) =>
      deps.client.send(
        new UpdateCommand({
          TableName: deps.tableName,
          Key: digestMarkerKey(team, slot),
          UpdateExpression: 'SET #status = :posted, postedAt = :at, ts = :ts',
          ConditionExpression: 'claimedBy = :me',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':posted': 'POSTED',
            ':at': now.toISOString(),
            ':me': deps.runId,
            ':ts': ts,
          },
        }),
        options,
      ),
    deps.retry ?? DEFAULT_RETRY_POLICY,
  );

/**
 * Posts every due digest once (one Query for the schedule, then per due team: a conditional put,
 * the handoff's one Query, one post, one update). Teams are independent: one failure is reported
 * and never stops the others. `force` posts the handoff of `at` for every scheduled team whatever
 * the times (the local `--handoff` run), still through the marker of that instant.
 */
export const postDueDigests = async (
  deps: DigestDeps,
  now: Date,
  options: { readonly only?: string; readonly force?: boolean } = {},
): Promise<DigestOutcome[]> => {
  const teams = (await deps.teams()).filter((t) => options.only === undefined || t.team === options.only);
  const outcomes: DigestOutcome[] = [];
  for (const settings of teams) {
    const slot = options.force
      ? now.toISOString()
      : dueHandoffSlot(settings.handoffTimes ?? [], now.toISOString(), deps.timeZone, DIGEST_GRACE_MINUTES);
    if (slot === null) continue;
    try {
      if (!(await claim(deps, settings.team, slot, now))) {
        outcomes.push({ team: settings.team, slot, outcome: 'already-claimed' });
        continue;
      }
      const handoff = await deps.handoff(digestActor(settings.team), { team: settings.team, at: slot });
      const { ts } = await deps.post(settings, handoff, settings.language);
      await markPosted(deps, settings.team, slot, ts, now);
      outcomes.push({ team: settings.team, slot, outcome: 'posted' });
    } catch (error) {
      outcomes.push({ team: settings.team, slot, outcome: 'failed', error: String(error) });
    }
  }
  return outcomes;
};
