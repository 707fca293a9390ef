import * as z from 'zod/mini';
import { isoDateTimeSchema, weightKgSchema } from '../core/index.ts';

/** An episode holds at most a handful of doses; the bound only stops absurd payloads. */
const MAX_DOSE_HISTORY = 100;

/** Times of tocilizumab doses already given in this CRS episode (TOCI-2..4). */
export const doseHistorySchema = z.array(isoDateTimeSchema).check(z.maxLength(MAX_DOSE_HISTORY));

type RefinementContext = z.core.$RefinementCtx;

/** Milliseconds of an instant, or NaN when it is not one (its own field error then reports it). */
const msOf = (value: unknown): number => (typeof value === 'string' ? Date.parse(value) : Number.NaN);

/** Every dose in the history must have been given at or before `at` (a history in the future is invalid). */
export const refineDoseHistory = (
  doses: readonly string[] | null | undefined,
  at: string | null | undefined,
  ctx: RefinementContext,
  names: { readonly doses: string; readonly at: string },
): void => {
  if (!doses || doses.length === 0) return;
  if (at == null) {
    ctx.addIssue({
      code: 'custom',
      path: [names.at],
      message: `an ISO 8601 date-time with offset (when the next dose would be given), required with ${names.doses}`,
      input: at,
    });
    return;
  }
  const atMs = msOf(at);
  if (Number.isNaN(atMs)) return;
  doses.forEach((dose, index) => {
    if (msOf(dose) > atMs) {
      ctx.addIssue({
        code: 'custom',
        path: [names.doses, index],
        message: `a time at or before ${names.at} (${at}); a dose history cannot lie in the future`,
        input: dose,
      });
    }
  });
};

/**
 * Contract input TocilizumabDoseInput: weightKg, at, previousDoses (default []). A weight below 20 kg
 * or above 350 kg (adults, §2.1; the same bounds as lymphodepletion) is invalid input.
 */
export const tocilizumabDoseInputSchema = z
  .strictObject({
    weightKg: weightKgSchema,
    at: isoDateTimeSchema,
    previousDoses: z._default(doseHistorySchema, []),
  })
  .check(
    z.superRefine((value, ctx) => {
      refineDoseHistory(value.previousDoses, value.at, ctx, { doses: 'previousDoses', at: 'at' });
    }),
  );

export type TocilizumabDoseInput = z.input<typeof tocilizumabDoseInputSchema>;
/** A validated dose request. */
export type TocilizumabDoseRequest = {
  readonly weightKg: number;
  readonly at: string;
  readonly previousDoses: readonly string[];
};

/**
 * Optional fields that let a CRS or ICANS evaluation check its tocilizumab advice against the TOCI
 * limits: the patient's weight, the time of the assessment (when a dose would be given) and the
 * doses already given in this episode. Omitted history = unknown history: the advice then says so.
 */
export const tocilizumabContextShape = {
  weightKg: z.nullish(weightKgSchema),
  assessedAt: z.nullish(isoDateTimeSchema),
  previousTocilizumabDoses: z.nullish(doseHistorySchema),
};

export type TocilizumabContext = {
  readonly weightKg?: number | null | undefined;
  readonly assessedAt?: string | null | undefined;
  readonly previousTocilizumabDoses?: readonly string[] | null | undefined;
};

export const refineTocilizumabContext = (value: TocilizumabContext, ctx: RefinementContext): void => {
  refineDoseHistory(value.previousTocilizumabDoses, value.assessedAt, ctx, {
    doses: 'previousTocilizumabDoses',
    at: 'assessedAt',
  });
};
