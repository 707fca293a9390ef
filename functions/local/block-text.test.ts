import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blocksAsText } from './block-text.ts';
import { EMOJI } from './mrkdwn-text.ts';

describe('the chat client’s Block Kit as text', () => {
  it('indents every line of a message without blocks (a chart’s summary under its upload)', () => {
    expect(
      blocksAsText(undefined, 'EP-1, last 72 h\ntemperature 38.9 °C\nno SpO2 recorded', 'npm run chat --'),
    ).toBe('  EP-1, last 72 h\n  temperature 38.9 °C\n  no SpO2 recorded');
  });

  it('prints under each button the command that presses it on the same server', () => {
    const text = blocksAsText(
      [
        { type: 'header', text: { text: 'EP-1 · P-0042' } },
        { type: 'section', text: { text: ':large_green_circle: *active* Pneumocystis prophylaxis' } },
        { type: 'context', elements: [{ type: 'mrkdwn', text: 'Rules PLAN-1' }] },
        {
          type: 'actions',
          elements: [
            {
              type: 'button',
              text: { text: 'Acknowledge' },
              action_id: 'alert.acknowledge',
              value: 'EP-1:01J',
            },
          ],
        },
      ],
      'fallback',
      'PORT=4123 npm run chat --',
    );
    expect(text).toBe(
      [
        '  == EP-1 · P-0042 ==',
        '  🟢 active Pneumocystis prophylaxis',
        '    · Rules PLAN-1',
        '  [Acknowledge]  → PORT=4123 npm run chat -- --press alert.acknowledge --value EP-1:01J',
      ].join('\n'),
    );
  });

  it('shows as a character every emoji the bot’s messages use', () => {
    const dir = join(import.meta.dirname, '../../slack-bot');
    const used = new Set<string>();
    for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
      for (const match of readFileSync(join(dir, file), 'utf8').matchAll(
        /(?<![\w:]):([a-z0-9_+-]+):(?![\w:])/g,
      ))
        used.add(match[1] ?? '');
    }
    expect(used.size).toBeGreaterThan(10);
    expect([...used].filter((name) => EMOJI[name] === undefined).sort()).toEqual([]);
  });
});
