import { randomUUID } from 'node:crypto';
import type { AllMiddlewareArgs, AnyMiddlewareArgs } from '@slack/bolt';
import { RulesInputError } from '#rules';
import { EpisodeValidationError } from '#episodes';
import type { SlackBotDeps } from '../deps.ts';
import { CommandInputError } from '../parser/problems.ts';
import { errorView } from '../views/error.ts';
import { errorModalView } from '../views/error-modal.ts';
import { unmappedChannelView } from '../views/unmapped-channel.ts';
import { describeError, UnmappedChannelError } from './describe-error.ts';
import { replyContextOf } from './reply-context.ts';

type Ack = (response?: unknown) => Promise<void>;
type Respond = (message: unknown) => Promise<unknown>;

/**
 * What is logged of a failure: never what the user typed (it could hold anything, a name among
 * it), only which fields and checks failed; unexpected errors in full for the on-call engineer.
 */
const logEntry = (error: unknown, correlationId: string): Parameters<SlackBotDeps['log']> => {
  if (error instanceof CommandInputError)
    return [
      'info',
      'slack command not understood',
      { correlationId, problems: error.problems.map((p) => [p.code, p.field]) },
    ];
  if (error instanceof EpisodeValidationError || error instanceof RulesInputError)
    return [
      'info',
      'slack input refused',
      { correlationId, fields: error.issues.map((issue) => issue.field) },
    ];
  if (error instanceof Error && error.name !== 'Error' && error.name !== 'TypeError')
    return [
      'warn',
      'slack request refused',
      { correlationId, error: { name: error.name, message: error.message } },
    ];
  return [
    'error',
    'slack request failed',
    {
      correlationId,
      error:
        error instanceof Error
          ? { name: error.name, message: error.message, stack: error.stack }
          : String(error),
    },
  ];
};

const isMultipleAck = (error: unknown): boolean =>
  (error as { code?: string }).code === 'slack_bolt_receiver_ack_multiple_error';

/**
 * The one global error handler (a global middleware around every listener): a typed failure of the
 * parser, the rules or the episode service becomes a specific reply (validation: field, allowed
 * range, value received) carrying a correlation id that is also logged. It answers the way the
 * request allows: in the command's acknowledgement, in the form, or ephemerally via response_url.
 */
export const replyOnError =
  (deps: SlackBotDeps) =>
  async (args: AnyMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    try {
      await args.next();
    } catch (error) {
      const correlationId = randomUUID().slice(0, 8);
      const { language, fields } = replyContextOf(args.context);
      deps.log(...logEntry(error, correlationId));
      const message =
        error instanceof UnmappedChannelError
          ? unmappedChannelView(deps.command, language)
          : errorView(describeError(error, { fields, command: deps.command }), language, correlationId);
      const ack = 'ack' in args ? (args.ack as Ack | undefined) : undefined;
      const isView = args.body.type === 'view_submission';
      if (ack) {
        try {
          await ack(
            isView
              ? { response_action: 'update', view: errorModalView(message, language) }
              : { response_type: 'ephemeral', ...message },
          );
          return;
        } catch (ackError) {
          if (!isMultipleAck(ackError)) throw ackError;
        }
      }
      const respond = 'respond' in args ? (args.respond as Respond | undefined) : undefined;
      if (respond) {
        await respond({ response_type: 'ephemeral', replace_original: false, ...message }).catch(
          (respondError: unknown) => {
            deps.log('warn', 'could not send the error reply', {
              correlationId,
              error: String(respondError),
            });
          },
        );
      }
    }
  };
