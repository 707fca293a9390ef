import { cliError, parseCommandLine, stringValue, type CliResult, type CliSpec } from './cli.ts';

/** `npm run token`'s options. */
export const TOKEN_ROLES = ['clinician', 'nurse', 'viewer'] as const;
export type TokenRole = (typeof TOKEN_ROLES)[number];

export type TokenOptions = {
  readonly teams: readonly string[];
  readonly role: TokenRole;
  readonly userId: string;
  readonly hours: number;
};

const TEAM = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export const TOKEN_CLI: CliSpec & { readonly usage: string } = {
  command: 'npm run token',
  options: {
    team: { type: 'string', multiple: true },
    role: { type: 'string' },
    user: { type: 'string' },
    hours: { type: 'string' },
  },
  usage: `
Usage: npm run token -- --team <id> [--team <id>…] --role clinician|nurse|viewer [--user <id>] [--hours 12]

Prints a token the local server (npm start) accepts on /graphql, signed with the key in .data/
(LOCAL_AUTH_KEY_FILE) as Cognito would sign one.

  --team <id>     a team whose episodes the user may see (letters, digits, - and _); repeatable
  --role <role>   what the user may do: clinician, nurse or viewer
  --user <id>     the user id (default <role>-<first team>)
  --hours <n>     validity in hours, more than 0 and at most 24 (default 12)
  -h, --help      this text

Example: npm run token -- --team demo --role nurse
`,
};

const isRole = (value: string | undefined): value is TokenRole => TOKEN_ROLES.some((role) => role === value);

export const parseTokenOptions = (argv: readonly string[]): CliResult<TokenOptions> =>
  parseCommandLine(TOKEN_CLI, argv, ({ values }) => {
    const teams = (values.team as string[] | undefined) ?? [];
    if (teams.length === 0) return cliError('--team is required (the team whose episodes the user may see).');
    const badTeam = teams.find((team) => !TEAM.test(team));
    if (badTeam !== undefined)
      return cliError(
        `--team must be letters, digits, - or _ (at most 64); received ${JSON.stringify(badTeam)}.`,
      );
    const role = stringValue(values, 'role');
    if (!isRole(role))
      return cliError(
        `--role must be one of ${TOKEN_ROLES.join(', ')}; received ${role === undefined ? 'nothing' : JSON.stringify(role)}.`,
      );
    const rawHours = stringValue(values, 'hours') ?? '12';
    const hours = Number(rawHours);
    if (rawHours.trim() === '' || !Number.isFinite(hours) || hours <= 0 || hours > 24)
      return cliError(`--hours must be more than 0 and at most 24; received ${JSON.stringify(rawHours)}.`);
    const userId = stringValue(values, 'user') ?? `${role}-${teams[0] ?? 'user'}`;
    if (userId.trim() === '') return cliError('--user must not be empty.');
    return { kind: 'options', options: { teams, role, userId, hours } };
  });
