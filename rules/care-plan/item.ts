import type { Citation, Dose, LocalizedText } from '../core/index.ts';
import type { CarePlanKind, CarePlanPhase, CarePlanStatus } from './schemas.ts';

/**
 * One item of the care plan (PLAN-1): what to do, from which rule, when, and where it stands today.
 * A check has a `dueDate` (or, for the screening, a `dueBefore`); a course has a `startDate` and a
 * `stopDate` or `earliestStopDate` where the consensus gives one. A date that cannot be known from
 * the input stays null and `needs` names the input it comes from; no date is ever guessed.
 */
export type CarePlanItem = {
  /** Stable within a plan, e.g. "INFX-3-PNEUMOCYSTIS", "IG-1-M2", "FU-1-D14". */
  readonly key: string;
  readonly ruleId: string;
  readonly kind: CarePlanKind;
  readonly phase: CarePlanPhase;
  /** What to do. */
  readonly text: LocalizedText;
  /** When, with the dates, or what is missing to date it. */
  readonly timing: LocalizedText;
  readonly status: CarePlanStatus;
  readonly dueDate: string | null;
  readonly dueBefore: string | null;
  readonly startDate: string | null;
  readonly stopDate: string | null;
  readonly earliestStopDate: string | null;
  readonly needs: readonly string[];
  readonly dose: Dose | null;
  readonly citation: Citation;
};

type Required = Pick<
  CarePlanItem,
  'key' | 'ruleId' | 'kind' | 'phase' | 'text' | 'timing' | 'status' | 'citation'
>;

/** An item with every date it does not set null and nothing needed. */
export const planItem = (fields: Required & Partial<CarePlanItem>): CarePlanItem => ({
  dueDate: null,
  dueBefore: null,
  startDate: null,
  stopDate: null,
  earliestStopDate: null,
  needs: [],
  dose: null,
  ...fields,
});

/** A check on a date: UPCOMING before it, DUE on it, DONE after it. */
export const checkStatus = (date: string, today: string): CarePlanStatus =>
  today < date ? 'UPCOMING' : today === date ? 'DUE' : 'DONE';

/** A course from `start`: UPCOMING before it, ACTIVE from it, DONE from its stop day (when known). */
export const courseStatus = (start: string, stop: string | null, today: string): CarePlanStatus =>
  today < start ? 'UPCOMING' : stop !== null && today >= stop ? 'DONE' : 'ACTIVE';
