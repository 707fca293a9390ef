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
  it('takes the subject in the cognito namespace, the highest role and every team', () => {
    expect(
      viewerFromClaims({
        sub: '3f2a9c1e-17',
        'cognito:username': 'u-17',
        'cognito:groups': '[team:hem-a role:nurse role:clinician team:hem-b team:hem-a]',
      }),
    ).toEqual({ userId: 'cognito:3f2a9c1e-17', role: 'clinician', teams: ['hem-a', 'hem-b'] });
  });

  it('a token whose subject or username names a Slack user is still a cognito user', () => {
    expect(
      viewerFromClaims({
        sub: 'slack:U0ADMIN',
        username: 'slack:U0ADMIN',
        'cognito:groups': ['role:clinician'],
      })?.userId,
    ).toBe('cognito:slack:U0ADMIN');
  });

  it.each([
    ['no claims', undefined],
    ['no role group', { sub: 'abc', 'cognito:groups': ['team:hem-a'] }],
    ['an unknown role', { sub: 'abc', 'cognito:groups': ['role:admin'] }],
    ['no subject', { 'cognito:groups': ['role:clinician'] }],
    ['a username but no subject', { 'cognito:username': 'u-17', 'cognito:groups': ['role:clinician'] }],
    ['an empty subject', { sub: '', 'cognito:groups': ['role:clinician'] }],
  ])('is nobody with %s', (_case, claims) => {
    expect(viewerFromClaims(claims)).toBeNull();
  });

  it('ignores malformed team groups', () => {
    expect(
      viewerFromClaims({ sub: 'a', 'cognito:groups': ['role:viewer', 'team:', 'team:../x', 'team:ok_1'] })
        ?.teams,
    ).toEqual(['ok_1']);
  });

  it('is an administrator only with the admin group, which gives no role by itself', () => {
    expect(viewerFromClaims({ sub: 'a', 'cognito:groups': ['role:clinician', 'admin'] })?.admin).toBe(true);
    expect(viewerFromClaims({ sub: 'a', 'cognito:groups': '[role:viewer admin]' })?.admin).toBe(true);
    expect(viewerFromClaims({ sub: 'a', 'cognito:groups': ['role:clinician', 'team:admin'] })?.admin).toBe(
      undefined,
    );
    expect(viewerFromClaims({ sub: 'a', 'cognito:groups': ['admin'] })).toBeNull();
  });
});
