import type { App } from '@slack/bolt';
import { helpView } from '../views/help.ts';

/** `/cart <subcommand> …`: one slash command, subcommands routed by their first word. */
export const registerCartCommand = (app: App, command: string): void => {
  app.command(command, async ({ command: payload, ack }) => {
    const [subcommand = 'help'] = payload.text
      .trim()
      .split(/\s+/)
      .filter((word) => word !== '');
    switch (subcommand.toLowerCase()) {
      case 'help':
        await ack({ response_type: 'ephemeral', ...helpView(payload.command) });
        return;
      default:
        await ack({
          response_type: 'ephemeral',
          text: `Unknown subcommand \`${subcommand}\`. Try \`${payload.command} help\`.`,
        });
    }
  });
};
