import { parseArgs } from 'node:util';
import { issueToken, keyFilePath, loadOrCreateSigningKey } from './local-auth.ts';

/**
 * `npm run token -- --team <id> [--team <id>…] --role clinician|nurse|viewer [--user <id>] [--hours 12]`
 * prints a token the local server accepts (signed with the key in .data/, as Cognito would sign one).
 */
const ROLES = ['clinician', 'nurse', 'viewer'] as const;
const TEAM = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

const fail = (message: string): never => {
  process.stderr.write(
    `${message}\nUsage: npm run token -- --team <id> --role clinician|nurse|viewer [--user <id>] [--hours 12]\n`,
  );
  process.exit(2);
};

const { values } = parseArgs({
  options: {
    team: { type: 'string', multiple: true },
    role: { type: 'string' },
    user: { type: 'string' },
    hours: { type: 'string', default: '12' },
  },
  strict: true,
});
const teams = values.team ?? fail('--team is required (the team whose episodes the user may see).');
const role =
  ROLES.find((r) => r === values.role) ??
  fail(`--role must be one of ${ROLES.join(', ')}; received ${values.role ?? 'nothing'}.`);
const badTeam = teams.find((team) => !TEAM.test(team));
if (badTeam !== undefined)
  fail(`--team must be letters, digits, - or _ (at most 64); received ${JSON.stringify(badTeam)}.`);
const hours = Number(values.hours);
if (!Number.isFinite(hours) || hours <= 0 || hours > 24)
  fail(`--hours must be between 0 and 24; received ${values.hours}.`);

const key = await loadOrCreateSigningKey(keyFilePath());
const token = await issueToken(key, {
  userId: values.user ?? `${role}-${teams[0] ?? 'user'}`,
  role,
  teams,
  ttlSeconds: Math.round(hours * 3600),
});
process.stdout.write(`${token}\n`);
