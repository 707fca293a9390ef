import { cliError, httpUrl, integerIn, parseCommandLine, type CliResult, type CliSpec } from './cli.ts';

/** `npm start`'s options: a flag, and the variables the README lists. */
export type StartOptions = {
  readonly port: number;
  /** Keep DynamoDB Local's data under .data/dynamodb (in memory otherwise). */
  readonly persist: boolean;
  /** A DynamoDB Local that is already running, instead of starting one. */
  readonly dynamoDbEndpoint: string | undefined;
};

export const DEFAULT_PORT = 4000;

export const START_CLI: CliSpec & { readonly usage: string } = {
  command: 'npm start',
  options: { persist: { type: 'boolean' } },
  usage: `
Usage: [PORT=4000] npm start [-- --persist]

Runs the whole system locally: GraphQL with GraphiQL, the Slack endpoint with a fake Slack API,
DynamoDB Local and the alert pipeline. Ctrl-C stops everything.

  --persist                keep DynamoDB Local's data under .data/dynamodb (or LOCAL_PERSIST=1)
  -h, --help               this text

Variables:
  PORT=4100                serve on another port (default ${DEFAULT_PORT})
  DYNAMODB_ENDPOINT=http://127.0.0.1:8000   use a DynamoDB Local that is already running
  SLACK_SIGNING_SECRET=…   the secret Slack requests must be signed with
  SLACK_BOT_TOKEN=xoxb-… SLACK_ADMIN_USER_IDS=U…   talk to a real workspace
  LOCAL_SWEEP_MINUTES=1    how often the local sweeper runs (default 5; 0 turns it off)
  HOSPITAL_TIME_ZONE=Europe/Berlin   the hospital's calendar (default Asia/Shanghai)
`,
};

export const parseStartOptions = (
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): CliResult<StartOptions> =>
  parseCommandLine(START_CLI, argv, ({ values }) => {
    const port = integerIn('PORT', env.PORT ?? String(DEFAULT_PORT), 1, 65_535);
    if ('error' in port) return cliError(port.error);
    const endpoint =
      env.DYNAMODB_ENDPOINT === undefined ? undefined : httpUrl('DYNAMODB_ENDPOINT', env.DYNAMODB_ENDPOINT);
    if (endpoint && 'error' in endpoint) return cliError(endpoint.error);
    return {
      kind: 'options',
      options: {
        port: port.value,
        persist: values.persist === true || env.LOCAL_PERSIST === '1',
        dynamoDbEndpoint: endpoint?.value,
      },
    };
  });
