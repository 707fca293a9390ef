import type { DoseCheckProblem, InputIssue } from '#rules';

/**
 * The service's typed failures. GraphQL maps each to its error type in the mutation's result
 * union; Slack turns each into a specific reply. Messages are safe to show (no internals).
 */
export class EpisodeValidationError extends Error {
  readonly issues: readonly InputIssue[];
  constructor(issues: readonly InputIssue[]) {
    super(issues.map((issue) => issue.message).join('; '));
    this.name = 'EpisodeValidationError';
    this.issues = issues;
  }
}

/**
 * TOCI-5 and the TOCI limits: a dose above the computed dose or cap, by a wrong route, or over a
 * TOCI limit, without an override reason. Nothing was written; `problems` say what (each with its
 * rule), so a client can ask for a reason and send the dose again with it.
 */
export class DoseRefusedError extends EpisodeValidationError {
  readonly problems: readonly DoseCheckProblem[];
  constructor(problems: readonly DoseCheckProblem[]) {
    super(
      problems.map((problem) => ({
        field: 'input.overrideReason',
        allowed: `a reason (3–500 characters) to give this dose although ${problem.ruleId}: ${problem.text.en}`,
        received: null,
        message: `Dose refused (${problem.ruleId}): ${problem.text.en}. Nothing was recorded; to record it anyway, give input.overrideReason`,
      })),
    );
    this.name = 'DoseRefusedError';
    this.problems = problems;
  }
}

/** Also what a user gets for another team's episode: indistinguishable from a missing one. */
export class EpisodeNotFoundError extends Error {
  readonly episodeId: string;
  constructor(episodeId: string, what = 'Episode') {
    super(`${what} ${episodeId} not found`);
    this.name = 'EpisodeNotFoundError';
    this.episodeId = episodeId;
  }
}

export class EpisodeConflictError extends Error {
  readonly episodeId: string;
  constructor(
    episodeId: string,
    message = `Episode ${episodeId} changed while this was being saved; nothing was written, try again`,
  ) {
    super(message);
    this.name = 'EpisodeConflictError';
    this.episodeId = episodeId;
  }
}

export class EpisodeForbiddenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EpisodeForbiddenError';
  }
}

/**
 * An idempotency key already used for another operation, or with another input: the first result
 * is never answered for a different request, and nothing was written.
 */
export class IdempotencyConflictError extends Error {
  readonly key: string;
  constructor(key: string, reason: 'OPERATION' | 'INPUT') {
    super(
      reason === 'OPERATION'
        ? `Idempotency key ${key} was already used for another operation; nothing was written. Use a new key for each action`
        : `Idempotency key ${key} was already used with different input; nothing was written. Use a new key for each action`,
    );
    this.name = 'IdempotencyConflictError';
    this.key = key;
  }
}

/**
 * What a write's caller knows when the store gave up: NOT_WRITTEN when every attempt was refused
 * by the store (throttled, unreachable), UNKNOWN when an attempt timed out after it was sent, so
 * the write may have been applied (sending it again with the same idempotency key is safe).
 */
export type WriteOutcome = 'NOT_WRITTEN' | 'UNKNOWN';

/** The store is throttling or unreachable after bounded retries; nothing was written. */
export class StoreUnavailableError extends Error {
  /** NOT_WRITTEN: nothing was stored. UNKNOWN: a write timed out after it was sent (see retry.ts). */
  readonly outcome: WriteOutcome;
  /** A sensible wait before trying again: a throttled table or a stall rarely lasts longer. */
  readonly retryAfterSeconds = 2;
  constructor(message?: string, options?: ErrorOptions & { readonly outcome?: WriteOutcome }) {
    const outcome = options?.outcome ?? 'NOT_WRITTEN';
    super(
      message ??
        (outcome === 'UNKNOWN'
          ? 'The episode store did not answer in time, so it is not known whether this was stored; send it again with the same idempotency key (it is stored at most once)'
          : 'The episode store is busy or unreachable; nothing was written, try again shortly'),
      options,
    );
    this.name = 'StoreUnavailableError';
    this.outcome = outcome;
  }
}
