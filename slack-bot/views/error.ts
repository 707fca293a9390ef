import type { Language, LocalizedText } from '#rules';
import { context, fallback, section, tr, type SlackMessage } from './blocks.ts';
import { LABELS } from './labels.ts';

/** A failure as the user should read it: what went wrong, each specific problem, what to do. */
export type ErrorReport = {
  readonly title: LocalizedText;
  /** One mrkdwn line per problem (field, allowed, received), escaped, in both languages. */
  readonly lines: readonly LocalizedText[];
  readonly hint?: LocalizedText | undefined;
  /** True when it is certain that nothing was written. */
  readonly nothingRecorded: boolean;
};

/** The reply to any failure, with the correlation id that finds it in the logs. */
export const errorView = (report: ErrorReport, language: Language, correlationId: string): SlackMessage => {
  const title = tr(report.title, language);
  const lines = report.lines.map((line) => `• ${tr(line, language)}`);
  const footer = [
    report.nothingRecorded ? tr(LABELS.nothingRecorded, language) : '',
    `${tr(LABELS.reference, language)} \`${correlationId}\``,
  ].filter((part) => part !== '');
  return {
    text: fallback(`:warning: ${title}`, ...lines),
    blocks: [
      section([`:warning: *${title}*`, ...lines].join('\n')),
      ...(report.hint ? [section(tr(report.hint, language))] : []),
      context(footer.join(' · ')),
    ],
  };
};
