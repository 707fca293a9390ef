/**
 * The timeline fold: `step(state, record, context) → result`, pure, time always an argument.
 * Records are folded in the timeline's order (order.ts); folding every record from the start equals
 * stepping one at a time. A record that sorts before the last one folded (entered late, or a
 * correction) needs a re-fold from a state before it: see fold.ts.
 */
import { RulesInputError } from '../core/index.ts';
import type { StepResult } from './derivation.ts';
import { stepDeath } from './death-step.ts';
import { stepDose } from './dose-step.ts';
import { stepNeuro } from './neuro-step.ts';
import { sortKeyOf, appendsTo } from './order.ts';
import type { TimelineRecord } from './records.ts';
import type { TimelinePatient, TimelineSettings } from './settings.ts';
import type { TimelineState } from './state.ts';
import { stepVitals } from './vitals-step.ts';

export type TimelineContext = {
  readonly patient: TimelinePatient;
  readonly settings: TimelineSettings;
};

export const step = (state: TimelineState, record: TimelineRecord, context: TimelineContext): StepResult => {
  if (!appendsTo(state, record))
    throw new RulesInputError([
      {
        field: 'record.at',
        allowed: `a record that sorts after the last one folded (${state.last?.at ?? 'none'}); re-fold instead`,
        received: record.at,
        message: `record ${record.id} at ${record.at} sorts before the last record folded; re-fold from before it`,
      },
    ]);
  const { patient, settings } = context;
  const result =
    record.kind === 'VITALS'
      ? stepVitals(state, record, patient, settings)
      : record.kind === 'NEURO'
        ? stepNeuro(state, record, patient, settings)
        : record.kind === 'DOSE'
          ? stepDose(state, record, patient, settings)
          : stepDeath(state, record);
  return {
    ...result,
    state: { ...result.state, last: sortKeyOf(record), recordCount: result.state.recordCount + 1 },
  };
};
