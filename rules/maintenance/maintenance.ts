import { buildEvaluation, cite, parseInput } from '../core/index.ts';
import type { RuleEvaluation } from '../core/index.ts';
import { messages } from './messages.ts';
import { maintenanceInputSchema } from './schemas.ts';
import type { MaintenanceInput } from './schemas.ts';

export type MaintenanceOutcome = {
  /** Always false: the consensus knows no evidence-based maintenance after CAR-T (§8). */
  readonly evidenceBasedMaintenance: false;
};

/**
 * MAINT-1 (§8), information only: no evidence-based maintenance after CAR-T yet (options under
 * study: stem-cell transplantation, immunomodulators, immune microenvironment); median PFS
 * 8.8–11.8 months (22.7 at the best centre); ~70 % of sCR/CR patients remain in remission at 1 year.
 */
export const maintenanceInformation = (input: MaintenanceInput = {}): RuleEvaluation<MaintenanceOutcome> => {
  const { responseCategory } = parseInput(maintenanceInputSchema, input);
  const completeResponse = responseCategory === 'sCR' || responseCategory === 'CR';
  return buildEvaluation<MaintenanceOutcome>(
    { evidenceBasedMaintenance: false },
    {
      drivers: [{ code: 'no-evidence', ruleId: 'MAINT-1', text: messages.noEvidence }],
      notes: [
        { ruleId: 'MAINT-1', text: messages.underStudy },
        { ruleId: 'MAINT-1', text: messages.relapseChallenge },
        { ruleId: 'MAINT-1', text: messages.medianPfs },
        ...(completeResponse || responseCategory === undefined
          ? [{ ruleId: 'MAINT-1', text: messages.remissionAtOneYear }]
          : []),
      ],
      citations: [cite('§8')],
    },
  );
};
