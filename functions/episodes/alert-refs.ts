import type { AlertRecord, AlertRef, EpisodeHead, OpenAlertSummary } from './records.ts';

/**
 * The alerts an episode head keeps (bounded): every unacknowledged alert, those of the current CRS
 * episode (EPI-6: a repeat there updates its alert) and those raised in the last 24 h. A write needs
 * no other alert, so it never reads the episode's alerts.
 */
const DAY_MS = 86_400_000;

export const refOf = (alert: AlertRecord): AlertRef => ({
  id: alert.id,
  SK: alert.SK,
  escalationId: alert.escalationId,
  level: alert.level,
  raisedAt: alert.raisedAt,
  crsEpisode: alert.crsEpisode ?? null,
  acknowledged: alert.acknowledgedAt !== undefined,
  occurrences: alert.occurrences ?? 1,
  text: alert.text,
  sourceRuleIds: alert.sourceRuleIds,
  citations: alert.citations,
  basedOn: alert.basedOn,
  lastRaisedAt: alert.lastRaisedAt ?? alert.raisedAt,
});

export const alertRefsOf = (head: EpisodeHead): readonly AlertRef[] => head.alertRefs ?? [];

/** The refs after a write: new alerts added, repeats counted, acknowledgements set, old ones dropped. */
export const nextAlertRefs = (
  refs: readonly AlertRef[],
  change: {
    readonly raised?: readonly AlertRecord[];
    readonly repeated?: readonly AlertRecord[];
    readonly acknowledged?: string;
    readonly currentCrsEpisode: number | null;
    readonly now: string;
  },
): AlertRef[] => {
  const repeated = new Map((change.repeated ?? []).map((a) => [a.id, a]));
  const updated = refs.map((ref) => {
    const repeat = repeated.get(ref.id);
    const next = repeat
      ? {
          ...ref,
          occurrences: repeat.occurrences ?? ref.occurrences + 1,
          text: repeat.text,
          ...(repeat.lastRaisedAt !== undefined ? { lastRaisedAt: repeat.lastRaisedAt } : {}),
        }
      : ref;
    return change.acknowledged === ref.id ? { ...next, acknowledged: true } : next;
  });
  const all = [...updated, ...(change.raised ?? []).map(refOf)];
  const nowMs = Date.parse(change.now);
  return all.filter(
    (ref) =>
      !ref.acknowledged ||
      (ref.crsEpisode !== null && ref.crsEpisode === change.currentCrsEpisode) ||
      nowMs - Date.parse(ref.raisedAt) < DAY_MS,
  );
};

export const openAlertsOf = (refs: readonly AlertRef[]): OpenAlertSummary[] =>
  refs
    .filter((ref) => !ref.acknowledged)
    .map((ref) => ({ id: ref.id, escalationId: ref.escalationId, level: ref.level, raisedAt: ref.raisedAt }));
