import type { LocalizedText } from '#rules';

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
    | 'unexpected';
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

const didYouMean = (suggestion: string | undefined): LocalizedText =>
  suggestion
    ? { zh: `;您是否想输入 \`${suggestion}\`?`, en: `; did you mean \`${suggestion}\`?` }
    : { zh: '', en: '' };

export const problems = {
  unknownSubcommand: (word: string, suggestion: string | undefined, command: string): ParseProblem => ({
    code: 'unknown-subcommand',
    received: word,
    ...(suggestion ? { suggestion } : {}),
    text: {
      zh: `未知子命令 \`${word}\`${didYouMean(suggestion).zh}(\`${command} help\` 列出全部命令)`,
      en: `unknown subcommand \`${word}\`${didYouMean(suggestion).en} (\`${command} help\` lists them)`,
    },
  }),
  unknownField: (word: string, suggestion: string | undefined, subcommand: string): ParseProblem => ({
    code: 'unknown-field',
    received: word,
    ...(suggestion ? { suggestion } : {}),
    text: {
      zh: `\`${subcommand}\` 没有字段 \`${word}\`${didYouMean(suggestion).zh}`,
      en: `unknown field \`${word}\`${didYouMean(suggestion).en}`,
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
      zh: `\`${field}=${received}\`:应为${expected.zh}${didYouMean(suggestion).zh}`,
      en: `\`${field}=${received}\`: expected ${expected.en}${didYouMean(suggestion).en}`,
    },
  }),
  ambiguousUnit: (field: string, received: string, hint: LocalizedText): ParseProblem => ({
    code: 'ambiguous-unit',
    field,
    received,
    text: {
      zh: `\`${field}=${received}\` 单位不明确:${hint.zh}`,
      en: `\`${field}=${received}\` has an ambiguous unit: ${hint.en}`,
    },
  }),
  missing: (what: string, example: string): ParseProblem => ({
    code: 'missing',
    field: what,
    text: { zh: `缺少 ${what},例如 \`${example}\``, en: `missing ${what}, e.g. \`${example}\`` },
  }),
  duplicate: (field: string): ParseProblem => ({
    code: 'duplicate',
    field,
    text: { zh: `\`${field}\` 重复给出`, en: `\`${field}\` is given more than once` },
  }),
  unexpected: (word: string, subcommand: string): ParseProblem => ({
    code: 'unexpected',
    received: word,
    text: {
      zh: `\`${subcommand}\` 不需要 \`${word}\``,
      en: `\`${subcommand}\` does not take \`${word}\``,
    },
  }),
};
