import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES_CONFIG } from '../core/index.ts';
import { localizedTextProblems } from '../core/text-check.ts';
import { evaluateTocilizumabDose } from './check.ts';
import { tocilizumabDoseMg } from './dose.ts';
import { tocilizumabTiming } from './timing.ts';

const HOUR = 3_600_000;
const AT_MS = Date.parse('2026-03-02T12:00:00Z');
/** Up to 6 previous doses within the 4 days before `at`, at minute resolution. */
const history = fc
  .array(fc.integer({ min: 0, max: 96 * 60 }), { maxLength: 6 })
  .map((minutesBefore) => minutesBefore.map((m) => AT_MS - m * 60_000));
const limit = fc.integer({ min: 1, max: 4 });
const weight = fc.double({ min: 20, max: 350, noNaN: true });

describe('TOCI properties', () => {
  it('TOCI-1: the dose never exceeds 800 mg and is 8 mg/kg rounded below the cap', () => {
    fc.assert(
      fc.property(weight, (kg) => {
        const mg = tocilizumabDoseMg(kg);
        expect(mg).toBeLessThanOrEqual(800);
        expect(mg).toBeGreaterThanOrEqual(0);
        if (8 * kg < 799.5) expect(Math.abs(mg - 8 * kg)).toBeLessThanOrEqual(0.5);
      }),
      { numRuns: 5000 },
    );
  });

  it('TOCI-2/TOCI-3: earliestNextDoseAt is never before `at`, and null only when the total is reached', () => {
    fc.assert(
      fc.property(history, limit, (doses, maxPer24h) => {
        const timing = tocilizumabTiming(AT_MS, doses, maxPer24h);
        if (timing.status === 'MAX_TOTAL_REACHED') expect(timing.earliestNextDoseAtMs).toBeNull();
        else expect(timing.earliestNextDoseAtMs).toBeGreaterThanOrEqual(AT_MS);
        expect(timing.status === 'ALLOWED').toBe(
          timing.earliestNextDoseAtMs === AT_MS && timing.dosesGiven < 4,
        );
      }),
      { numRuns: 3000 },
    );
  });

  it('TOCI-2/TOCI-3: a dose at earliestNextDoseAt is allowed; one millisecond earlier is not', () => {
    fc.assert(
      fc.property(history, limit, (doses, maxPer24h) => {
        const earliest = tocilizumabTiming(AT_MS, doses, maxPer24h).earliestNextDoseAtMs;
        if (earliest === null) return;
        expect(tocilizumabTiming(earliest, doses, maxPer24h).status).toBe('ALLOWED');
        if (earliest > AT_MS)
          expect(tocilizumabTiming(earliest - 1, doses, maxPer24h).status).not.toBe('ALLOWED');
      }),
      { numRuns: 3000 },
    );
  });

  it('TOCI-2: ALLOWED always means ≥ 8 h since the last dose; TOCI-3: fewer than the limit in the window', () => {
    fc.assert(
      fc.property(history, limit, (doses, maxPer24h) => {
        const timing = tocilizumabTiming(AT_MS, doses, maxPer24h);
        if (timing.status !== 'ALLOWED') return;
        for (const dose of doses) expect(AT_MS - dose).toBeGreaterThanOrEqual(8 * HOUR);
        expect(doses.filter((d) => d > AT_MS - 24 * HOUR).length).toBeLessThan(maxPer24h);
      }),
      { numRuns: 3000 },
    );
  });

  it('TOCI-1..4: every produced text has a Chinese zh and a non-empty en', () => {
    fc.assert(
      fc.property(history, weight, (doses, weightKg) => {
        const evaluation = evaluateTocilizumabDose(
          {
            weightKg,
            at: new Date(AT_MS).toISOString(),
            previousDoses: doses.map((d) => new Date(d).toISOString()),
          },
          DEFAULT_RULES_CONFIG,
        );
        const { texts, problems } = localizedTextProblems(evaluation);
        expect(problems).toEqual([]);
        expect(texts).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});
