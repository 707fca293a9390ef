import { describe, expect, it } from 'vitest';
import { EpisodeValidationError } from './errors.ts';
import { encodeTeamCursor } from './team-cursor.ts';
import { decodeTeamsCursor, encodeTeamsCursor } from './teams-cursor.ts';

const position = {
  team: 'hem-b',
  status: 'ACTIVE',
  createdAt: '2026-03-01T08:00:00.000Z',
  episodeId: 'EP-7',
};

const refusal = (cursor: string, status = 'ACTIVE'): EpisodeValidationError => {
  try {
    decodeTeamsCursor(cursor, { status });
  } catch (error) {
    if (error instanceof EpisodeValidationError) return error;
    throw error;
  }
  throw new Error(`accepted ${cursor}`);
};

describe("cursors of the list of all the viewer's teams", () => {
  it('give back the team and the team index key to continue after', () => {
    expect(decodeTeamsCursor(encodeTeamsCursor(position), { status: 'ACTIVE' })).toEqual({
      team: 'hem-b',
      startKey: {
        PK: 'EP#EP-7',
        SK: 'META',
        GSI1PK: 'TEAM#hem-b',
        GSI1SK: 'ACTIVE#2026-03-01T08:00:00.000Z#EP-7',
      },
    });
  });

  it('refuse an altered cursor, naming `after`, what is allowed and what was received', () => {
    const cursor = encodeTeamsCursor(position);
    const error = refusal(`${cursor.slice(0, -1)}${cursor.endsWith('A') ? 'B' : 'A'}`);
    expect(error.issues).toEqual([
      expect.objectContaining({
        field: 'after',
        allowed: "a cursor (endCursor or an edge's cursor) from an earlier page of this same list",
      }),
    ]);
    expect(error.message).toContain('altered or truncated');
  });

  it("refuse a cursor of one team's list (and that list refuses theirs)", () => {
    expect(refusal(encodeTeamCursor(position)).message).toContain("one team's list");
  });

  it('refuse a cursor of the other status', () => {
    expect(refusal(encodeTeamsCursor(position), 'CLOSED').message).toContain(
      'belongs to the ACTIVE episodes of your teams, not the CLOSED ones',
    );
  });

  it('do not leak the team or key in a refusal of a long garbage cursor', () => {
    const error = refusal('x'.repeat(200));
    expect(String(error.issues[0]?.received)).toHaveLength(81);
  });
});
