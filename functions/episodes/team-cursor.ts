import { createHash } from 'node:crypto';
import { EpisodeValidationError } from './errors.ts';
import { episodePk, HEAD_SK, teamIndexKeys } from './keys.ts';

/**
 * Cursors of a team's episode list: opaque to clients, integrity-checked, and bound to the list
 * they came from (team and status). The list is ordered by when each episode was created, a key
 * that never changes, so paging while episodes are updated never skips or repeats one. A cursor is
 * not a secret and grants nothing: the viewer's teams are checked on every page.
 */
const VERSION = 1;
const CHECK_LENGTH = 16;

type Position = {
  readonly team: string;
  readonly status: string;
  readonly createdAt: string;
  readonly episodeId: string;
};

const checksum = (payload: string): string =>
  createHash('sha256').update(`team-cursor:${payload}`).digest('base64url').slice(0, CHECK_LENGTH);

/** The cursor just after an episode in its team's list. */
export const encodeTeamCursor = (position: Position): string => {
  // Compact: [version, team, status, createdAt, episodeId], then its checksum.
  const payload = Buffer.from(
    JSON.stringify([VERSION, position.team, position.status, position.createdAt, position.episodeId]),
  ).toString('base64url');
  return `${payload}.${checksum(payload)}`;
};

const invalid = (field: string, received: string, why: string): EpisodeValidationError =>
  new EpisodeValidationError([
    {
      field,
      allowed: "a cursor (endCursor or an edge's cursor) from an earlier page of this same list",
      received: received.length > 80 ? `${received.slice(0, 80)}…` : received,
      message: `${field}: ${why}; page again from the start (no ${field}) or pass a cursor this list returned`,
    },
  ]);

/**
 * The team index key to page from, or a validation error naming `field` when the cursor is not
 * one this list returned (altered, truncated, or from another team's or status's list).
 */
export const decodeTeamCursor = (
  cursor: string,
  expected: { readonly team: string; readonly status: string },
  field = 'after',
): Record<string, string> => {
  const [payload = '', check = '', ...rest] = cursor.split('.');
  if (rest.length > 0 || payload === '' || check !== checksum(payload))
    throw invalid(field, cursor, 'this cursor is not one this list returned (it was altered or truncated)');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw invalid(field, cursor, 'this cursor cannot be read');
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 5 ||
    parsed[0] !== VERSION ||
    !parsed.slice(1).every((part) => typeof part === 'string')
  )
    throw invalid(field, cursor, 'this cursor is from another version of the list');
  const [, team, status, createdAt, episodeId] = parsed as [number, string, string, string, string];
  if (team !== expected.team || status !== expected.status)
    throw invalid(
      field,
      cursor,
      `this cursor belongs to the ${status} episodes of team ${team}, not the ${expected.status} episodes of team ${expected.team}`,
    );
  const keys = teamIndexKeys(team, status, createdAt, episodeId);
  return { PK: episodePk(episodeId), SK: HEAD_SK, ...keys };
};
