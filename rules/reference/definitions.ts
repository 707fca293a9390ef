import type { RuleDefinition } from '../core/index.ts';
import { cite } from '../core/index.ts';
import { messages } from './messages.ts';

/** Reference data served read-only: T1 (studies) and T2 (lymphodepletion regimens, used by LD-2). */
export const definitions: readonly RuleDefinition[] = [
  { id: 'T1', summary: messages.t1Summary, citation: cite('T1') },
  { id: 'T2', summary: messages.t2Summary, citation: cite('§4 T2') },
];
