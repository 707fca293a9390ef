import { RULESET } from '#rules';
import { builder } from '../builder.ts';

const Health = builder.objectRef<{ readonly status: 'ok' }>('Health').implement({
  description: 'Liveness of the API and the clinical ruleset it serves.',
  fields: (t) => ({
    status: t.exposeString('status'),
    ruleset: t.string({
      description: 'Ruleset identifier and version, e.g. cn-mm-cart-2022@1.',
      resolve: () => RULESET.ref,
    }),
  }),
});

builder.queryType({
  fields: (t) => ({
    health: t.field({
      type: Health,
      description: 'Is the API up, and which ruleset does it use?',
      resolve: () => ({ status: 'ok' as const }),
    }),
  }),
});
