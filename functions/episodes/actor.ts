/**
 * Who is acting, and what they may do. Users see and write only their own teams' episodes; the
 * role decides what they may write.
 */
export const ROLES = ['clinician', 'nurse', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Every user id names its identity provider, so that no identity from one provider can pass for
 * one from another: `cognito:<sub>` (a verified JWT of the user pool), `slack:<U…>` (a user of the
 * Slack request Slack signed), `system:<name>` (the system's own jobs). A token whose subject is
 * `slack:U0123` becomes `cognito:slack:U0123`, never the Slack user U0123.
 */
export type IdentityProvider = 'cognito' | 'slack' | 'system';

export const userIdFor = (provider: IdentityProvider, id: string): string => `${provider}:${id}`;

/** The Slack user id (U…/W…) of a `slack:` user id; undefined for any other user id. */
export const slackUserIdOf = (userId: string): string | undefined =>
  /^slack:([UW][A-Z0-9]{2,20})$/.exec(userId)?.[1];

export type Actor = {
  /** `<provider>:<id>` (see IdentityProvider). */
  readonly userId: string;
  readonly role: Role;
  readonly teams: readonly string[];
  readonly via: 'graphql' | 'slack' | 'system';
};

export type Permission = 'read' | 'create' | 'record-observation' | 'record-dose' | 'acknowledge' | 'close';

/** clinician: everything; nurse: record vital signs, neuro assessments and labs, and read; viewer: read. */
const GRANTS: Readonly<Record<Role, ReadonlySet<Permission>>> = {
  clinician: new Set<Permission>([
    'read',
    'create',
    'record-observation',
    'record-dose',
    'acknowledge',
    'close',
  ]),
  nurse: new Set<Permission>(['read', 'record-observation']),
  viewer: new Set<Permission>(['read']),
};

export const may = (actor: Actor, permission: Permission): boolean => GRANTS[actor.role].has(permission);
export const inTeam = (actor: Actor, team: string): boolean => actor.teams.includes(team);
