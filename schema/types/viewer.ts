import type { Viewer } from '../context.ts';
import { builder } from '../builder.ts';
import { RoleEnum } from './author.ts';

/**
 * Who is signed in, from the verified token (never from the request): what a frontend shows and
 * which teams it may list, without decoding the JWT itself.
 */
const ViewerType = builder.objectRef<Viewer>('Viewer').implement({
  description: 'The signed-in user, as the verified token says.',
  fields: (t) => ({
    id: t.exposeID('userId', {
      description: 'The user id with its identity provider, e.g. "cognito:3f2a…" (pseudonymous).',
    }),
    displayName: t.string({
      description: 'The id without its provider, for display (no personal name is kept).',
      resolve: (viewer) => viewer.userId.slice(viewer.userId.indexOf(':') + 1),
    }),
    role: t.field({ type: RoleEnum, resolve: (viewer) => viewer.role }),
    teams: t.stringList({
      description: 'The teams whose episodes this user may read.',
      resolve: (viewer) => [...viewer.teams],
    }),
  }),
});

builder.queryField('viewer', (t) =>
  t.field({
    type: ViewerType,
    nullable: true,
    description: 'The signed-in user; null without a valid token (the public calculators need none).',
    resolve: (_root, _args, context) => context.viewer,
  }),
);
