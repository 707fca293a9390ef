import type { Author, Role } from '#episodes';
import { builder } from '../builder.ts';

/** Who wrote a record or acknowledged an alert, and through which door (audit trail). */
export const RoleEnum = builder.enumType('Role', {
  description:
    'clinician: everything; nurse: record vital signs, neuro assessments and labs, and read; viewer: read.',
  values: {
    CLINICIAN: { value: 'clinician' },
    NURSE: { value: 'nurse' },
    VIEWER: { value: 'viewer' },
  } as const satisfies Record<string, { value: Role }>,
});

export const ChannelEnum = builder.enumType('Channel', {
  description: 'Through which door a record was written.',
  values: {
    GRAPHQL: { value: 'graphql' },
    SLACK: { value: 'slack' },
    SYSTEM: { value: 'system', description: 'Written by the platform itself (e.g. the sweeper).' },
  } as const,
});

export const AuthorType = builder.objectRef<Author>('Author').implement({
  description: 'A user (pseudonymous user id) with the role they held when they acted.',
  fields: (t) => ({
    userId: t.exposeString('userId'),
    role: t.field({ type: RoleEnum, resolve: (author) => author.role }),
    via: t.field({ type: ChannelEnum, resolve: (author) => author.via }),
  }),
});
