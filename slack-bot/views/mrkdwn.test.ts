import { describe, expect, it } from 'vitest';
import { fallback } from './blocks.ts';
import { withoutMarkup } from './mrkdwn.ts';

describe('mrkdwn to plain text (the fallback beside Block Kit)', () => {
  it('keeps the underscores of emoji names while removing italics around them', () => {
    expect(withoutMarkup(':large_orange_circle: _(ESC-CRS2)_ :white_check_mark:')).toBe(
      ':large_orange_circle: (ESC-CRS2) :white_check_mark:',
    );
  });

  it('removes bold, italic, strike and code markers at word edges, nested too', () => {
    expect(withoutMarkup('*Management*\n• Give _(TOCI-1)_ ~old~ `code` *_both_*')).toBe(
      'Management\n• Give (TOCI-1) old code both',
    );
  });

  it('leaves identifiers, arithmetic, escapes and mentions as they are', () => {
    const text = 'P_0001 · a*b*c · 2 * 3 * 4 · snake_case_name · &lt;!channel&gt; · <@U0NURSE>';
    expect(withoutMarkup(text)).toBe(text);
  });

  it('fallback: an URGENT alert line keeps :large_orange_circle:, never :largeorangecircle:', () => {
    const text = fallback(':large_orange_circle: *URGENT · ESC-CRS2 · EP-7*', '_P_0001_ day +2');
    expect(text).toBe(':large_orange_circle: URGENT · ESC-CRS2 · EP-7\nP_0001 day +2');
    expect(text).not.toContain('largeorangecircle');
  });

  it('fallback: still within Slack’s 4000-character limit', () => {
    expect(fallback('x'.repeat(5000))).toHaveLength(4000);
  });
});
