import { describe, expect, it } from 'vitest';
import { DEFAULT_WAIT_MS, parseChatOptions } from './chat-options.ts';

const DEFAULTS = { secret: 'local-secret', channel: 'C0LOCAL', user: 'U0LOCALADMIN' };
const parse = (argv: string[], env: Record<string, string> = {}) => parseChatOptions(argv, env, DEFAULTS);

describe('npm run chat options', () => {
  it('takes a slash command with the local defaults, on port 4000', () => {
    expect(parse(['/cart vitals EP-1 t=38.9'])).toEqual({
      kind: 'options',
      options: {
        action: { kind: 'command', line: '/cart vitals EP-1 t=38.9' },
        baseUrl: 'http://localhost:4000',
        secret: 'local-secret',
        channel: 'C0LOCAL',
        user: 'U0LOCALADMIN',
        waitMs: DEFAULT_WAIT_MS,
        json: false,
        again: 'npm run chat --',
      },
    });
  });

  it('joins unquoted words into one command', () => {
    expect(parse(['/cart', 'status', 'EP-3'])).toMatchObject({
      options: { action: { kind: 'command', line: '/cart status EP-3' } },
    });
  });

  it('finds the server through PORT, CART_URL and --url, the most specific first', () => {
    expect(parse(['/cart help'], { PORT: '4100' })).toMatchObject({
      options: { baseUrl: 'http://localhost:4100' },
    });
    expect(parse(['/cart help'], { PORT: '4100', CART_URL: 'http://127.0.0.1:4300/' })).toMatchObject({
      options: { baseUrl: 'http://127.0.0.1:4300' },
    });
    expect(
      parse(['/cart help', '--url', 'http://localhost:4400'], { PORT: '4100', CART_URL: 'http://x:1' }),
    ).toMatchObject({ options: { baseUrl: 'http://localhost:4400' } });
  });

  it('types the command under a button for the server, channel and user it was shown on', () => {
    const again = (argv: string[], env: Record<string, string> = {}) => {
      const result = parse(argv, env);
      return result.kind === 'options' ? result.options.again : result;
    };
    expect(again(['/cart help'], { PORT: '4000' })).toBe('npm run chat --');
    expect(again(['/cart help'], { PORT: '4123' })).toBe('PORT=4123 npm run chat --');
    expect(again(['/cart help'], { PORT: '4123', CART_URL: 'http://127.0.0.1:4300/' })).toBe(
      'CART_URL=http://127.0.0.1:4300 npm run chat --',
    );
    expect(again(['/cart help', '--url', 'http://localhost:4400'], { PORT: '4123' })).toBe(
      'npm run chat -- --url http://localhost:4400',
    );
    expect(again(['/cart help', '--channel', 'C0WARD7', '--user', 'U0NURSE'], { PORT: '4123' })).toBe(
      'PORT=4123 npm run chat -- --channel C0WARD7 --user U0NURSE',
    );
    expect(again(['/cart help', '--url', "http://localhost:4400/?a=1&b='x'"])).toBe(
      `npm run chat -- --url 'http://localhost:4400/?a=1&b='\\''x'\\'''`,
    );
  });

  it('takes a button press with its value, and the sweep', () => {
    expect(parse(['--press', 'alert.acknowledge', '--value', 'EP-1:01J'])).toMatchObject({
      options: { action: { kind: 'press', actionId: 'alert.acknowledge', value: 'EP-1:01J' } },
    });
    expect(parse(['--sweep'])).toMatchObject({ options: { action: { kind: 'sweep' } } });
  });

  it('takes --handoff (HANDOFF-1: the shift handoff digest once now), alone only', () => {
    expect(parse(['--handoff'])).toMatchObject({ options: { action: { kind: 'handoff' } } });
    expect(parse(['--handoff', '--sweep'])).toEqual({
      kind: 'error',
      message: 'give only one of a slash command, --press, --sweep and --handoff.',
    });
  });

  it('takes the signing secret from SLACK_SIGNING_SECRET unless --secret is given', () => {
    expect(parse(['/cart help'], { SLACK_SIGNING_SECRET: 'env' })).toMatchObject({
      options: { secret: 'env' },
    });
    expect(parse(['/cart help', '--secret', 'flag'], { SLACK_SIGNING_SECRET: 'env' })).toMatchObject({
      options: { secret: 'flag' },
    });
  });

  it('asks for help with --help or -h', () => {
    expect(parse(['--help'])).toEqual({ kind: 'help' });
    expect(parse(['-h'])).toEqual({ kind: 'help' });
  });

  it('bounds --wait from 0 to 120000 ms', () => {
    expect(parse(['--sweep', '--wait', '0'])).toMatchObject({ options: { waitMs: 0 } });
    expect(parse(['--sweep', '--wait', '120000'])).toMatchObject({ options: { waitMs: 120_000 } });
    expect(parse(['--sweep', '--wait', '120001'])).toEqual({
      kind: 'error',
      message: '--wait must be a whole number from 0 to 120000; received "120001".',
    });
    expect(parse(['--sweep', '--wait', '2.5s'])).toMatchObject({ kind: 'error' });
  });

  it.each([
    [['--bogus'], "Unknown option '--bogus'."],
    [['--press'], "Option '--press <value>' argument missing."],
    [[], 'give a slash command in quotes (e.g. "/cart help"), --press <action-id>, --sweep or --handoff.'],
    [['/cart help', '--sweep'], 'give only one of a slash command, --press, --sweep and --handoff.'],
    [['--value', 'EP-1:01J', '/cart help'], '--value goes with --press <action-id>.'],
    [
      ['/cart help', '--url', 'localhost:4000'],
      '--url must be an http:// or https:// URL; received "localhost:4000".',
    ],
  ])('refuses %j in one sentence', (argv, message) => {
    expect(parse(argv)).toEqual({ kind: 'error', message });
  });

  it('refuses a PORT or CART_URL it cannot use, naming the variable', () => {
    expect(parse(['/cart help'], { PORT: '80a' })).toEqual({
      kind: 'error',
      message: 'PORT must be a whole number from 1 to 65535; received "80a".',
    });
    expect(parse(['/cart help'], { CART_URL: 'ftp://x' })).toEqual({
      kind: 'error',
      message: 'CART_URL must be an http:// or https:// URL; received "ftp://x".',
    });
  });
});
