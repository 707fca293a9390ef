import type { Language } from '#rules';

/** Roles, from the most to the least privileged. */
export const ROLES = ['clinician', 'nurse', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** The signed-in user, from verified JWT claims (never from the request body). */
export type Viewer = {
  readonly userId: string;
  readonly role: Role;
  readonly teams: readonly string[];
};

/** Per-request context every resolver receives. */
export type GraphQLContext = {
  readonly viewer: Viewer | null;
  /** From the request's Accept-Language (zh-CN or en); an operation's `language` argument overrides it. */
  readonly language: Language;
  readonly requestId: string;
};
