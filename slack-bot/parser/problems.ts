import type { LocalizedText } from '#rules';
import { esc, truncate } from '../views/blocks.ts';

/**
 * What is wrong with a command as typed: always specific (which word, what was expected, the
 * nearest valid word), and always meaning that nothing was recorded.
 */
export type ParseProblem = {
  readonly code:
    | 'unknown-subcommand'
    | 'unknown-field'
    | 'invalid-value'
    | 'ambiguous-unit'
    | 'missing'
    | 'duplicate'
    | 'unexpected'
    | 'too-long';
  /** The field's key as the user writes it (e.g. `temp`). */
  readonly field?: string;
  /** The word or value received, as typed. */
  readonly received?: string;
  /** The nearest valid word, for "did you mean …?". */
  readonly suggestion?: string;
  readonly text: LocalizedText;
};

/** A command that could not be understood: the global error handler turns it into a reply. */
export class CommandInputError extends Error {
  readonly problems: readonly ParseProblem[];
  readonly subcommand: string | undefined;
  constructor(problems: readonly ParseProblem[], subcommand?: string) {
    super(problems.map((problem) => problem.text.en).join('; '));
    this.name = 'CommandInputError';
    this.problems = problems;
    this.subcommand = subcommand;
  }
}

/** The longest piece of what was typed that a reply quotes back. */
export const ECHO_MAX_CHARS = 40;

/**
 * What the user typed, quoted back in a reply as inline code: shortened, with its mrkdwn control
 * characters escaped (so `<!channel>` or `<@U…>` typed into a command never becomes a mention in
 * the reply) and backticks turned into quotes (so it cannot close the code span).
 */
export const echo = (typed: string): string =>
  `\`${esc(truncate(typed, ECHO_MAX_CHARS).replace(/`/g, "'"))}\``;

const didYouMean = (suggestion: string | undefined): LocalizedText =>
  suggestion
    ? { zh: `;您是否想输入 ${echo(suggestion)}?`, en: `; did you mean ${echo(suggestion)}?` }
    : { zh: '', en: '' };

export const problems = {
  tooLong: (length: number, max: number, command: string): ParseProblem => ({
    code: 'too-long',
    received: `${length} characters`,
    text: {
      zh: `命令过长:${length} 个字符,最多 ${max} 个;请分成几条命令(\`${esc(command)} help\` 列出全部命令)`,
      en: `the command is too long: ${length} characters, at most ${max}; split it into several commands (\`${esc(command)} help\` lists them)`,
    },
  }),
  unknownSubcommand: (word: string, suggestion: string | undefined, command: string): ParseProblem => ({
    code: 'unknown-subcommand',
    received: word,
    ...(suggestion ? { suggestion } : {}),
    text: {
      zh: `未知子命令 ${echo(word)}${didYouMean(suggestion).zh}(${echo(`${command} help`)} 列出全部命令)`,
      en: `unknown subcommand ${echo(word)}${didYouMean(suggestion).en} (${echo(`${command} help`)} lists them)`,
    },
  }),
  unknownField: (word: string, suggestion: string | undefined, subcommand: string): ParseProblem => ({
    code: 'unknown-field',
    received: word,
    ...(suggestion ? { suggestion } : {}),
    text: {
      zh: `${echo(subcommand)} 没有字段 ${echo(word)}${didYouMean(suggestion).zh}`,
      en: `unknown field ${echo(word)}${didYouMean(suggestion).en}`,
    },
  }),
  invalidValue: (
    field: string,
    received: string,
    expected: LocalizedText,
    suggestion?: string,
  ): ParseProblem => ({
    code: 'invalid-value',
    field,
    received,
    ...(suggestion ? { suggestion } : {}),
    text: {
      zh: `${echo(`${field}=${received}`)}:应为${esc(expected.zh)}${didYouMean(suggestion).zh}`,
      en: `${echo(`${field}=${received}`)}: expected ${esc(expected.en)}${didYouMean(suggestion).en}`,
    },
  }),
  ambiguousUnit: (field: string, received: string, hint: LocalizedText): ParseProblem => ({
    code: 'ambiguous-unit',
    field,
    received,
    text: {
      zh: `${echo(`${field}=${received}`)} 单位不明确:${esc(hint.zh)}`,
      en: `${echo(`${field}=${received}`)} has an ambiguous unit: ${esc(hint.en)}`,
    },
  }),
  missing: (what: string, example: string): ParseProblem => ({
    code: 'missing',
    field: what,
    text: {
      zh: `缺少 ${esc(what)},例如 \`${esc(example)}\``,
      en: `missing ${esc(what)}, e.g. \`${esc(example)}\``,
    },
  }),
  duplicate: (field: string): ParseProblem => ({
    code: 'duplicate',
    field,
    text: { zh: `${echo(field)} 重复给出`, en: `${echo(field)} is given more than once` },
  }),
  unexpected: (word: string, subcommand: string): ParseProblem => ({
    code: 'unexpected',
    received: word,
    text: {
      zh: `${echo(subcommand)} 不需要 ${echo(word)}`,
      en: `${echo(subcommand)} does not take ${echo(word)}`,
    },
  }),
};
