import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

/**
 * Command-line handling shared by `npm start`, `npm run chat` and `npm run token`: parsing gives
 * the options, a request for help, or one sentence naming what is wrong; `settle` prints the
 * usage (exit 0) or that sentence (exit 2) so that no stack trace ever reaches the terminal.
 */
export type CliFailure = { readonly kind: 'error'; readonly message: string };

export type CliResult<T> =
  { readonly kind: 'options'; readonly options: T } | { readonly kind: 'help' } | CliFailure;

export type CliSpec = {
  /** How the command is typed, e.g. `npm run chat`. */
  readonly command: string;
  readonly options: ParseArgsOptionsConfig;
  readonly allowPositionals?: boolean;
};

export const cliError = (message: string): CliFailure => ({ kind: 'error', message });

type Parsed = { readonly values: Record<string, unknown>; readonly positionals: readonly string[] };

/**
 * parseArgs's complaint on one line. Its advice on positionals after `--` is dropped: npm already
 * takes the first `--`, which would only confuse.
 */
const oneLine = (error: unknown): string => {
  const { message, code } = error as { message?: unknown; code?: unknown };
  const text = String(message ?? error).replace(/\s*\n\s*/g, ' ');
  const kept =
    code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL'
      ? (text.split('. ')[0] ?? text)
      : text;
  return `${kept.replace(/\.+$/, '')}.`;
};

/** parseArgs with `--help`/`-h` added, its errors turned into one sentence. */
export const parseCommandLine = <T>(
  spec: CliSpec,
  argv: readonly string[],
  build: (parsed: Parsed) => CliResult<T>,
): CliResult<T> => {
  let parsed: Parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { ...spec.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: spec.allowPositionals ?? false,
      strict: true,
    });
  } catch (error) {
    return cliError(oneLine(error));
  }
  if (parsed.values.help === true) return { kind: 'help' };
  return build(parsed);
};

/** The string value of an option parsed with `type: 'string'`. */
export const stringValue = (values: Record<string, unknown>, name: string): string | undefined => {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
};

/** An integer in [min, max] from an option or a variable, or the sentence saying what is wrong. */
export const integerIn = (
  name: string,
  raw: string,
  min: number,
  max: number,
): { readonly value: number } | { readonly error: string } => {
  const value = Number(raw);
  return /^\d+$/.test(raw.trim()) && value >= min && value <= max
    ? { value }
    : { error: `${name} must be a whole number from ${min} to ${max}; received ${JSON.stringify(raw)}.` };
};

/** An http(s) URL without a trailing slash, or the sentence saying what is wrong. */
export const httpUrl = (
  name: string,
  raw: string,
): { readonly value: string } | { readonly error: string } => {
  try {
    const url = new URL(raw);
    if (url.protocol === 'http:' || url.protocol === 'https:') return { value: raw.replace(/\/+$/, '') };
  } catch {
    // reported below
  }
  return { error: `${name} must be an http:// or https:// URL; received ${JSON.stringify(raw)}.` };
};

/**
 * The options, or the process ends: with the usage on stdout and exit code 0 for `--help`, with
 * one line on stderr (what is wrong, and where the usage is) and exit code 2 for bad options.
 */
export const settle = <T>(
  result: CliResult<T>,
  spec: { readonly command: string; readonly usage: string },
): T => {
  if (result.kind === 'options') return result.options;
  if (result.kind === 'help') {
    process.stdout.write(`${spec.usage.trim()}\n`);
    process.exit(0);
  }
  process.stderr.write(`${spec.command}: ${result.message} See \`${spec.command} -- --help\`.\n`);
  process.exit(2);
};
