/**
 * TOCI-5 and the TOCI limits on the timeline: what is wrong with a dose before it is stored. A
 * dose above the computed dose or cap, by a wrong route, or over a TOCI limit (TOCI-2..4) is refused
 * unless it carries an override reason; with a reason it is stored, the reason kept, and ESC-DOSE
 * or ESC-TOCI raised.
 */
import { localTimeText } from '../core/index.ts';
import type { LocalizedText } from '../core/index.ts';
import { dosePlausibility, type DosePlausibility } from '../dose-safety/plausibility.ts';
import type { DoseDrug } from '../dose-safety/schemas.ts';
import { RULE_OF_STATUS } from '../tocilizumab/timing.ts';
import { messages } from './messages.ts';
import type { TimelineDose } from './records.ts';
import type { TimelinePatient, TimelineSettings } from './settings.ts';
import type { TimelineState } from './state.ts';
import { tocilizumabStatusAt, type TocilizumabStatusAt } from './tocilizumab-status.ts';

export type DoseCheckProblem = {
  readonly code: 'TOCILIZUMAB_LIMIT' | 'ABOVE_COMPUTED_DOSE' | 'ABOVE_CAP' | 'WRONG_ROUTE';
  readonly ruleId: string;
  readonly text: LocalizedText;
};

export type DoseCheck = {
  /** TOCI status at the dose's time, before it (tocilizumab only). */
  readonly tocilizumab: TocilizumabStatusAt | null;
  /** TOCI-5: the dose against the dose the rules compute for this patient. */
  readonly plausibility: DosePlausibility | null;
  readonly problems: readonly DoseCheckProblem[];
};

const CHECKED_DRUGS: ReadonlySet<string> = new Set(['TOCILIZUMAB', 'DEXAMETHASONE', 'METHYLPREDNISOLONE']);

export const checkDose = (
  state: TimelineState,
  dose: Omit<TimelineDose, 'kind' | 'id'>,
  patient: TimelinePatient,
  settings: TimelineSettings,
): DoseCheck => {
  const problems: DoseCheckProblem[] = [];
  const plausibility = CHECKED_DRUGS.has(dose.drug)
    ? dosePlausibility({
        drug: dose.drug as DoseDrug,
        mg: dose.mg,
        route: dose.route,
        weightKg: patient.weightKg,
      })
    : null;
  for (const problem of plausibility?.problems ?? []) problems.push(problem);
  let tocilizumab: TocilizumabStatusAt | null = null;
  if (dose.drug === 'TOCILIZUMAB') {
    tocilizumab = tocilizumabStatusAt(state, dose.at, settings);
    if (tocilizumab.status !== 'ALLOWED')
      problems.push({
        code: 'TOCILIZUMAB_LIMIT',
        ruleId: RULE_OF_STATUS[tocilizumab.status],
        text: tocilizumabStatusText(tocilizumab, settings),
      });
  }
  return { tocilizumab, plausibility, problems };
};

/** The TOCI status in words, with local times (EPI-7). */
export const tocilizumabStatusText = (
  status: TocilizumabStatusAt,
  settings: TimelineSettings,
): LocalizedText => {
  const local = (iso: string | null): LocalizedText =>
    iso === null ? { zh: '—', en: '—' } : localTimeText(iso, settings.timeZone);
  switch (status.status) {
    case 'MAX_TOTAL_REACHED':
      return messages.tocilizumabMaxTotal(status.dosesCounted, status.scope);
    case 'MAX_24H_REACHED':
      return messages.tocilizumabMax24h(
        status.dosesIn24h,
        settings.tocilizumabMaxDosesPer24h,
        local(status.earliestNextDoseAt),
      );
    case 'TOO_SOON':
      return messages.tocilizumabTooSoon(local(status.lastDoseAt), local(status.earliestNextDoseAt));
    case 'ALLOWED':
      return messages.tocilizumabAllowed(status.dosesCounted);
  }
};
