import { builder } from '../builder.ts';

/** The mutation root: each type file adds its own mutations (builder.mutationField). */
builder.mutationType({
  description:
    'Episode writes. Each answers with a result union: its success type or a typed error (nothing written).',
});
