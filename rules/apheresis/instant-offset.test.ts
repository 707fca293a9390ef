import { describe, expect, it } from 'vitest';
import { addHoursInOffset, localDateOf, offsetOf } from './instant-offset.ts';

describe('instants in their recorded offset', () => {
  it('keeps the offset when adding hours', () => {
    expect(addHoursInOffset('2026-03-01T08:00:00+08:00', 72)).toBe('2026-03-04T08:00:00+08:00');
    expect(addHoursInOffset('2026-03-01T23:30:00Z', 1)).toBe('2026-03-02T00:30:00Z');
    expect(addHoursInOffset('2026-03-01T08:00:00.250-05:00', 24)).toBe('2026-03-02T08:00:00.250-05:00');
  });
  it('normalises compact offsets and gives the local calendar date', () => {
    expect(offsetOf('2026-03-01T08:00:00+0800')).toBe('+08:00');
    expect(localDateOf('2026-03-01T20:00:00-05:00')).toBe('2026-03-01');
    expect(localDateOf('2026-03-01T01:00:00+08:00')).toBe('2026-03-01');
  });
  it('rejects an instant without an offset', () => {
    expect(() => offsetOf('2026-03-01T08:00:00')).toThrow(RangeError);
  });
});
