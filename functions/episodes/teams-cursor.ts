import { episodePk, HEAD_SK, teamIndexKeys } from './keys.ts';
import { invalidCursor as invalid, openCursor, sealCursor } from './sealed-cursor.ts';

/**
 * Cursors of the list of every episode of the viewer's teams. The order is stable: teams by name
 * (code unit order), then within a team newest course first (by when each episode was created, a key
 * that never changes), so paging while episodes are updated never skips or repeats one. A cursor
 * names the team and the position in its index; the next page continues in that team and then in
 * the viewer's later teams (one Query per team page). Opaque, integrity-checked and bound to the
 * status it lists; like a team cursor it grants nothing: membership is checked on every page.
 */
const VERSION = 1;
const PURPOSE = 'teams-cursor';

export type TeamsPosition = {
  readonly team: string;
  readonly status: string;
  readonly createdAt: string;
  readonly episodeId: string;
};

/** The cursor just after an episode in the list of all the viewer's teams. */
export const encodeTeamsCursor = (position: TeamsPosition): string => {
  return sealCursor(PURPOSE, [
    VERSION,
    'TEAMS',
    position.status,
    position.team,
    position.createdAt,
    position.episodeId,
  ]);
};

/** Where the next page starts: the team, and the key in its index to continue after. */
export type TeamsStart = {
  readonly team: string;
  readonly startKey: Record<string, string>;
};

/**
 * The team and index key to page from, or a validation error naming `field` when the cursor is not
 * one this list returned (altered, truncated, from a single team's list or from another status).
 */
export const decodeTeamsCursor = (
  cursor: string,
  expected: { readonly status: string },
  field = 'after',
): TeamsStart => {
  const parsed = openCursor(
    PURPOSE,
    cursor,
    field,
    'this cursor is not one the list of all your teams returned (it was altered or truncated, or it is from one team\'s list: page that list with its "team")',
  );
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 6 ||
    parsed[0] !== VERSION ||
    parsed[1] !== 'TEAMS' ||
    !parsed.slice(1).every((part) => typeof part === 'string')
  )
    throw invalid(field, cursor, 'this cursor is from another version of the list');
  const [, , status, team, createdAt, episodeId] = parsed as [number, string, string, string, string, string];
  if (status !== expected.status)
    throw invalid(
      field,
      cursor,
      `this cursor belongs to the ${status} episodes of your teams, not the ${expected.status} ones`,
    );
  return {
    team,
    startKey: { PK: episodePk(episodeId), SK: HEAD_SK, ...teamIndexKeys(team, status, createdAt, episodeId) },
  };
};
