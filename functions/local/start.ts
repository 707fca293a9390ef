import { settle } from './cli.ts';
import { portProblem } from './ports.ts';
import { exitOnPreflightProblem } from './preflight.ts';
import { DEFAULT_PORT, parseStartOptions, START_CLI } from './start-options.ts';

/**
 * `npm start`: the whole system locally. Options: PORT (default 4000); `--persist` (or
 * LOCAL_PERSIST=1) keeps DynamoDB Local's data under .data/dynamodb; DYNAMODB_ENDPOINT reuses a
 * running DynamoDB Local; `--help`. Ctrl-C stops everything, the JVM included.
 */
const options = settle(parseStartOptions(process.argv.slice(2), process.env), START_CLI);
exitOnPreflightProblem();
const busy = await portProblem(options.port);
if (busy) {
  process.stderr.write(`${busy}\n`);
  process.exit(1);
}

const startedAt = performance.now();
const { startLocalSystem } = await import('./local-system.ts');
const system = await startLocalSystem({
  port: options.port,
  dataDir: options.persist ? '.data/dynamodb' : undefined,
  dynamoDbEndpoint: options.dynamoDbEndpoint,
}).catch((error: unknown) => {
  process.stderr.write(
    `Could not start the local system: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});

let stopping = false;
const shutdown = (signal: string): void => {
  if (stopping) return;
  stopping = true;
  process.stdout.write(`\n${signal}: stopping the server, the stream consumer and DynamoDB Local…\n`);
  void system.stop().then(() => process.exit(0));
};
// DynamoDB Local gone (or unreachable): say so once and stop, rather than failing every request.
void system.fault.then((sentence) => {
  if (stopping) return;
  stopping = true;
  process.stderr.write(`\n${sentence}\n`);
  void system.stop().then(() => process.exit(1));
});
process.on('SIGINT', () => {
  shutdown('SIGINT');
});
process.on('SIGTERM', () => {
  shutdown('SIGTERM');
});

const u = system.url;
// The chat client finds this server through PORT, as npm start does.
const chat = system.port === DEFAULT_PORT ? 'npm run chat' : `PORT=${system.port} npm run chat`;
process.stdout.write(`
CAR-T on-call platform, running locally (Node ${process.versions.node}; DynamoDB Local ${options.persist ? 'persisted in .data/dynamodb' : 'in memory'})

  GraphiQL + GraphQL     ${u}/graphql          (JWT required for POST; GraphiQL carries the dev token)
  Public calculators     ${u}/public/graphql   (no login)
  Slack endpoint         ${u}/slack/events     (signing secret: ${system.signingSecret})
  DynamoDB Local         ${system.dynamoDbEndpoint}  table ${system.tableName}

Try first:
  open ${u}/graphql and run the walkthrough's operations in order
  curl -s ${u}/public/graphql -H 'content-type: application/json' -d '{"query":"{ health { status ruleset } }"}'
  ${chat} -- "/cart help"
  npm run token -- --team demo --role nurse

Dev token (clinician, team demo), valid 12 h:
  ${system.devToken}

Ready in ${((performance.now() - startedAt) / 1000).toFixed(1)} s. Ctrl-C stops everything.
`);
