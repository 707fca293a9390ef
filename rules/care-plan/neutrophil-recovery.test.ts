import { describe, expect, it } from 'vitest';
import { NEUTROPHIL_RECOVERY_ANC_E9_PER_L, neutrophilRecovery } from './neutrophil-recovery.ts';

describe('PLAN-2 neutrophil recovery', () => {
  it('PLAN-2: the threshold is ANC 1.0 × 10⁹/L, the end of grade 3–4 neutropenia', () => {
    expect(NEUTROPHIL_RECOVERY_ANC_E9_PER_L).toBe(1.0);
    expect(neutrophilRecovery([{ date: '2026-03-05', ancE9PerL: 1.0 }], '2026-03-01')).toMatchObject({
      status: 'RECOVERED',
      since: '2026-03-05',
    });
    expect(neutrophilRecovery([{ date: '2026-03-05', ancE9PerL: 0.99 }], '2026-03-01').status).toBe(
      'NOT_RECOVERED',
    );
  });

  it('PLAN-2: a count on the infusion day counts; the day before does not', () => {
    expect(neutrophilRecovery([{ date: '2026-03-01', ancE9PerL: 2 }], '2026-03-01').status).toBe('RECOVERED');
    expect(neutrophilRecovery([{ date: '2026-02-28', ancE9PerL: 2 }], '2026-03-01').status).toBe('UNKNOWN');
  });

  it('PLAN-2: the latest count decides, in date order, and within a day in the order given', () => {
    const counts = [
      { date: '2026-03-09', ancE9PerL: 1.5 },
      { date: '2026-03-08', ancE9PerL: 1.2 },
      { date: '2026-03-07', ancE9PerL: 0.4 },
    ];
    expect(neutrophilRecovery(counts, '2026-03-01')).toMatchObject({
      status: 'RECOVERED',
      since: '2026-03-08',
    });
    const sameDay = [
      { date: '2026-03-09', ancE9PerL: 1.5 },
      { date: '2026-03-09', ancE9PerL: 0.7 },
    ];
    expect(neutrophilRecovery(sameDay, '2026-03-01')).toMatchObject({
      status: 'NOT_RECOVERED',
      latest: { ancE9PerL: 0.7 },
    });
  });

  it('PLAN-2: no infusion date or no count after it → unknown', () => {
    expect(neutrophilRecovery([{ date: '2026-03-09', ancE9PerL: 1.5 }], null).status).toBe('UNKNOWN');
    expect(neutrophilRecovery([], '2026-03-01').status).toBe('UNKNOWN');
  });
});
