import { episodesTable } from './table-definition.ts';

/**
 * Key builders for the single table. One episode = one partition (`EP#<id>`): the head (`META`,
 * carrying the clinical timeline's state), observations, gradings, doses, alerts, a lookup per
 * clinical record (`REC#<id>`), correction tombstones and timeline snapshots. Idempotency records
 * live in their own partitions (`IDEMP#<user>#<key>`), never read with the episode.
 */
export const TABLE = episodesTable;

export const episodePk = (episodeId: string): string => `EP#${episodeId}`;
export const HEAD_SK = 'META';

export type RecordPrefix = 'OBS' | 'DOSE' | 'GRADE' | 'ALERT';

/** `<prefix>#<ISO instant>#<record id>`: sorted by time within each kind. */
export const recordSk = (prefix: RecordPrefix, isoTime: string, recordId: string): string =>
  `${prefix}#${new Date(isoTime).toISOString()}#${recordId}`;

/**
 * The sort keys that start with `prefix` (ending in '#'), as a BETWEEN range: keys are ASCII and
 * '~' sorts after every character they use. DynamoDB serves `begins_with` and this range alike;
 * DynamoDB Local answers a newest-first `begins_with` page 2–3× slower on a 15 000-item episode
 * than on a small one (measured), the range equally fast on both.
 */
export const sortKeyRange = (prefix: string): { readonly low: string; readonly high: string } => ({
  low: prefix,
  high: `${prefix}~`,
});

/** A clinical record's lookup item: its id → its sort key (the id is all a client sends). */
export const recordLookupSk = (recordId: string): string => `REC#${recordId}`;

/** EPI-4: beside a superseded record, sorting right after it, so a range read sees it is superseded. */
export const tombstoneSk = (recordSk: string): string => `${recordSk}#SUPERSEDED`;

/** The timeline's state after the record at `isoTime` (a re-fold starts from the latest one before it). */
export const snapshotSk = (isoTime: string, recordId: string): string =>
  `SNAP#${new Date(isoTime).toISOString()}#${recordId}`;

/**
 * Team index: a team's episodes by status, newest course first. Keyed by when the episode was
 * created, which never changes, so a list paged while episodes are updated neither skips nor
 * repeats one.
 */
export const teamIndexKeys = (team: string, status: string, createdAt: string, episodeId: string) => ({
  GSI1PK: `TEAM#${team}`,
  GSI1SK: `${status}#${createdAt}#${episodeId}`,
});

/** Sweeper queue of episodes with active CRS, by time of their last vital signs. */
export const vitalsWatchKeys = (lastVitalsAt: string, episodeId: string) => ({
  GSI2PK: 'WATCH#VITALS',
  GSI2SK: `${lastVitalsAt}#${episodeId}`,
});

/** Sweeper queue of open critical alerts, by next notification time. */
export const openAlertKeys = (notifyAt: string, episodeId: string, alertId: string) => ({
  GSI2PK: 'ALERT#OPEN',
  GSI2SK: `${notifyAt}#${episodeId}#${alertId}`,
});

/** The counter that numbers episodes EP-1, EP-2, … (short ids a clinician can type in Slack). */
export const EPISODE_COUNTER_KEY = { PK: 'COUNTER#EPISODE', SK: 'COUNTER' } as const;

/** Idempotency: one item per user and key (every operation), outside any episode partition. */
export const idempotencyItemKey = (userId: string, key: string) => ({
  PK: `IDEMP#${userId}#${key}`,
  SK: 'RESULT',
});

export const EPISODE_ID = /^EP-[1-9][0-9]{0,9}$/;
export const episodeIdFor = (n: number): string => `EP-${n}`;
