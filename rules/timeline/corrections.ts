/**
 * EPI-4 corrections: a correction supersedes exactly one current record; a superseded record
 * cannot be corrected again (the error names its successor, which can be); every derived figure
 * counts only current records, and the audit trail keeps every version.
 */
export type Versioned = {
  readonly id: string;
  /** Set on a correction: the record it supersedes, and whether it retracts it (entered in error). */
  readonly corrects?: string | null | undefined;
  readonly retracted?: boolean | undefined;
};

export type CorrectionIndex = {
  /** Superseded record id → the record that supersedes it. */
  readonly successorOf: ReadonlyMap<string, string>;
  /** Retractions: corrections that remove their record and are not clinical records themselves. */
  readonly retractions: ReadonlySet<string>;
};

export const indexCorrections = (records: readonly Versioned[]): CorrectionIndex => {
  const successorOf = new Map<string, string>();
  const retractions = new Set<string>();
  for (const record of records) {
    if (!record.corrects) continue;
    successorOf.set(record.corrects, record.id);
    if (record.retracted) retractions.add(record.id);
  }
  return { successorOf, retractions };
};

/** A record counts when nothing supersedes it and it is not a retraction. */
export const isCurrent = (index: CorrectionIndex, id: string): boolean =>
  !index.successorOf.has(id) && !index.retractions.has(id);

export const currentRecords = <T extends Versioned>(records: readonly T[]): T[] => {
  const index = indexCorrections(records);
  return records.filter((record) => isCurrent(index, record.id));
};

export type CorrectionRefusal =
  { readonly reason: 'SUPERSEDED'; readonly successor: string } | { readonly reason: 'RETRACTION' };

/**
 * Why `id` cannot be corrected, or null when it can: a superseded record names the record that
 * supersedes it; a retraction is not a clinical record.
 */
export const correctionRefusal = (index: CorrectionIndex, id: string): CorrectionRefusal | null => {
  const successor = index.successorOf.get(id);
  if (successor !== undefined) return { reason: 'SUPERSEDED', successor };
  if (index.retractions.has(id)) return { reason: 'RETRACTION' };
  return null;
};

/** The current version of a record: follows the chain of successors to its end. */
export const currentVersionOf = (index: CorrectionIndex, id: string): string => {
  let current = id;
  for (let hops = 0; hops < 10_000; hops += 1) {
    const next = index.successorOf.get(current);
    if (next === undefined) return current;
    current = next;
  }
  return current;
};
