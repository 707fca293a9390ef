import { episodesTable } from './table-definition.ts';

/**
 * Key builders for the single table. One episode = one partition (`EP#<id>`): the head (`META`),
 * observations, gradings, doses, alerts and idempotency records, so an episode is one Query.
 */
export const TABLE = episodesTable;

export const episodePk = (episodeId: string): string => `EP#${episodeId}`;
export const HEAD_SK = 'META';

export type RecordPrefix = 'OBS' | 'DOSE' | 'GRADE' | 'ALERT';

/** `<prefix>#<ISO instant>#<record id>`: sorted by time within each kind. */
export const recordSk = (prefix: RecordPrefix, isoTime: string, recordId: string): string =>
  `${prefix}#${new Date(isoTime).toISOString()}#${recordId}`;

/** Idempotency records live in the episode's partition, scoped to the user who sent the key. */
export const idempotencySk = (userId: string, key: string): string => `IDEMP#${userId}#${key}`;

/** Team index: a team's episodes by status, most recently updated first. */
export const teamIndexKeys = (team: string, status: string, updatedAt: string, episodeId: string) => ({
  GSI1PK: `TEAM#${team}`,
  GSI1SK: `${status}#${updatedAt}#${episodeId}`,
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

/** Creation idempotency: no partition exists yet, so the key has its own item. */
export const creationIdempotencyKey = (userId: string, key: string) => ({
  PK: `IDEMP#${userId}#${key}`,
  SK: 'CREATE',
});

export const EPISODE_ID = /^EP-[1-9][0-9]{0,9}$/;
export const episodeIdFor = (n: number): string => `EP-${n}`;
