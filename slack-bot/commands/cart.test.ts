import { describe, expect, it } from 'vitest';
import { todayOnFirstRead } from './cart.ts';

/** An episode service's calendar that counts how often it is asked. */
const countingCalendar = () => {
  const asked: Date[] = [];
  return {
    asked,
    deps: {
      episodes: {
        today: (at: Date) => {
          asked.push(at);
          return at.toISOString().slice(0, 10);
        },
      },
    } as unknown as Parameters<typeof todayOnFirstRead>[0],
  };
};

describe("a command's today in the hospital's calendar", () => {
  it('is not worked out until a command reads it (/cart help reads no date)', () => {
    const calendar = countingCalendar();
    todayOnFirstRead(calendar.deps, new Date('2026-03-02T10:00:00Z'));
    expect(calendar.asked).toHaveLength(0);
  });

  it("is worked out once, for the command's own now, however often it is read", () => {
    const calendar = countingCalendar();
    const now = new Date('2026-03-02T10:00:00Z');
    const today = todayOnFirstRead(calendar.deps, now);
    expect([today(), today(), today()]).toEqual(['2026-03-02', '2026-03-02', '2026-03-02']);
    expect(calendar.asked).toEqual([now]);
  });
});
