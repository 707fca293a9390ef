import {
  cliError,
  httpUrl,
  integerIn,
  parseCommandLine,
  stringValue,
  type CliResult,
  type CliSpec,
} from './cli.ts';
import { DEFAULT_PORT } from './start-options.ts';

/** What one `npm run chat` does. */
export type ChatAction =
  | { readonly kind: 'command'; readonly line: string }
  | { readonly kind: 'press'; readonly actionId: string; readonly value: string | undefined }
  | { readonly kind: 'sweep' }
  | { readonly kind: 'handoff' };

export type ChatOptions = {
  readonly action: ChatAction;
  /** The local server, without a trailing slash. */
  readonly baseUrl: string;
  readonly secret: string;
  readonly channel: string;
  readonly user: string;
  /** At most this long for the bot's messages after the reply (they come from the alert pipeline). */
  readonly waitMs: number;
  readonly json: boolean;
  /**
   * How `npm run chat` is typed to reach this server, channel and user again, up to its own
   * arguments: `npm run chat --` on the defaults, `PORT=4100 npm run chat --` on another port. The
   * command printed under each button starts with it, so it presses the button where it was shown.
   */
  readonly again: string;
};

/** The local system's channel, user and signing secret, which the options default to. */
export type ChatDefaults = { readonly secret: string; readonly channel: string; readonly user: string };

export const DEFAULT_WAIT_MS = 10_000;
const MAX_WAIT_MS = 120_000;

export const CHAT_CLI: CliSpec & { readonly usage: string } = {
  command: 'npm run chat',
  allowPositionals: true,
  options: {
    press: { type: 'string' },
    value: { type: 'string' },
    sweep: { type: 'boolean' },
    handoff: { type: 'boolean' },
    url: { type: 'string' },
    secret: { type: 'string' },
    channel: { type: 'string' },
    user: { type: 'string' },
    wait: { type: 'string' },
    json: { type: 'boolean' },
  },
  usage: `
Usage: npm run chat -- "/cart <subcommand> …"
       npm run chat -- --press <action-id> [--value <value>]
       npm run chat -- --sweep
       npm run chat -- --handoff

The Slack bot without a workspace: signs the request as Slack does, sends it to the local server
(npm start), prints the bot's reply, then the messages the bot posted meanwhile, as the fake
Slack API recorded them (alerts come from the alert pipeline a moment later).

  "/cart …"                a slash command ("vitals EP-1 t=38.9" means "/cart vitals EP-1 t=38.9")
  --press <action-id>      press a button (the command for each button is printed under it)
  --value <value>          the pressed button's value
  --sweep                  run the sweeper once (deployed: every 5 minutes)
  --handoff                post the team's shift handoff digest once now and print it
                           (deployed: at the team's handoff times, /cart setup handoff 08:00 20:00)
  --url <url>              the local server (default $CART_URL, else http://localhost:$PORT, PORT ${DEFAULT_PORT})
  --channel <id>           the channel (default C0LOCAL, mapped to team demo)
  --user <id>              the Slack user (default U0LOCALADMIN, an administrator)
  --secret <secret>        the signing secret (default $SLACK_SIGNING_SECRET, else the local one)
  --wait <ms>              wait at most this long for the bot's messages (default ${DEFAULT_WAIT_MS})
  --json                   print the raw reply and Web API calls
  -h, --help               this text

Example: npm run chat -- "/cart vitals EP-1 t=38.9 sbp=84 o2=nc:4 vaso=ne"
`,
};

/** The local server and how it was chosen: the words that choose it again before and after `npm run chat --`. */
type Server = { readonly value: string; readonly env: string; readonly args: string };

/** A word as a POSIX shell reads it: quoted only when it holds anything but safe characters. */
const shellWord = (word: string): string =>
  /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;

const serverUrl = (
  values: Record<string, unknown>,
  env: Readonly<Record<string, string | undefined>>,
): Server | { readonly error: string } => {
  const url = stringValue(values, 'url');
  if (url !== undefined) {
    const chosen = httpUrl('--url', url);
    return 'error' in chosen
      ? chosen
      : { value: chosen.value, env: '', args: ` --url ${shellWord(chosen.value)}` };
  }
  if (env.CART_URL !== undefined) {
    const chosen = httpUrl('CART_URL', env.CART_URL);
    return 'error' in chosen
      ? chosen
      : { value: chosen.value, env: `CART_URL=${shellWord(chosen.value)} `, args: '' };
  }
  const port = integerIn('PORT', env.PORT ?? String(DEFAULT_PORT), 1, 65_535);
  if ('error' in port) return port;
  return {
    value: `http://localhost:${port.value}`,
    env: port.value === DEFAULT_PORT ? '' : `PORT=${port.value} `,
    args: '',
  };
};

export const parseChatOptions = (
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  defaults: ChatDefaults,
): CliResult<ChatOptions> =>
  parseCommandLine(CHAT_CLI, argv, ({ values, positionals }) => {
    const line = positionals.join(' ').trim();
    const press = stringValue(values, 'press');
    const value = stringValue(values, 'value');
    const sweep = values.sweep === true;
    const handoff = values.handoff === true;
    const chosen = [line !== '', press !== undefined, sweep, handoff].filter(Boolean).length;
    if (chosen === 0)
      return cliError(
        'give a slash command in quotes (e.g. "/cart help"), --press <action-id>, --sweep or --handoff.',
      );
    if (chosen > 1) return cliError('give only one of a slash command, --press, --sweep and --handoff.');
    if (value !== undefined && press === undefined) return cliError('--value goes with --press <action-id>.');
    if (press?.trim() === '') return cliError('--press needs the action id printed under the button.');
    const action: ChatAction =
      press !== undefined
        ? { kind: 'press', actionId: press, value }
        : sweep
          ? { kind: 'sweep' }
          : handoff
            ? { kind: 'handoff' }
            : { kind: 'command', line };

    const baseUrl = serverUrl(values, env);
    if ('error' in baseUrl) return cliError(baseUrl.error);
    const wait = integerIn('--wait', stringValue(values, 'wait') ?? String(DEFAULT_WAIT_MS), 0, MAX_WAIT_MS);
    if ('error' in wait) return cliError(wait.error);
    const channel = stringValue(values, 'channel') ?? defaults.channel;
    const user = stringValue(values, 'user') ?? defaults.user;
    const where = `${channel === defaults.channel ? '' : ` --channel ${shellWord(channel)}`}${user === defaults.user ? '' : ` --user ${shellWord(user)}`}`;
    return {
      kind: 'options',
      options: {
        action,
        baseUrl: baseUrl.value,
        secret: stringValue(values, 'secret') ?? env.SLACK_SIGNING_SECRET ?? defaults.secret,
        channel,
        user,
        waitMs: wait.value,
        json: values.json === true,
        again: `${baseUrl.env}${CHAT_CLI.command} --${baseUrl.args}${where}`,
      },
    };
  });
