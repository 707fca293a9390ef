import { describe, expect, it } from 'vitest';
import { MAX_COMMAND_TEXT_LENGTH, parseCart, type ParseResult } from './parse-command.ts';
import { ECHO_MAX_CHARS } from './problems.ts';
import { closest, MAX_SUGGESTED_WORD_LENGTH } from './suggest.ts';

const context = { now: new Date('2026-03-03T02:00:00.000Z'), today: '2026-03-03', command: '/cart' };
const parse = (text: string): ParseResult => parseCart(text, context);
const problemTexts = (text: string): string[] => {
  const result = parse(text);
  if (result.ok) throw new Error(`expected ${text.slice(0, 80)} to be refused`);
  return result.problems.flatMap((problem) => [problem.text.en, problem.text.zh]);
};

/** Milliseconds `run` takes. */
const timed = (run: () => unknown): number => {
  const started = performance.now();
  run();
  return performance.now() - started;
};

describe('command text length', () => {
  it(`reads a command of exactly ${MAX_COMMAND_TEXT_LENGTH} characters`, () => {
    const text = `status EP-1 ${'x'.repeat(MAX_COMMAND_TEXT_LENGTH - 'status EP-1 '.length)}`;
    expect(text).toHaveLength(MAX_COMMAND_TEXT_LENGTH);
    const result = parse(text);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.map((p) => p.code)).toEqual(['unexpected']);
  });

  it(`refuses one character more, in both languages, naming the length and the limit`, () => {
    const text = `status EP-1 ${'x'.repeat(MAX_COMMAND_TEXT_LENGTH - 'status EP-1 '.length + 1)}`;
    const result = parse(text);
    expect(result).toMatchObject({ ok: false, subcommand: undefined, problems: [{ code: 'too-long' }] });
    const [problem] = result.ok ? [] : result.problems;
    expect(problem?.text.en).toContain('2001 characters, at most 2000');
    expect(problem?.text.zh).toContain('2001 个字符,最多 2000 个');
  });

  it('a signed 1 MB command is refused in well under 50 ms (the whole text is never tokenised)', () => {
    const text = 'vitals '.padEnd(1024 * 1024, 'tmp=38.9 ');
    // Generous bounds: the suite shares two cores; unbounded, the same input took seconds.
    expect(timed(() => parse(text))).toBeLessThan(500);
  });
});

describe('typo suggestions have a bounded cost', () => {
  const candidates = [
    { alias: 'temperature', canonical: 'temp' },
    { alias: 'temp', canonical: 'temp' },
  ];

  it('still suggests for near words', () => {
    expect(closest('tmp', candidates)).toBe('temp');
    expect(closest('temprature', candidates)).toBe('temp');
  });

  it(`gives no suggestion for a word longer than ${MAX_SUGGESTED_WORD_LENGTH} characters, at once`, () => {
    expect(closest('t'.repeat(MAX_SUGGESTED_WORD_LENGTH + 1), candidates)).toBeUndefined();
    expect(timed(() => closest('x'.repeat(1024 * 1024), candidates))).toBeLessThan(100);
  });

  it(`the worst ${MAX_COMMAND_TEXT_LENGTH}-character commands parse in under 1 s`, () => {
    const worst = [
      // one long unknown subcommand, one long unknown field, many short unknown fields, many bare words
      'x'.repeat(MAX_COMMAND_TEXT_LENGTH),
      `vitals EP-1 ${'q'.repeat(MAX_COMMAND_TEXT_LENGTH - 20)}=1`,
      `vitals EP-1 ${'tmpx=1 '.repeat(280)}`,
      `crs ${'temprature '.repeat(180)}`,
      `neuro EP-1 ${'o2=nc:4 '.repeat(240)}`,
    ].map((text) => text.slice(0, MAX_COMMAND_TEXT_LENGTH));
    for (const text of worst) expect(timed(() => parse(text))).toBeLessThan(1000);
  });
});

describe('replies quote what was typed without ever making a mention of it', () => {
  it.each([
    ['a channel mention as the subcommand', '<!channel>'],
    ['a Slack-escaped mention as the subcommand', '&lt;!here&gt;'],
    ['a user mention as a field', 'vitals EP-1 <@U0CHIEF>=1'],
    ['a mention in a value', 'vitals EP-1 t=<!everyone>'],
    ['a mention in an oxygen flow', 'vitals EP-1 o2=4<!channel>'],
    ['a mention as an extra word', 'status EP-1 <!subteam^S0123|@oncall>'],
    ['a mention as an episode id', 'status <@U0CHIEF>'],
    ['a link', 'status EP-1 <https://evil.example|click>'],
  ])('%s', (_case, text) => {
    for (const line of problemTexts(text)) {
      expect(line).not.toMatch(/<[!@#]/);
      expect(line).not.toMatch(/<https?:/);
    }
  });

  it(`quotes at most ${ECHO_MAX_CHARS} characters of a word, with backticks that cannot close the quote`, () => {
    const [english] = problemTexts(`${'`'.repeat(3)}${'y'.repeat(500)}`);
    expect(english).toMatch(/^unknown subcommand `'''y+…`/);
    expect(english?.length).toBeLessThan(120);
  });
});
