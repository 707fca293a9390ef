/** Edit distance with transpositions (optimal string alignment): `tmp`→`temp` 1, `spo2`→`sp02` 1. */
export const editDistance = (a: string, b: string): number => {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number): number => d[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i < rows; i += 1) {
    for (let j = 1; j < cols; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, at(i - 2, j - 2) + 1);
      const row = d[i];
      if (row) row[j] = best;
    }
  }
  return at(a.length, b.length);
};

/** No field, subcommand or value name is near this long: longer words get no suggestion. */
export const MAX_SUGGESTED_WORD_LENGTH = 40;

/**
 * The candidate nearest to `word`, if near enough to be a typo: one edit for words of two to four
 * letters, two for longer ones (a single letter suggests nothing). Ties go to the earlier
 * candidate (list canonical names first).
 */
export const closest = (
  word: string,
  candidates: readonly { readonly alias: string; readonly canonical: string }[],
): string | undefined => {
  const limit = word.length <= 1 ? 0 : word.length <= 4 ? 1 : 2;
  // Bounded cost whatever is typed: a word longer than every candidate by more than the limit is
  // no typo of any (the distance is at least the difference in length), and only candidates
  // within the limit in length are compared, each in at most (limit + length)² steps.
  if (word.length > MAX_SUGGESTED_WORD_LENGTH) return undefined;
  const w = word.toLowerCase();
  let best: { canonical: string; distance: number } | undefined;
  for (const { alias, canonical } of candidates) {
    if (Math.abs(alias.length - w.length) > limit) continue;
    const distance = editDistance(w, alias.toLowerCase());
    if (distance > 0 && distance <= limit && (!best || distance < best.distance))
      best = { canonical, distance };
  }
  return best?.canonical;
};
