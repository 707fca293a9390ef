import { buildEvaluation, cite, parseInput } from '../core/index.ts';
import type { RuleEvaluation } from '../core/index.ts';
import { messages } from './messages.ts';
import { premedicationInputSchema } from './schemas.ts';
import type { PremedicationInput } from './schemas.ts';

export type PremedicationOutcome = {
  readonly status: 'OK' | 'WARN' | 'UNKNOWN';
  readonly needs: readonly string[];
};

/**
 * INF-4 (§5.2): vital-sign monitoring starts before infusion; corticosteroid premedication to
 * prevent allergy is not recommended → WARN when one is recorded.
 */
export const checkPremedication = (input: PremedicationInput = {}): RuleEvaluation<PremedicationOutcome> => {
  const { steroidPremedication } = parseInput(premedicationInputSchema, input);
  const citation = cite('§5.2');
  const vitals = { ruleId: 'INF-4', text: messages.vitalSignsBeforeInfusion, citation };
  if (steroidPremedication === undefined) {
    return buildEvaluation<PremedicationOutcome>(
      { status: 'UNKNOWN', needs: ['steroidPremedication'] },
      {
        drivers: [{ code: 'needs', ruleId: 'INF-4', text: messages.premedicationNeeded }],
        recommendations: [vitals],
      },
    );
  }
  return steroidPremedication
    ? buildEvaluation<PremedicationOutcome>(
        { status: 'WARN', needs: [] },
        {
          drivers: [{ code: 'steroid-premedication', ruleId: 'INF-4', text: messages.steroidPremedication }],
          recommendations: [{ ruleId: 'INF-4', text: messages.steroidPremedication, citation }, vitals],
        },
      )
    : buildEvaluation<PremedicationOutcome>(
        { status: 'OK', needs: [] },
        {
          drivers: [
            { code: 'no-steroid-premedication', ruleId: 'INF-4', text: messages.noSteroidPremedication },
          ],
          recommendations: [vitals],
        },
      );
};
