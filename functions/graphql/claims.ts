import { userIdFor } from '../episodes/actor.ts';
import type { Role, Viewer } from '../../schema/index.ts';

/** JWT claims as API Gateway's JWT authorizer passes them (arrays may arrive as "[a b]" strings). */
export type Claims = Readonly<Record<string, string | number | boolean | readonly string[] | undefined>>;

const ROLE_GROUP = /^role:(clinician|nurse|viewer)$/;
const TEAM_GROUP = /^team:([A-Za-z0-9][A-Za-z0-9_-]{0,63})$/;
/** Administrators of this app (the Cognito group that, like SLACK_ADMIN_USER_IDS, may change team settings). */
export const ADMIN_GROUP = 'admin';
const RANK: Readonly<Record<Role, number>> = { clinician: 3, nurse: 2, viewer: 1 };

/** Cognito groups from the claim, whether an array, the authorizer's "[a b]" form or "a,b". */
export const groupsFromClaims = (claims: Claims): string[] => {
  const raw = claims['cognito:groups'];
  if (Array.isArray(raw)) return raw.map(String);
  if (typeof raw !== 'string') return [];
  return raw
    .replace(/^\[|\]$/g, '')
    .split(/[\s,]+/)
    .filter((group) => group !== '');
};

/**
 * The viewer from verified claims: user id `cognito:<sub>` (the user pool's immutable subject, in
 * the token provider's namespace, so no token can act as a Slack user), highest role
 * (`role:<role>` groups), teams (`team:<id>` groups) and whether an administrator (`admin`). No subject or no role group means no
 * access beyond the public calculators.
 */
export const viewerFromClaims = (claims: Claims | undefined): Viewer | null => {
  if (!claims) return null;
  const subject = claims.sub;
  if (typeof subject !== 'string' || subject === '') return null;
  const userId = userIdFor('cognito', subject);
  const groups = groupsFromClaims(claims);
  const roles = groups.flatMap((group) => ROLE_GROUP.exec(group)?.[1] ?? []) as Role[];
  const role = roles.sort((a, b) => RANK[b] - RANK[a])[0];
  if (!role) return null;
  const teams = [...new Set(groups.flatMap((group) => TEAM_GROUP.exec(group)?.[1] ?? []))];
  return groups.includes(ADMIN_GROUP) ? { userId, role, teams, admin: true } : { userId, role, teams };
};
