import { issueToken, keyFilePath, loadOrCreateSigningKey } from './local-auth.ts';
import { settle } from './cli.ts';
import { parseTokenOptions, TOKEN_CLI } from './token-options.ts';

/**
 * `npm run token -- --team <id> [--team <id>…] --role clinician|nurse|viewer [--user <id>] [--hours 12]`
 * prints a token the local server accepts (signed with the key in .data/, as Cognito would sign one).
 */
const options = settle(parseTokenOptions(process.argv.slice(2)), TOKEN_CLI);
const key = await loadOrCreateSigningKey(keyFilePath());
const token = await issueToken(key, {
  userId: options.userId,
  role: options.role,
  teams: options.teams,
  ttlSeconds: Math.round(options.hours * 3600),
});
process.stdout.write(`${token}\n`);
