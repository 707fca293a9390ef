import { describe, expect, it } from 'vitest';
import { plain } from './mrkdwn-text.ts';

describe('the chat client’s mrkdwn to plain text', () => {
  it('shows the bot’s emoji as characters and keeps other emoji names whole', () => {
    expect(plain(':large_orange_circle: *URGENT* · :large_yellow_circle: · :hospital_bed:')).toBe(
      '🟠 URGENT · 🟡 · :hospital_bed:',
    );
  });

  it('keeps the backticks of what to type', () => {
    expect(plain('unknown field `tmp`; did you mean `temp`?')).toBe(
      'unknown field `tmp`; did you mean `temp`?',
    );
  });

  it('converts mentions, dates, links and escapes, and removes markup at word edges only', () => {
    expect(
      plain(
        '*EP-7* _(CRS-G6)_ <@U0NURSE> <!subteam^S0ONCALL> <!date^1772503200^{date_short_pretty}|2026-03-03T02:00:00Z> <https://x.example/e/7|EP-7> &lt;b&gt; P_0001',
      ),
    ).toBe('EP-7 (CRS-G6) @U0NURSE @S0ONCALL 2026-03-03T02:00:00Z EP-7 (https://x.example/e/7) <b> P_0001');
  });
});
