import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { idempotencyKeyFor, languageOf, type SlackBotDeps } from '../deps.ts';
import { SlackCallError } from '../errors/describe-error.ts';
import { setReplyContext } from '../errors/reply-context.ts';
import { parseCart, SUBCOMMANDS } from '../parser/parse-command.ts';
import { CommandInputError } from '../parser/problems.ts';
import { dispatch } from '../subcommands/index.ts';
import type { App } from '../bolt.ts';

/**
 * Today in the hospital's calendar at `now`, worked out when a command first reads it and then
 * kept: the first time-zone lookup of a process costs about 20 ms (the ICU data), which `/cart help`
 * and the calculators, reading no date, need not pay within Slack's 3 seconds.
 */
export const todayOnFirstRead = (deps: Pick<SlackBotDeps, 'episodes'>, now: Date): (() => string) => {
  let today: string | undefined;
  return () => (today ??= deps.episodes.today(now));
};

/**
 * `/cart <subcommand> …`: one settings read (the channel's team, language and role), the parse,
 * one service call and the reply, all inside Slack's 3 seconds. Alerts never go out from here:
 * the stream consumer delivers them. Failures go to the global error handler.
 */
export const cartCommand =
  (deps: SlackBotDeps) =>
  async ({
    command: payload,
    ack,
    client,
    context,
  }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const now = deps.episodes.now();
    const today = todayOnFirstRead(deps, now);
    const settings = await deps.settings.forChannel(payload.channel_id);
    const language = languageOf(settings);
    const parsed = parseCart(payload.text, {
      now,
      get today() {
        return today();
      },
      command: deps.command,
    });
    const subcommand = parsed.ok ? parsed.command.name : parsed.subcommand;
    setReplyContext(context, { language, fields: subcommand ? SUBCOMMANDS[subcommand].fields : [] });
    if (!parsed.ok) throw new CommandInputError(parsed.problems, parsed.subcommand);

    const reply = await dispatch(parsed.command, {
      deps,
      now,
      get today() {
        return today();
      },
      userId: payload.user_id,
      channelId: payload.channel_id,
      settings,
      language,
      idempotencyKey: idempotencyKeyFor(payload.trigger_id),
    });
    if (reply.kind === 'modal') {
      await client.views
        .open({ trigger_id: payload.trigger_id, view: reply.view })
        .catch((error: unknown) => {
          throw new SlackCallError(
            { zh: '无法打开表单', en: 'The form could not be opened' },
            { cause: error },
          );
        });
      await ack();
      return;
    }
    await ack({ response_type: reply.visibility, ...reply.message });
  };

export const register = (app: App, deps: SlackBotDeps): void => {
  app.command(deps.command, cartCommand(deps));
};
