import { RULE_OF_STATUS, checkTocilizumabDose, statusText, type Language, type RulesConfig } from '#rules';
import { esc, tr } from './blocks.ts';
import { LABELS } from './labels.ts';

/** The episode facts the tocilizumab check reads. */
export type TocilizumabFacts = {
  readonly weightKg: number;
  readonly summary: { readonly tocilizumabDoseTimes: readonly string[] };
};

/**
 * TOCI-1..4 for this patient at `now`: the dose in mg (8 mg/kg, at most 800 mg) and whether a dose
 * is allowed now, with the earliest next time when it is not. Doses recorded after `now` (a device
 * clock slightly ahead) count as given now.
 */
export const tocilizumabNow = (episode: TocilizumabFacts, now: Date, config: RulesConfig) =>
  checkTocilizumabDose(tocilizumabInputAt(episode, now), config);

/** The TOCI input for a dose at `now`; a dose recorded after `now` counts as given now, never as not given. */
export const tocilizumabInputAt = (episode: TocilizumabFacts, now: Date) => {
  const at = now.toISOString();
  const previousDoses = episode.summary.tocilizumabDoseTimes.map((time) =>
    Date.parse(time) > now.getTime() ? at : time,
  );
  return { weightKg: episode.weightKg, at, previousDoses };
};

/** `:syringe: Tocilizumab 560 mg — allowed now (0 of at most 4 doses given in this episode) (TOCI-1)`. */
export const tocilizumabStatusLine = (
  episode: TocilizumabFacts,
  now: Date,
  config: RulesConfig,
  language: Language,
): string => {
  const { check, timing } = tocilizumabNow(episode, now, config);
  const status = esc(tr(statusText(timing, config), language));
  return `:syringe: *${tr(LABELS.tocilizumab, language)} ${check.doseMg} mg* — ${status} _(${RULE_OF_STATUS[check.status]})_`;
};
