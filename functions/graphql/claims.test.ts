import { describe, expect, it } from 'vitest';
import { groupsFromClaims, viewerFromClaims } from './claims.ts';

describe('groupsFromClaims', () => {
  it.each([
    [
      ['role:nurse', 'team:hem-a'],
      ['role:nurse', 'team:hem-a'],
    ],
    ['[role:nurse team:hem-a]', ['role:nurse', 'team:hem-a']],
    ['role:nurse,team:hem-a', ['role:nurse', 'team:hem-a']],
    ['[]', []],
    [undefined, []],
  ])('reads %j', (groups, expected) => {
    expect(groupsFromClaims({ 'cognito:groups': groups })).toEqual(expected);
  });
});

describe('viewerFromClaims', () => {
  it('takes the user, the highest role and every team', () => {
    expect(
      viewerFromClaims({
        'cognito:username': 'u-17',
        'cognito:groups': '[team:hem-a role:nurse role:clinician team:hem-b team:hem-a]',
      }),
    ).toEqual({ userId: 'u-17', role: 'clinician', teams: ['hem-a', 'hem-b'] });
  });

  it('falls back to sub for the user id', () => {
    expect(viewerFromClaims({ sub: 'abc', 'cognito:groups': ['role:viewer'] })).toEqual({
      userId: 'abc',
      role: 'viewer',
      teams: [],
    });
  });

  it.each([
    ['no claims', undefined],
    ['no role group', { sub: 'abc', 'cognito:groups': ['team:hem-a'] }],
    ['an unknown role', { sub: 'abc', 'cognito:groups': ['role:admin'] }],
    ['no user id', { 'cognito:groups': ['role:clinician'] }],
  ])('is nobody with %s', (_case, claims) => {
    expect(viewerFromClaims(claims)).toBeNull();
  });

  it('ignores malformed team groups', () => {
    expect(
      viewerFromClaims({ sub: 'a', 'cognito:groups': ['role:viewer', 'team:', 'team:../x', 'team:ok_1'] })
        ?.teams,
    ).toEqual(['ok_1']);
  });
});
