import { describe, expect, it } from 'vitest';
import { EpisodeRepository } from './repository.ts';
import { EpisodeService } from './service.ts';

/** Days since infusion and `today`/`-2d` dates count in the hospital's calendar, not UTC's. */
describe("today in the hospital's calendar", () => {
  const noStore = Object.create(EpisodeRepository.prototype) as EpisodeRepository;
  const serviceIn = (timeZone?: string) =>
    new EpisodeService({ repository: noStore, newId: () => 'unused', ...(timeZone ? { timeZone } : {}) });
  const shanghai = serviceIn();

  it.each([
    ['2026-03-02T15:59:59.999Z', '2026-03-02'], // 23:59:59.999 in Shanghai
    ['2026-03-02T16:00:00.000Z', '2026-03-03'], // midnight in Shanghai, still 2 March in UTC
    ['2026-03-03T02:00:00.000Z', '2026-03-03'],
  ])('at %s it is %s in Asia/Shanghai', (instant, date) => {
    expect(shanghai.today(new Date(instant))).toBe(date);
  });

  it('follows the configured time zone', () => {
    expect(serviceIn('UTC').today(new Date('2026-03-02T16:00:00.000Z'))).toBe('2026-03-02');
    expect(serviceIn('America/New_York').today(new Date('2026-03-03T02:00:00.000Z'))).toBe('2026-03-02');
  });
});
