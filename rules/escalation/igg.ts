/**
 * ESC-IGG (warning): an IgG result needing IVIG replacement — IG-2 (IgG < 4 g/L) or IG-3
 * (IgG 4–6 g/L with infection), as decided by the IgG rules.
 */
import { messages } from './messages.ts';
import { trigger } from './trigger.ts';
import type { EscalationTrigger } from './types.ts';

const IVIG_RULES = {
  'IG-2': messages.iggBelow4,
  'IG-3': messages.igg4To6WithInfection,
} as const;

const needsIvig = (ruleId: string): ruleId is keyof typeof IVIG_RULES => Object.hasOwn(IVIG_RULES, ruleId);

export const escalateIgg = (result: { readonly igRuleId: string }): EscalationTrigger | null =>
  needsIvig(result.igRuleId) ? trigger('ESC-IGG', IVIG_RULES[result.igRuleId], [result.igRuleId]) : null;
