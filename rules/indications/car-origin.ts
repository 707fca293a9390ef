import { buildEvaluation, cite, parseInput } from '../core/index.ts';
import type { RuleEvaluation } from '../core/index.ts';
import { messages } from './messages.ts';
import { carOriginInputSchema } from './schemas.ts';
import type { CarOrigin, CarOriginInput } from './schemas.ts';

export type CarOriginOutcome = { readonly status: 'INFO'; readonly origin: CarOrigin | null };

/**
 * IND-2 (§2.2), information for product choice: humanised and fully human CARs lower
 * immunogenicity and may persist longer; there are no head-to-head data against murine CARs.
 */
export const describeCarOrigin = (input: CarOriginInput = {}): RuleEvaluation<CarOriginOutcome> => {
  const { origin } = parseInput(carOriginInputSchema, input);
  const citation = cite('§2.2');
  return buildEvaluation<CarOriginOutcome>(
    { status: 'INFO', origin: origin ?? null },
    {
      drivers: [
        {
          code: origin ?? 'unknown',
          ruleId: 'IND-2',
          text: origin ? messages.origin(origin) : messages.originUnknown,
        },
      ],
      notes: [
        { ruleId: 'IND-2', text: messages.humanisedLowerImmunogenicity },
        { ruleId: 'IND-2', text: messages.noHeadToHead },
      ],
      citations: [citation],
    },
  );
};
