import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../functions/local/ports.ts';

export type StartedSystem = {
  readonly child: ChildProcess;
  readonly baseUrl: string;
  readonly signingSecret: string;
  readonly keyFile: string;
  /** Everything the process printed so far. */
  output(): string;
  /** The process's exit code once it has exited on its own (null after a signal). */
  exited(): Promise<number | null>;
  /** SIGTERM (or the given signal) to the process, then wait for it to exit. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
};

/** Ready in a few seconds on an idle machine; far slower when other work shares the cores. */
const READY_TIMEOUT_MS = 150_000;

/**
 * Runs `node functions/local/start.ts` (what `npm start` runs) as a child process on a free port,
 * with its own signing key and Slack signing secret, and waits for its "Ready" line.
 */
export const startSystemProcess = async (env: Record<string, string> = {}): Promise<StartedSystem> => {
  const port = await freePort();
  const keyFile = join(mkdtempSync(join(tmpdir(), 'cart-e2e-')), 'local-auth-key.json');
  const signingSecret = `e2e-secret-${port}`;
  const child = spawn(process.execPath, ['functions/local/start.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      LOCAL_AUTH_KEY_FILE: keyFile,
      SLACK_SIGNING_SECRET: signingSecret,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      resolve(code);
    }),
  );

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`local system not ready after ${READY_TIMEOUT_MS / 1000} s:\n${output}`));
    }, READY_TIMEOUT_MS);
    const check = () => {
      if (/Ready in [\d.]+ s/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`local system exited (${String(code)}) before ready:\n${output}`));
    });
  });

  return {
    child,
    baseUrl: `http://localhost:${port}`,
    signingSecret,
    keyFile,
    output: () => output,
    exited: () => exited,
    stop: async (signal: NodeJS.Signals = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
};
