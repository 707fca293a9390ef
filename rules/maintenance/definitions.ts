import { cite } from '../core/index.ts';
import type { RuleDefinition } from '../core/index.ts';

/** MAINT-1: maintenance after CAR-T (§8). */
export const definitions: readonly RuleDefinition[] = [
  {
    id: 'MAINT-1',
    summary: {
      zh: 'CAR-T细胞治疗后维持治疗尚无循证医学证据(仅提示)',
      en: 'no evidence-based maintenance after CAR-T yet (information only)',
    },
    citation: cite('§8'),
  },
];
