/**
 * Who is acting, and what they may do. Users see and write only their own teams' episodes; the
 * role decides what they may write.
 */
export const ROLES = ['clinician', 'nurse', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export type Actor = {
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
