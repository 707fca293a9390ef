import { episodePk, HEAD_SK, teamIndexKeys } from './keys.ts';
import { invalidCursor as invalid, openCursor, sealCursor } from './sealed-cursor.ts';

/**
 * Cursors of a team's episode list: opaque to clients, integrity-checked, and bound to the list
 * they came from (team and status). The list is ordered by when each episode was created, a key
 * that never changes, so paging while episodes are updated never skips or repeats one. A cursor is
 * not a secret and grants nothing: the viewer's teams are checked on every page.
 */
const VERSION = 1;
const PURPOSE = 'team-cursor';

type Position = {
  readonly team: string;
  readonly status: string;
  readonly createdAt: string;
  readonly episodeId: string;
};

/** The cursor just after an episode in its team's list. */
export const encodeTeamCursor = (position: Position): string => {
  // Compact: [version, team, status, createdAt, episodeId], then its checksum.
  return sealCursor(PURPOSE, [
    VERSION,
    position.team,
    position.status,
    position.createdAt,
    position.episodeId,
  ]);
};

/**
 * The team index key to page from, or a validation error naming `field` when the cursor is not
 * one this list returned (altered, truncated, or from another team's or status's list).
 */
export const decodeTeamCursor = (
  cursor: string,
  expected: { readonly team: string; readonly status: string },
  field = 'after',
): Record<string, string> => {
  const parsed = openCursor(
    PURPOSE,
    cursor,
    field,
    'this cursor is not one this list returned (it was altered or truncated)',
  );
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
