import { describe, expect, it } from 'vitest';
import { localTimeInstant } from '../core/index.ts';
import { dueHandoffSlot, handoffTimesSchema } from './digest-schedule.ts';

describe('handoff digest schedule (HANDOFF-1)', () => {
  it('HANDOFF-1, EPI-7: a local time is an instant in the hospital zone', () => {
    expect(localTimeInstant('2026-03-03', '08:00', 'Asia/Shanghai')).toBe('2026-03-03T00:00:00.000Z');
    expect(localTimeInstant('2026-03-03', '00:30', 'Asia/Shanghai')).toBe('2026-03-02T16:30:00.000Z');
  });

  it('HANDOFF-1, EPI-7: across a DST change (Europe/Berlin) the wall-clock time is kept', () => {
    expect(localTimeInstant('2026-03-28', '08:00', 'Europe/Berlin')).toBe('2026-03-28T07:00:00.000Z');
    expect(localTimeInstant('2026-03-29', '08:00', 'Europe/Berlin')).toBe('2026-03-29T06:00:00.000Z');
    // 02:30 does not exist on 2026-03-29 in Berlin: the instant after the gap.
    expect(localTimeInstant('2026-03-29', '02:30', 'Europe/Berlin')).toBe('2026-03-29T01:30:00.000Z');
  });

  it('HANDOFF-1: due from the slot’s instant (inclusive) for the grace period (exclusive)', () => {
    const times = ['08:00', '20:00'];
    const due = (now: string) => dueHandoffSlot(times, now, 'Asia/Shanghai', 30);
    expect(due('2026-03-02T23:59:59Z')).toBeNull();
    expect(due('2026-03-03T00:00:00Z')).toBe('2026-03-03T00:00:00.000Z');
    expect(due('2026-03-03T00:29:59Z')).toBe('2026-03-03T00:00:00.000Z');
    expect(due('2026-03-03T00:30:00Z')).toBeNull();
    expect(due('2026-03-03T12:05:00Z')).toBe('2026-03-03T12:00:00.000Z');
  });

  it('HANDOFF-1: a slot just before local midnight is still due just after it', () => {
    expect(dueHandoffSlot(['23:50'], '2026-03-03T16:05:00Z', 'Asia/Shanghai', 30)).toBe(
      '2026-03-03T15:50:00.000Z',
    );
  });

  it('HANDOFF-1: handoff times are HH:MM, distinct and sorted; a bad one is refused naming what is allowed', () => {
    expect(handoffTimesSchema.parse(['20:00', '08:00', '08:00'])).toEqual(['08:00', '20:00']);
    expect(handoffTimesSchema.safeParse(['8am']).success).toBe(false);
    expect(handoffTimesSchema.safeParse(['24:00']).success).toBe(false);
    expect(handoffTimesSchema.safeParse(['00:00', '23:59']).success).toBe(true);
  });
});
