/**
 * The tocilizumab dose check (TOCI-1..4): the dose in mg for this patient, whether a dose is
 * allowed at `at`, and the earliest time a further dose is allowed. `previousDoses` are the doses
 * already given in the span TOCI-4 counts over (config.tocilizumabTotalLimitScope; by default the
 * CRS episode), and the output notes that span beside the printed "总次数不得超过4次". The outcome maps one-to-one
 * onto the contract's TocilizumabDoseCheck (with the evaluation's citations).
 */
import { DEFAULT_RULES_CONFIG, PRINTED_VALUES, RULESET, cite, instantMs, parseInput } from '../core/index.ts';
import type {
  Driver,
  LocalizedText,
  Note,
  Recommendation,
  RuleEvaluation,
  RulesConfig,
  TocilizumabTotalLimitScope,
} from '../core/index.ts';
import { tocilizumabDose } from './dose.ts';
import { formatDuration, messages } from './messages.ts';
import { tocilizumabDoseInputSchema } from './schemas.ts';
import type { TocilizumabDoseRequest } from './schemas.ts';
import { RULE_OF_STATUS, tocilizumabTiming } from './timing.ts';
import type { TocilizumabStatus, TocilizumabTiming } from './timing.ts';

/** The T4 note, where every TOCI rule is printed. */
export const TOCILIZUMAB_CITATION = cite('§7.1 T4');

/** Contract TocilizumabDoseCheck, without the citations (they are the evaluation's). */
export type TocilizumabDoseCheck = {
  readonly doseMg: number;
  readonly status: TocilizumabStatus;
  readonly earliestNextDoseAt: string | null;
  readonly dosesGiven: number;
};

const iso = (ms: number): string => new Date(ms).toISOString();

/** Why a dose is not allowed now (or that it is), in both languages, with the limits in force. */
export const statusText = (
  timing: TocilizumabTiming,
  config: Pick<RulesConfig, 'tocilizumabMaxDosesPer24h' | 'tocilizumabTotalLimitScope'>,
): LocalizedText => {
  const earliest = timing.earliestNextDoseAtMs === null ? '' : iso(timing.earliestNextDoseAtMs);
  switch (timing.status) {
    case 'MAX_TOTAL_REACHED':
      return messages.maxTotalReached(timing.dosesGiven, config.tocilizumabTotalLimitScope);
    case 'MAX_24H_REACHED':
      return messages.max24hReached(timing.dosesInWindow, config.tocilizumabMaxDosesPer24h, earliest);
    case 'TOO_SOON':
      return messages.tooSoon(formatDuration(timing.sinceLastDoseMs ?? 0), earliest);
    case 'ALLOWED':
      return messages.allowed(timing.dosesGiven, config.tocilizumabTotalLimitScope);
  }
};

/** TOCI-3 notes per configured limit, built once (the limit is 1–4). */
const PRINTED_24H_NOTES = new Map<number, readonly Note[]>();

/** TOCI-3: the note stating the consensus' printed 24-hour limit when the configured one differs. */
export const printed24hLimitNotes = (config: RulesConfig): readonly Note[] => {
  const limit = config.tocilizumabMaxDosesPer24h;
  let notes = PRINTED_24H_NOTES.get(limit);
  if (notes === undefined) {
    notes =
      limit === PRINTED_VALUES.tocilizumabMaxDosesPer24h
        ? Object.freeze([])
        : Object.freeze([Object.freeze({ ruleId: 'TOCI-3', text: messages.printed24hLimit(limit) })]);
    PRINTED_24H_NOTES.set(limit, notes);
  }
  return notes;
};

/** TOCI-4 notes per configured scope, built once. */
const PRINTED_TOTAL_NOTES = new Map<TocilizumabTotalLimitScope, Note>();

/**
 * TOCI-4: the note stating the Decision (the span the total of 4 counts over, a deployment setting)
 * beside the printed wording "总次数不得超过4次", which names no span: on every tocilizumab check.
 */
export const printedTotalLimitNote = (config: RulesConfig): Note => {
  const scope = config.tocilizumabTotalLimitScope;
  let note = PRINTED_TOTAL_NOTES.get(scope);
  if (note === undefined) {
    note = Object.freeze({ ruleId: 'TOCI-4', text: messages.printedTotalLimit(scope) });
    PRINTED_TOTAL_NOTES.set(scope, note);
  }
  return note;
};

/** Every note of a tocilizumab check: TOCI-3's printed 24-hour limit (when it differs), TOCI-4's span. */
export const tocilizumabLimitNotes = (config: RulesConfig): readonly Note[] => [
  ...printed24hLimitNotes(config),
  printedTotalLimitNote(config),
];

/** The check for a validated request. */
export const checkTocilizumabDose = (
  request: TocilizumabDoseRequest,
  config: RulesConfig = DEFAULT_RULES_CONFIG,
): { readonly check: TocilizumabDoseCheck; readonly timing: TocilizumabTiming } => {
  const timing = tocilizumabTiming(
    instantMs(request.at),
    request.previousDoses.map((dose) => instantMs(dose)),
    config.tocilizumabMaxDosesPer24h,
  );
  const check: TocilizumabDoseCheck = {
    doseMg: tocilizumabDose(request.weightKg).mg,
    status: timing.status,
    earliestNextDoseAt: timing.earliestNextDoseAtMs === null ? null : iso(timing.earliestNextDoseAtMs),
    dosesGiven: timing.dosesGiven,
  };
  return { check, timing };
};

/** Validates a TocilizumabDoseInput and evaluates it (throws RulesInputError on invalid input). */
export const evaluateTocilizumabDose = (
  input: unknown,
  config: RulesConfig = DEFAULT_RULES_CONFIG,
): RuleEvaluation<TocilizumabDoseCheck> => {
  const request = parseInput(tocilizumabDoseInputSchema, input);
  const { check, timing } = checkTocilizumabDose(request, config);
  const dose = tocilizumabDose(request.weightKg);
  const limit = config.tocilizumabMaxDosesPer24h;
  const scope = config.tocilizumabTotalLimitScope;

  const drivers: Driver[] = [
    { code: 'dose', ruleId: 'TOCI-1', text: messages.driverDose(dose.basis) },
    timing.sinceLastDoseMs === null
      ? { code: 'no-previous-dose', ruleId: 'TOCI-2', text: messages.driverNoPreviousDose(scope) }
      : {
          code: 'since-last-dose',
          ruleId: 'TOCI-2',
          text: messages.driverSinceLast(formatDuration(timing.sinceLastDoseMs)),
        },
    { code: 'doses-in-24h', ruleId: 'TOCI-3', text: messages.driverInWindow(timing.dosesInWindow, limit) },
    { code: 'doses-given', ruleId: 'TOCI-4', text: messages.driverDosesGiven(timing.dosesGiven, scope) },
  ];
  const status = statusText(timing, config);
  const recommendation: Recommendation =
    check.status === 'ALLOWED'
      ? {
          ruleId: 'TOCI-1',
          text: messages.withDose(messages.tocilizumab, dose.mg, status),
          dose,
          citation: TOCILIZUMAB_CITATION,
        }
      : {
          ruleId: RULE_OF_STATUS[check.status],
          text: messages.notNow(messages.tocilizumab, status),
          citation: TOCILIZUMAB_CITATION,
        };
  return {
    outcome: check,
    drivers,
    recommendations: [recommendation],
    notes: tocilizumabLimitNotes(config),
    citations: [TOCILIZUMAB_CITATION],
    ruleset: RULESET.ref,
  };
};
