import { describe, expect, it } from 'vitest';
import { parseTokenOptions } from './token-options.ts';

describe('npm run token options', () => {
  it('takes teams, a role, a user and a validity', () => {
    expect(
      parseTokenOptions([
        '--team',
        'demo',
        '--team',
        'haem-7',
        '--role',
        'nurse',
        '--user',
        'n-1',
        '--hours',
        '0.5',
      ]),
    ).toEqual({
      kind: 'options',
      options: { teams: ['demo', 'haem-7'], role: 'nurse', userId: 'n-1', hours: 0.5 },
    });
  });

  it('names the user after the role and first team, valid 12 h, unless told otherwise', () => {
    expect(parseTokenOptions(['--team', 'demo', '--role', 'viewer'])).toEqual({
      kind: 'options',
      options: { teams: ['demo'], role: 'viewer', userId: 'viewer-demo', hours: 12 },
    });
  });

  it('asks for help with --help', () => {
    expect(parseTokenOptions(['--help'])).toEqual({ kind: 'help' });
  });

  it('accepts 24 hours and refuses more, or none', () => {
    expect(parseTokenOptions(['--team', 'demo', '--role', 'nurse', '--hours', '24'])).toMatchObject({
      options: { hours: 24 },
    });
    for (const hours of ['24.01', '0', '-0.5', 'twelve', ''])
      expect(parseTokenOptions(['--team', 'demo', '--role', 'nurse', `--hours=${hours}`])).toEqual({
        kind: 'error',
        message: `--hours must be more than 0 and at most 24; received ${JSON.stringify(hours)}.`,
      });
  });

  it.each([
    [['--role', 'nurse'], '--team is required (the team whose episodes the user may see).'],
    [['--team', 'demo'], '--role must be one of clinician, nurse, viewer; received nothing.'],
    [
      ['--team', 'demo', '--role', 'admin'],
      '--role must be one of clinician, nurse, viewer; received "admin".',
    ],
    [
      ['--team', 'team:demo', '--role', 'nurse'],
      '--team must be letters, digits, - or _ (at most 64); received "team:demo".',
    ],
    [['--team', 'demo', '--role', 'nurse', '--admin'], "Unknown option '--admin'."],
    [['--team', 'demo', '--role', 'nurse', 'extra'], "Unexpected argument 'extra'."],
    [
      ['--team', 'demo', '--role', 'nurse', '--hours', '-1'],
      "Option '--hours' argument is ambiguous. Did you forget to specify the option argument for '--hours'? To specify an option argument starting with a dash use '--hours=-XYZ'.",
    ],
  ])('refuses %j in one sentence', (argv, message) => {
    expect(parseTokenOptions(argv)).toEqual({ kind: 'error', message });
  });
});
