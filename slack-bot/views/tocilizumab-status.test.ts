import { evaluateTocilizumabDose, DEFAULT_RULES_CONFIG } from '#rules';
import { describe, expect, it } from 'vitest';
import { tocilizumabInputAt, tocilizumabNow } from './tocilizumab-status.ts';

/** TOCI-2 (≥ 8 h between doses) as `/cart toci` and `/cart status` see a patient of 70 kg. */
describe('tocilizumab now (TOCI-1..4)', () => {
  const now = new Date('2026-03-03T02:00:00.000Z');
  const episodeWithDoseAt = (time: string) => ({ weightKg: 70, summary: { tocilizumabDoseTimes: [time] } });

  it('a dose recorded a little after now (a device clock ahead) counts as given now: not allowed', () => {
    const episode = episodeWithDoseAt('2026-03-03T02:02:00.000Z');
    expect(tocilizumabInputAt(episode, now).previousDoses).toEqual(['2026-03-03T02:00:00.000Z']);
    expect(
      evaluateTocilizumabDose(tocilizumabInputAt(episode, now), DEFAULT_RULES_CONFIG).outcome.status,
    ).toBe('TOO_SOON');
    expect(tocilizumabNow(episode, now, DEFAULT_RULES_CONFIG).check.status).toBe('TOO_SOON');
  });

  it('8 h after the last dose a repeat is allowed; 1 ms before, not (TOCI-2 boundary)', () => {
    const justUnder = episodeWithDoseAt('2026-03-02T18:00:00.001Z');
    const exactly = episodeWithDoseAt('2026-03-02T18:00:00.000Z');
    expect(tocilizumabNow(justUnder, now, DEFAULT_RULES_CONFIG).check.status).toBe('TOO_SOON');
    expect(tocilizumabNow(exactly, now, DEFAULT_RULES_CONFIG).check.status).toBe('ALLOWED');
    expect(tocilizumabNow(exactly, now, DEFAULT_RULES_CONFIG).check.doseMg).toBe(560);
  });
});
