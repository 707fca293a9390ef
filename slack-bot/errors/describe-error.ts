import { RulesInputError, type InputIssue, type LocalizedText } from '#rules';
import {
  EpisodeConflictError,
  EpisodeForbiddenError,
  EpisodeNotFoundError,
  EpisodeValidationError,
  StoreUnavailableError,
} from '#episodes';
import { keyForField, type FieldSpec } from '../parser/fields.ts';
import { CommandInputError } from '../parser/problems.ts';
import { esc } from '../views/blocks.ts';
import type { ErrorReport } from '../views/error.ts';

/** A channel no team uses yet, for a command that needs a team. */
export class UnmappedChannelError extends Error {
  readonly channelId: string;
  constructor(channelId: string) {
    super(`channel ${channelId} is not mapped to a team`);
    this.name = 'UnmappedChannelError';
    this.channelId = channelId;
  }
}

/** Slack refused a Web API call the reply depends on (e.g. opening a form). */
export class SlackCallError extends Error {
  readonly what: LocalizedText;
  constructor(what: LocalizedText, options?: ErrorOptions) {
    super(what.en, options);
    this.name = 'SlackCallError';
    this.what = what;
  }
}

const show = (value: unknown): string => {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return typeof value === 'object' ? JSON.stringify(value) : typeof value;
};

/** `temp` must be between 25 and 45 °C; received 99.1 — under the key the user typed. */
const issueLine = (issue: InputIssue, fields: readonly FieldSpec[]): LocalizedText => {
  const key = esc(keyForField(fields, issue.field) ?? issue.field);
  const allowed = esc(issue.allowed);
  const received = esc(show(issue.received));
  return {
    zh: `\`${key}\`:应为 ${allowed};收到 ${received}`,
    en: `\`${key}\` must be ${allowed}; received ${received}`,
  };
};

const text = (zh: string, en: string): LocalizedText => ({ zh, en });

/**
 * Turns any failure into what the user reads: the typed errors of the parser, the rules and the
 * episode service each get a specific reply (validation: field, allowed range, value received);
 * anything else says that it may or may not have been recorded and how to check.
 */
export const describeError = (
  error: unknown,
  options: { readonly fields: readonly FieldSpec[]; readonly command: string },
): ErrorReport => {
  if (error instanceof CommandInputError) {
    return {
      title: text('命令无法识别', 'Could not read the command'),
      lines: error.problems.map((problem) => problem.text),
      hint: error.subcommand
        ? text(
            `字段及同义词:\`${options.command} help ${error.subcommand}\``,
            `Fields and synonyms: \`${options.command} help ${error.subcommand}\``,
          )
        : undefined,
      nothingRecorded: true,
    };
  }
  if (error instanceof EpisodeValidationError || error instanceof RulesInputError) {
    return {
      title: text('数值不在允许范围内', 'Some values are not allowed'),
      lines: error.issues.map((issue) => issueLine(issue, options.fields)),
      nothingRecorded: true,
    };
  }
  if (error instanceof EpisodeNotFoundError) {
    const id = esc(error.episodeId);
    return {
      title: text(`未找到 ${id}`, `${id} not found`),
      lines: [
        text('编号有误,或不属于本频道的团队', "check the id; another team's episodes are not visible here"),
      ],
      hint: text(
        `本团队的病程:\`${options.command} list\``,
        `The team's episodes: \`${options.command} list\``,
      ),
      nothingRecorded: true,
    };
  }
  if (error instanceof EpisodeForbiddenError) {
    return {
      title: text('无权限', 'Not allowed'),
      lines: [text(esc(error.message), esc(error.message))],
      nothingRecorded: true,
    };
  }
  if (error instanceof EpisodeConflictError) {
    return {
      title: text('病程刚被修改', 'The episode changed meanwhile'),
      lines: [text('未写入任何内容,请重试', esc(error.message))],
      nothingRecorded: true,
    };
  }
  if (error instanceof StoreUnavailableError) {
    // A write that timed out after it was sent may have been stored: say so, never "nothing recorded".
    if (error.outcome === 'UNKNOWN')
      return {
        title: text(
          '存储未及时应答,未能确认是否已记录',
          'The episode store did not answer in time: not confirmed',
        ),
        lines: [
          text(
            '可能已记录。请先用 `/cart status` 查看,再决定是否重新录入',
            'It may have been recorded. Check `/cart status` before entering it again',
          ),
        ],
        nothingRecorded: false,
      };
    return {
      title: text('存储繁忙,未记录任何内容', 'The episode store is busy: nothing was recorded'),
      lines: [text('请稍后重试', 'Try again in a few seconds')],
      nothingRecorded: true,
    };
  }
  if (error instanceof SlackCallError) {
    return {
      title: text('Slack 调用失败', 'Slack did not answer'),
      lines: [error.what],
      hint: text('请重试,或直接在命令中写出数值', 'Try again, or type the values in the command'),
      nothingRecorded: true,
    };
  }
  return {
    title: text('出现意外错误', 'Something went wrong'),
    lines: [
      text(
        `可能未记录;重试前请先用 \`${options.command} status\` 查看`,
        `It may or may not have been recorded; check with \`${options.command} status\` before retrying`,
      ),
    ],
    nothingRecorded: false,
  };
};
