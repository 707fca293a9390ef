/**
 * CRS-HLH (§7.1): fever or end-organ toxicity (hypoxia, hypotension) not improved within 12 h of
 * first-line intervention → suspect HLH/MAS.
 *
 * Boundary (Decision, the spec is silent): the 12 hours have passed at exactly 12:00 h, so the
 * alert fires when the time since the intervention is ≥ 12 h (11:59 → reassess at 12:00;
 * 12:00 and 12:01 → suspect HLH/MAS). Either finding not improved is enough ("fever, end-organ
 * toxicity etc. not improved"); a finding that was never present does not count.
 */
import { RULESET, instantMs, parseInput } from '../core/index.ts';
import type { Driver, Recommendation, RuleEvaluation } from '../core/index.ts';
import { CRS_CITATIONS } from './citations.ts';
import { messages } from './messages.ts';
import { hlhCheckInputSchema } from './schemas.ts';
import type { HlhCheck } from './schemas.ts';

export const HLH_NO_IMPROVEMENT_HOURS = 12;
const MS_PER_HOUR = 3_600_000;

export type HlhStatus = 'SUSPECTED' | 'RECHECK' | 'NOT_SUSPECTED';
export type HlhOutcome =
  | { readonly status: 'SUSPECTED' | 'NOT_SUSPECTED'; readonly hoursSinceIntervention: number }
  | { readonly status: 'RECHECK'; readonly hoursSinceIntervention: number; readonly recheckAt: string };

const DRIVERS = {
  fever: Object.freeze({ code: 'fever-not-improved', ruleId: 'CRS-HLH', text: messages.hlhFeverNotImproved }),
  endOrgan: Object.freeze({
    code: 'end-organ-not-improved',
    ruleId: 'CRS-HLH',
    text: messages.hlhEndOrganNotImproved,
  }),
  improved: Object.freeze({
    code: 'improved-or-absent',
    ruleId: 'CRS-HLH',
    text: messages.hlhImprovedOrAbsent,
  }),
} as const;

/** CRS-HLH over validated input. */
export const hlhCheck = (input: HlhCheck): { outcome: HlhOutcome; drivers: Driver[] } => {
  const interventionMs = instantMs(input.firstLineInterventionAt);
  const elapsedMs = instantMs(input.assessedAt) - interventionMs;
  const hoursSinceIntervention = Math.round((elapsedMs / MS_PER_HOUR) * 100) / 100;
  const drivers: Driver[] = [];
  if (input.fever === 'NOT_IMPROVED') drivers.push(DRIVERS.fever);
  if (input.endOrganToxicity === 'NOT_IMPROVED') drivers.push(DRIVERS.endOrgan);
  if (drivers.length === 0)
    return { outcome: { status: 'NOT_SUSPECTED', hoursSinceIntervention }, drivers: [DRIVERS.improved] };

  const thresholdMs = HLH_NO_IMPROVEMENT_HOURS * MS_PER_HOUR;
  drivers.push({
    code: 'hours-since-intervention',
    ruleId: 'CRS-HLH',
    text: messages.hlhHoursSinceIntervention(hoursSinceIntervention),
  });
  if (elapsedMs >= thresholdMs) return { outcome: { status: 'SUSPECTED', hoursSinceIntervention }, drivers };
  const recheckAt = new Date(interventionMs + thresholdMs).toISOString();
  return { outcome: { status: 'RECHECK', hoursSinceIntervention, recheckAt }, drivers };
};

/** Validates a CRS-HLH input and evaluates it (throws RulesInputError on invalid input). */
export const evaluateHlhCheck = (input: unknown): RuleEvaluation<HlhOutcome> => {
  const { outcome, drivers } = hlhCheck(parseInput(hlhCheckInputSchema, input));
  const text =
    outcome.status === 'SUSPECTED'
      ? messages.hlhSuspected
      : outcome.status === 'RECHECK'
        ? messages.hlhRecheck(outcome.recheckAt)
        : messages.hlhNoAlert;
  const recommendation: Recommendation = { ruleId: 'CRS-HLH', text, citation: CRS_CITATIONS.section };
  return {
    outcome,
    drivers,
    recommendations: [recommendation],
    notes: [],
    citations: [CRS_CITATIONS.section],
    ruleset: RULESET.ref,
  };
};
