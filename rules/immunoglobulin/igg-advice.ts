import { addMonths, buildEvaluation, cite, parseInput } from '../core/index.ts';
import type { LocalizedText, Note, Recommendation, RuleEvaluation } from '../core/index.ts';
import { messages } from './messages.ts';
import { immunoglobulinInputSchema } from './schemas.ts';
import type { ImmunoglobulinInput } from './schemas.ts';

/** IG-2: IgG strictly below 4 g/L → IVIG. IG-3: 4 ≤ IgG ≤ 6 g/L with infection → IVIG. IG-4: IgG > 6 g/L with infection. */
export const IGG_IVIG_BELOW_G_PER_L = 4;
export const IGG_IVIG_WITH_INFECTION_MAX_G_PER_L = 6;
/** IG-1: monthly IgG for the first 3 months. */
export const IGG_MONITORING_MONTHS = [1, 2, 3] as const;

export type ImmunoglobulinOutcome = {
  /** IVIG (IG-2, IG-3), EVALUATE (IG-4), MONITOR, or UNKNOWN (needs IgG or the infection status). */
  readonly status: 'IVIG' | 'EVALUATE_IMMUNOGLOBULINS_AND_B_CELLS' | 'MONITOR' | 'UNKNOWN';
  /** The rule that decided: IG-2, IG-3, IG-4, or IG-1 (monitoring only). */
  readonly ruleId: 'IG-1' | 'IG-2' | 'IG-3' | 'IG-4';
  readonly needs: readonly string[];
  /** IG-1: the monthly IgG dates for the first 3 months after infusion; null without the infusion date. */
  readonly monitoringDates: readonly string[] | null;
};

type Decision = Pick<ImmunoglobulinOutcome, 'status' | 'ruleId' | 'needs'> & { readonly text: LocalizedText };

/**
 * IG-2 … IG-4 (§7.4). Boundaries: exactly 4 g/L and exactly 6 g/L belong to IG-3. Where the
 * infection status decides (IgG ≥ 4) and is missing, the answer is UNKNOWN, never "monitor".
 */
const decide = (igG: number | undefined, infection: boolean | undefined): Decision => {
  if (igG === undefined)
    return { status: 'UNKNOWN', ruleId: 'IG-1', needs: ['igGGPerL'], text: messages.igGNeeded };
  if (igG < IGG_IVIG_BELOW_G_PER_L)
    return { status: 'IVIG', ruleId: 'IG-2', needs: [], text: messages.ivigLow(igG) };
  const band = igG <= IGG_IVIG_WITH_INFECTION_MAX_G_PER_L ? 'IG-3' : 'IG-4';
  if (infection === undefined)
    return { status: 'UNKNOWN', ruleId: band, needs: ['infection'], text: messages.infectionNeeded(igG) };
  if (!infection) return { status: 'MONITOR', ruleId: 'IG-1', needs: [], text: messages.monitor(igG) };
  return band === 'IG-3'
    ? { status: 'IVIG', ruleId: 'IG-3', needs: [], text: messages.ivigWithInfection(igG) }
    : {
        status: 'EVALUATE_IMMUNOGLOBULINS_AND_B_CELLS',
        ruleId: 'IG-4',
        needs: [],
        text: messages.evaluateImmunoglobulins(igG),
      };
};

/**
 * IG-1 … IG-4 (§7.4): hypogammaglobulinaemia after CAR-T. IgG < 4 g/L → IVIG; 4–6 g/L with
 * infection → IVIG; > 6 g/L with infection → measure IgG, IgA, IgM and B cells; otherwise monitor
 * (monthly IgG for the first 3 months, with the dates when the infusion date is given).
 */
export const immunoglobulinAdvice = (
  input: ImmunoglobulinInput = {},
): RuleEvaluation<ImmunoglobulinOutcome> => {
  const { igGGPerL, infection, infusionDate } = parseInput(immunoglobulinInputSchema, input);
  const citation = cite('§7.4');
  const decision = decide(igGGPerL, infection);
  const monitoringDates =
    infusionDate === undefined ? null : IGG_MONITORING_MONTHS.map((m) => addMonths(infusionDate, m));
  const recommendations: Recommendation[] = [
    ...(decision.status === 'IVIG' || decision.status === 'EVALUATE_IMMUNOGLOBULINS_AND_B_CELLS'
      ? [{ ruleId: decision.ruleId, text: decision.text, citation }]
      : []),
    {
      ruleId: 'IG-1',
      text: monitoringDates ? messages.monthlyIgGDates(monitoringDates) : messages.monthlyIgG,
      citation,
    },
  ];
  const notes: Note[] = [
    { ruleId: 'IG-1', text: messages.bCellRecovery },
    ...(decision.status === 'IVIG' ? [{ ruleId: decision.ruleId, text: messages.noIvigDose }] : []),
  ];
  return buildEvaluation<ImmunoglobulinOutcome>(
    { status: decision.status, ruleId: decision.ruleId, needs: decision.needs, monitoringDates },
    {
      drivers: [{ code: decision.status, ruleId: decision.ruleId, text: decision.text }],
      recommendations,
      notes,
      citations: [citation],
    },
  );
};
