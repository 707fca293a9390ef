import { describe, expect, it } from 'vitest';
import { EpisodeValidationError } from './errors.ts';
import { decodeTeamCursor, encodeTeamCursor } from './team-cursor.ts';

const position = {
  team: 'hem-a',
  status: 'ACTIVE',
  createdAt: '2026-03-01T08:00:00.000Z',
  episodeId: 'EP-7',
};
const list = { team: 'hem-a', status: 'ACTIVE' };

const refusal = (cursor: string, expected = list): EpisodeValidationError => {
  try {
    decodeTeamCursor(cursor, expected);
  } catch (error) {
    if (error instanceof EpisodeValidationError) return error;
    throw error;
  }
  throw new Error(`accepted ${cursor}`);
};

describe('team list cursors', () => {
  it('give back the team index key of the episode they were made for', () => {
    expect(decodeTeamCursor(encodeTeamCursor(position), list)).toEqual({
      PK: 'EP#EP-7',
      SK: 'META',
      GSI1PK: 'TEAM#hem-a',
      GSI1SK: 'ACTIVE#2026-03-01T08:00:00.000Z#EP-7',
    });
  });

  it('are opaque: neither the key nor the table layout shows', () => {
    const cursor = encodeTeamCursor(position);
    expect(cursor).not.toMatch(/GSI|TEAM#|EP#|META/);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{16}$/);
  });

  it('refuse an altered cursor, naming the argument and what it expects', () => {
    const cursor = encodeTeamCursor(position);
    const [payload = '', check = ''] = cursor.split('.');
    const other = encodeTeamCursor({ ...position, episodeId: 'EP-8' }).split('.')[0] ?? '';
    for (const bad of [
      `${other}.${check}`,
      `${payload}.${check.slice(1)}x`,
      payload,
      `${cursor}.x`,
      '',
      'eyJQSyI6IngifQ',
    ]) {
      const error = refusal(bad);
      expect(error.issues).toHaveLength(1);
      expect(error.issues[0]?.field).toBe('after');
      expect(error.issues[0]?.allowed).toContain('earlier page of this same list');
    }
  });

  it("refuse another team's or another status's cursor, saying whose it is", () => {
    const cursor = encodeTeamCursor(position);
    expect(refusal(cursor, { team: 'hem-b', status: 'ACTIVE' }).message).toContain(
      'belongs to the ACTIVE episodes of team hem-a, not the ACTIVE episodes of team hem-b',
    );
    expect(refusal(cursor, { team: 'hem-a', status: 'CLOSED' }).issues[0]?.field).toBe('after');
  });

  it('shorten a long received value in the error', () => {
    const error = refusal('x'.repeat(5000));
    expect(String(error.issues[0]?.received).length).toBeLessThanOrEqual(81);
  });
});
